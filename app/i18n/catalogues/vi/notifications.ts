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
} as const;
