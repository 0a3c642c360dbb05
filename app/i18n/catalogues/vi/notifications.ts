/**
 * In-app notifications: the bell, the list, and each notification's sentence (notify.*). Notification
 * sentences of one area may live in that area's catalogue; they all start with "notify.".
 * Add each key to both objects (a unit test checks they match).
 */
export const messages = {
  "notifications.title": "Thông báo",
  "notifications.lead": "Những thay đổi liên quan đến bạn: giới thiệu, phỏng vấn, việc làm và lịch theo dõi.",
  "notifications.none": "Chưa có thông báo nào.",
  "notifications.done": "Đã xong",
  "notifications.open": "Xem",
  "notifications.markAll": "Đánh dấu tất cả là đã đọc",
  "notifications.error.markAll": "Không đánh dấu được: trang đã cũ. Hãy tải lại trang và thử lại.",
  "notifications.older": "Thông báo cũ hơn",
  "notifications.aPerson": "một người",
  "notifications.marked": "Đã đánh dấu tất cả là đã đọc.",
  // Reminders and news that also leave the app (app/modules/notifications/outside-messages.ts)
  "notify.referral.organization.interviewTomorrow":
    "Nhắc lịch: ngày mai {time} phỏng vấn một người được giới thiệu cho “{title}”.",
  "notify.referral.person.interviewTomorrow":
    "Nhắc lịch: ngày mai lúc {time} bạn có hẹn gặp cho “{title}”. Xem địa điểm.",
  "notify.organization.verified": "{organization} đã được xác minh. Bạn có thể đăng tin.",
  "notify.organization.rejected": "{organization} chưa được xác minh. Xem lý do trong trang thông tin đơn vị.",
  "notify.course.person.starting": "Khóa học “{course}” bắt đầu ngày {date}.",
  "notify.consent.person.expiring": "Sự đồng ý bạn đã ký hết hạn ngày {date}. Nếu muốn tiếp tục, hãy gặp cán bộ xã.",
  "notify.alert.job": "Có {count} việc làm mới hợp với tìm kiếm “{query}”.",
  "notify.alert.training": "Có {count} khóa học mới hợp với tìm kiếm “{query}”.",
  "notify.consent.officer.withdrawn":
    "Một người trong hồ sơ bạn quản lý đã rút đồng ý cho một hoặc nhiều mục đích (ngày {date}). Các giới thiệu liên quan đã được cập nhật.",
  "notify.consent.officer.expired":
    "Sự đồng ý của một người trong hồ sơ bạn quản lý đã hết hạn (ngày {date}). Các giới thiệu liên quan đã được cập nhật.",
  "notify.referral.organization.consentWithdrawn":
    "Người lao động được giới thiệu cho “{title}” đã rút đồng ý chia sẻ một số thông tin: trang giới thiệu không còn hiển thị chúng.",
  "notify.referral.organization.consentExpired":
    "Sự đồng ý chia sẻ một số thông tin của người lao động được giới thiệu cho “{title}” đã hết hạn: trang giới thiệu không còn hiển thị chúng.",
  "notify.jobFair.registered": "Bạn đã được đăng ký tham gia {title} ngày {date} tại {place}.",
  "notify.placement.created.org": "Ứng viên được giới thiệu đã bắt đầu làm {position} từ ngày {date}.",
  "notify.placement.created.person": "Cán bộ đã ghi nhận công việc của bạn: {position} tại {employer}, từ ngày {date}.",
  "notify.placement.ended.org": "Người lao động làm {position} đã nghỉ việc từ ngày {date}.",
  "notify.placement.ended.officer": "Đã ghi nhận nghỉ việc: {position} tại {employer}, từ ngày {date}.",
  "notify.followUp.due.officer": "Đến kỳ theo dõi {month} tháng: {name} ({employer}), hạn {date}.",
  "notify.followUp.due.org": "Đến kỳ xác nhận người lao động vẫn làm {position} (mốc {month} tháng, hạn {date}).",
  "notify.enrolment.created.provider": "Học viên được giới thiệu đã nhập học khóa {course} từ ngày {date}.",
  "notify.referral.officer.referred": "{name} đã được giới thiệu đến “{title}”.",
  "notify.referral.officer.seen": "Nơi nhận đã xem giới thiệu {name} đến “{title}”.",
  "notify.referral.officer.interview": "“{title}” hẹn phỏng vấn {name}.",
  "notify.referral.officer.offered":
    "“{title}” muốn nhận {name}: đang chờ người lao động trả lời (trong ứng dụng hoặc qua bạn).",
  "notify.referral.officer.accepted":
    "{name} đã đồng ý và được nhận vào “{title}”: hãy ghi nhận việc làm hoặc nhập học.",
  "notify.referral.officer.declined": "“{title}” từ chối giới thiệu {name}.",
  "notify.referral.officer.declinedByPerson": "{name} không nhận “{title}”.",
  "notify.referral.officer.withdrawn": "Giới thiệu {name} đến “{title}” đã được rút lại.",
  "notify.referral.officer.withdrawnConsent":
    "Giới thiệu {name} đến “{title}” tự động rút lại: sự đồng ý không còn hiệu lực.",
  "notify.referral.officer.withdrawnFile":
    "Giới thiệu {name} đến “{title}” tự động rút lại: hồ sơ đã đóng hoặc chuyển đi.",
  "notify.referral.officer.message": "Tin nhắn mới từ nơi nhận về giới thiệu {name} đến “{title}”.",
  "notify.referral.organization.referred": "Có người lao động mới được giới thiệu cho “{title}”.",
  "notify.referral.organization.interview": "Đã hẹn phỏng vấn một người được giới thiệu cho “{title}”.",
  "notify.referral.organization.offered":
    "Quý cơ sở muốn nhận một người được giới thiệu cho “{title}”: đang chờ người lao động trả lời.",
  "notify.referral.organization.accepted":
    "Người được giới thiệu cho “{title}” đã đồng ý: giới thiệu chuyển sang “Đã nhận”.",
  "notify.referral.organization.declined": "Một giới thiệu cho “{title}” đã bị từ chối.",
  "notify.referral.organization.declinedByPerson":
    "Người được giới thiệu cho “{title}” đã quyết định không nhận lời. Cảm ơn quý cơ sở.",
  "notify.referral.organization.withdrawn": "Một giới thiệu cho “{title}” đã được rút lại.",
  "notify.referral.organization.message": "Tin nhắn mới từ cán bộ xã về một giới thiệu cho “{title}”.",
  "notify.referral.person.referred": "Cán bộ xã đã giới thiệu bạn đến “{title}”.",
  "notify.referral.person.seen": "“{title}” đã xem giới thiệu của bạn.",
  "notify.referral.person.interview": "Bạn được hẹn phỏng vấn cho “{title}”. Xem ngày giờ và địa điểm.",
  "notify.referral.person.offered":
    "“{title}” muốn nhận bạn. Bạn có thể trả lời đồng ý hay không ngay trong mục Giới thiệu của ứng dụng, hoặc báo cán bộ xã.",
  "notify.referral.person.accepted": "Đã ghi nhận bạn đồng ý: bạn được nhận vào “{title}”.",
  "notify.referral.person.declined": "Lần này “{title}” chưa nhận bạn.",
  "notify.referral.person.declinedByPerson": "Đã ghi nhận bạn không nhận “{title}”.",
  "notify.referral.person.withdrawn": "Giới thiệu đến “{title}” đã dừng.",
  "notify.referral.person.withdrawnConsent":
    "Giới thiệu đến “{title}” đã dừng vì sự đồng ý của bạn không còn hiệu lực.",
  "notify.referral.request.created": "{name} xin được giới thiệu đến “{title}”.",
  "notify.referral.request.declined": "Cán bộ xã chưa thể giới thiệu bạn đến “{title}”.",
  "notify.referral.request.declinedWithNote": "Cán bộ xã chưa thể giới thiệu bạn đến “{title}”: {note}",
} as const;
