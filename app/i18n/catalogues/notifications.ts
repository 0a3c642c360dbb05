/**
 * In-app notifications: the bell, the list, and each notification's sentence (notify.*). Notification
 * sentences of one area may live in that area's catalogue; they all start with "notify.".
 * Add each key to both objects (a unit test checks they match).
 */
export const notificationsVi = {
  "nav.notifications": "Thông báo",
  "nav.notifications.unread": "Thông báo ({count} chưa đọc)",
  "notifications.title": "Thông báo",
  "notifications.lead": "Những thay đổi liên quan đến bạn: giới thiệu, phỏng vấn, việc làm và lịch theo dõi.",
  "notifications.none": "Chưa có thông báo nào.",
  "notifications.unread": "Chưa đọc",
  "notifications.done": "Đã xong",
  "notifications.open": "Xem",
  "notifications.markAll": "Đánh dấu tất cả là đã đọc",
  "notifications.error.markAll": "Không đánh dấu được: trang đã cũ. Hãy tải lại trang và thử lại.",
  "notifications.older": "Thông báo cũ hơn",
  "notifications.marked": "Đã đánh dấu tất cả là đã đọc.",
};

export const notificationsEn: Record<keyof typeof notificationsVi, string> = {
  "nav.notifications": "Notifications",
  "nav.notifications.unread": "Notifications ({count} unread)",
  "notifications.title": "Notifications",
  "notifications.lead": "Changes that concern you: referrals, interviews, jobs and follow-up visits.",
  "notifications.none": "No notifications yet.",
  "notifications.unread": "Unread",
  "notifications.done": "Done",
  "notifications.open": "Open",
  "notifications.markAll": "Mark all as read",
  "notifications.error.markAll": "Could not mark them as read: the page is out of date. Reload the page and try again.",
  "notifications.older": "Older notifications",
  "notifications.marked": "All notifications marked as read.",
};
