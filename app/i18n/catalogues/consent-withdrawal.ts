/**
 * Withdrawing consent purpose by purpose (the person at /me/consents, the officer on the person's page),
 * its history, what organisations see once a purpose ended, and the notifications that say so.
 * Add each key to both objects (a unit test checks they match).
 */
export const consentWithdrawalVi = {
  // The history of one grant
  "consent.withdrawal.history": "Lịch sử rút đồng ý",
  "consent.withdrawal.row": "{purpose}: rút ngày {date}, {who}, {channel}.",
  "consent.withdrawal.by.person": "do chính người lao động",
  "consent.withdrawal.by.officer": "cán bộ công an xã ghi nhận",
  "consent.withdrawal.by.admin": "quản trị viên ghi nhận",
  "consent.withdrawal.by.system": "hệ thống ghi nhận",
  "consent.withdrawal.channel.online": "trên trang cá nhân",
  "consent.withdrawal.channel.in_person": "trực tiếp tại trụ sở",
  "consent.withdrawal.channel.phone": "qua điện thoại",
  "consent.withdrawal.channel.written": "bằng văn bản",
  "consent.withdrawal.channel.message_link": "bằng nút dừng trong tin nhắn",
  "consent.withdrawal.channel.unknown": "không rõ cách thức",
  "consent.withdrawal.purposeLive": "Đang đồng ý",
  "consent.withdrawal.purposeWithdrawn": "Đã rút ngày {date}",

  // Consequences of withdrawing each purpose, in plain words
  "consent.withdrawal.effect.matching":
    "Bạn sẽ không còn trong danh sách người tìm việc, các yêu cầu giới thiệu việc làm đang chờ bị hủy, và nơi tuyển dụng không còn thấy thông tin của bạn.",
  "consent.withdrawal.effect.training_referral":
    "Cán bộ không còn giới thiệu bạn đi học nghề, các yêu cầu giới thiệu học nghề đang chờ bị hủy, và cơ sở đào tạo không còn thấy thông tin của bạn.",
  "consent.withdrawal.effect.share_contact":
    "Nơi tuyển dụng và cơ sở đào tạo đã được giới thiệu sẽ không còn thấy số điện thoại của bạn.",
  "consent.withdrawal.effect.share_record_status":
    "Nơi được giới thiệu sẽ không còn biết án tích của bạn đã được xóa hay chưa.",
  "consent.withdrawal.effect.contact_sms":
    "Chung Tay sẽ không nhắn tin SMS cho bạn nữa; bạn vẫn xem tin trong ứng dụng.",
  "consent.withdrawal.effect.contact_zalo":
    "Chung Tay sẽ không gửi tin Zalo cho bạn nữa; bạn vẫn xem tin trong ứng dụng.",
  "consent.withdrawal.keepOthers": "Những việc khác bạn đã đồng ý vẫn giữ nguyên.",

  // /me/consents
  "consent.withdrawal.self.open": "Rút đồng ý cho việc này",
  "consent.withdrawal.self.confirm": "Tôi muốn rút đồng ý cho việc này",
  "consent.withdrawal.self.all": "Rút lại toàn bộ đồng ý này",
  "consent.withdrawal.self.done":
    "Bạn đã rút đồng ý cho việc: {purpose}. Những việc khác bạn đã đồng ý vẫn còn hiệu lực.",
  "consent.withdrawal.error.invalid": "Không rút được: yêu cầu không hợp lệ. Hãy tải lại trang và thử lại.",

  // Officer, on the person's page
  "consent.withdrawal.officer.open": "Rút mục đích này",
  "consent.withdrawal.officer.warning":
    "Chỉ rút mục đích “{purpose}”; các mục đích khác của sự đồng ý này vẫn còn hiệu lực. Việc rút có hiệu lực ngay, và nơi đã được giới thiệu sẽ được báo.",
  "consent.withdrawal.officer.allWarning":
    "Rút tất cả các mục đích còn hiệu lực của sự đồng ý này. Việc rút có hiệu lực ngay.",
  "consent.withdrawal.officer.channel": "Người này báo rút",
  "consent.withdrawal.officer.confirm": "Xác nhận rút mục đích này",
  "consent.withdrawal.officer.confirmAll": "Xác nhận rút toàn bộ",
  "consent.withdrawal.officer.done": "Đã rút mục đích “{purpose}”. Các mục đích khác vẫn còn hiệu lực.",

  // What organisations see once a purpose ended
  "consent.withdrawal.org.withdrawn": "Không còn hiển thị: người lao động đã rút đồng ý chia sẻ ngày {date}.",
  "consent.withdrawal.org.expired": "Không còn hiển thị: sự đồng ý chia sẻ đã hết hạn ngày {date}.",
  "consent.withdrawal.org.ended": "Không còn hiển thị: thông tin này không còn được chia sẻ.",
  "consent.withdrawal.org.summary.withdrawn": "Người lao động đã rút đồng ý chia sẻ {fields} ngày {date}.",
  "consent.withdrawal.org.summary.expired": "Sự đồng ý chia sẻ {fields} đã hết hạn ngày {date}.",
  "consent.withdrawal.org.summary.ended": "{fields} không còn được chia sẻ.",
  "consent.withdrawal.org.list.withdrawn": "Đã rút đồng ý chia sẻ ngày {date}",
  "consent.withdrawal.org.list.expired": "Đồng ý chia sẻ hết hạn ngày {date}",
  "consent.withdrawal.org.list.ended": "Một số thông tin không còn được chia sẻ",

  // Notifications: a link to the record or the referral, never the person's data
  "notify.consent.officer.withdrawn":
    "Một người trong hồ sơ bạn quản lý đã rút đồng ý cho một hoặc nhiều mục đích (ngày {date}). Các giới thiệu liên quan đã được cập nhật.",
  "notify.consent.officer.expired":
    "Sự đồng ý của một người trong hồ sơ bạn quản lý đã hết hạn (ngày {date}). Các giới thiệu liên quan đã được cập nhật.",
  "notify.referral.organization.consentWithdrawn":
    "Người lao động được giới thiệu cho “{title}” đã rút đồng ý chia sẻ một số thông tin: trang giới thiệu không còn hiển thị chúng.",
  "notify.referral.organization.consentExpired":
    "Sự đồng ý chia sẻ một số thông tin của người lao động được giới thiệu cho “{title}” đã hết hạn: trang giới thiệu không còn hiển thị chúng.",
};

export const consentWithdrawalEn: Record<keyof typeof consentWithdrawalVi, string> = {
  "consent.withdrawal.history": "Withdrawal history",
  "consent.withdrawal.row": "{purpose}: withdrawn on {date}, {who}, {channel}.",
  "consent.withdrawal.by.person": "by the person themselves",
  "consent.withdrawal.by.officer": "recorded by a commune officer",
  "consent.withdrawal.by.admin": "recorded by an administrator",
  "consent.withdrawal.by.system": "recorded by the system",
  "consent.withdrawal.channel.online": "on their own page",
  "consent.withdrawal.channel.in_person": "in person at the office",
  "consent.withdrawal.channel.phone": "by phone",
  "consent.withdrawal.channel.written": "in writing",
  "consent.withdrawal.channel.message_link": "with the stop button of a message",
  "consent.withdrawal.channel.unknown": "channel not recorded",
  "consent.withdrawal.purposeLive": "Agreed",
  "consent.withdrawal.purposeWithdrawn": "Withdrawn on {date}",

  "consent.withdrawal.effect.matching":
    "You leave the list of job seekers, pending job referral requests are cancelled, and employers no longer see your information.",
  "consent.withdrawal.effect.training_referral":
    "Officers no longer refer you to training, pending training referral requests are cancelled, and training providers no longer see your information.",
  "consent.withdrawal.effect.share_contact":
    "Employers and training providers you were referred to no longer see your phone number.",
  "consent.withdrawal.effect.share_record_status":
    "Places you were referred to no longer learn whether your record is expunged.",
  "consent.withdrawal.effect.contact_sms": "Chung Tay will no longer text you; you still see your news in the app.",
  "consent.withdrawal.effect.contact_zalo":
    "Chung Tay will no longer send you Zalo messages; you still see your news in the app.",
  "consent.withdrawal.keepOthers": "Everything else you agreed to stays as it is.",

  "consent.withdrawal.self.open": "Withdraw consent for this",
  "consent.withdrawal.self.confirm": "Yes, withdraw consent for this",
  "consent.withdrawal.self.all": "Withdraw this whole consent",
  "consent.withdrawal.self.done":
    "You withdrew your consent for: {purpose}. Everything else you agreed to is still in force.",
  "consent.withdrawal.error.invalid": "Could not withdraw: the request is not valid. Reload the page and try again.",

  "consent.withdrawal.officer.open": "Withdraw this purpose",
  "consent.withdrawal.officer.warning":
    "Only “{purpose}” is withdrawn; the other purposes of this consent stay in force. It takes effect at once, and the places the person was referred to are told.",
  "consent.withdrawal.officer.allWarning":
    "Withdraws every purpose of this consent still in force. It takes effect at once.",
  "consent.withdrawal.officer.channel": "The person told us",
  "consent.withdrawal.officer.confirm": "Confirm: withdraw this purpose",
  "consent.withdrawal.officer.confirmAll": "Confirm: withdraw everything",
  "consent.withdrawal.officer.done": "“{purpose}” withdrawn. The other purposes stay in force.",

  "consent.withdrawal.org.withdrawn": "No longer shown: the person withdrew their consent to share it on {date}.",
  "consent.withdrawal.org.expired": "No longer shown: the consent to share it expired on {date}.",
  "consent.withdrawal.org.ended": "No longer shown: this is no longer shared.",
  "consent.withdrawal.org.summary.withdrawn": "The person withdrew their consent to share {fields} on {date}.",
  "consent.withdrawal.org.summary.expired": "The consent to share {fields} expired on {date}.",
  "consent.withdrawal.org.summary.ended": "{fields}: no longer shared.",
  "consent.withdrawal.org.list.withdrawn": "Consent to share withdrawn on {date}",
  "consent.withdrawal.org.list.expired": "Consent to share expired on {date}",
  "consent.withdrawal.org.list.ended": "Some information is no longer shared",

  "notify.consent.officer.withdrawn":
    "A person whose file you hold withdrew consent for one or more purposes (on {date}). The referrals concerned were updated.",
  "notify.consent.officer.expired":
    "The consent of a person whose file you hold expired (on {date}). The referrals concerned were updated.",
  "notify.referral.organization.consentWithdrawn":
    "The person referred to “{title}” withdrew consent to share some information: the referral page no longer shows it.",
  "notify.referral.organization.consentExpired":
    "The consent to share some information of the person referred to “{title}” expired: the referral page no longer shows it.",
};
