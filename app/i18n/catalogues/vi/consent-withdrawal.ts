/**
 * Withdrawing consent purpose by purpose (the person at /me/consents, the officer on the person's page),
 * its history, what organisations see once a purpose ended, and the notifications that say so.
 * Add each key to both objects (a unit test checks they match).
 */
export const messages = {
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
} as const;
