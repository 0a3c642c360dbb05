/**
 * Saved searches and job alerts (/jobs, /trainings, /me/saved), and the share block of the public job and
 * course pages. Add each key to both objects (a unit test checks they match).
 */
export const alertsVi = {
  // The button on /jobs and /trainings
  "alerts.save.job": "Nhận thông báo khi có việc mới phù hợp",
  "alerts.save.training": "Nhận thông báo khi có khóa học mới phù hợp",
  "alerts.save.hint": "Với từ khóa và bộ lọc đang chọn. Mỗi ngày nhiều nhất một tin, dừng lúc nào cũng được.",
  "alerts.save.login.job": "Đăng nhập để nhận thông báo khi có việc mới phù hợp",
  "alerts.save.login.training": "Đăng nhập để nhận thông báo khi có khóa học mới phù hợp",
  // The section of /me/saved
  "alerts.title": "Thông báo việc mới",
  "alerts.lead":
    "Khi có việc làm hoặc khóa học mới hợp với tìm kiếm bạn đã lưu, Chung Tay báo cho bạn, mỗi ngày nhiều nhất một lần.",
  "alerts.none":
    "Bạn chưa lưu tìm kiếm nào. Trên trang Việc làm hoặc Khóa học, bấm «Nhận thông báo khi có việc mới phù hợp».",
  "alerts.kind.job": "Việc làm",
  "alerts.kind.training": "Khóa học",
  "alerts.query.all": "tất cả",
  "alerts.filters": "{count} bộ lọc",
  "alerts.savedOn": "Lưu ngày {date}",
  "alerts.lastSent": "Lần báo gần nhất: {date}",
  "alerts.open": "Xem kết quả",
  "alerts.stop": "Dừng thông báo",
  "alerts.done.saved": "Đã lưu. Khi có tin mới phù hợp, bạn sẽ được báo (mỗi ngày nhiều nhất một lần).",
  "alerts.done.already": "Bạn đã lưu tìm kiếm này rồi.",
  "alerts.done.stopped": "Đã dừng thông báo này.",
  "alerts.error.invalid": "Không lưu được: trang đã cũ. Hãy tải lại trang tìm kiếm và thử lại.",
  "alerts.error.tooMany": "Bạn đã có {max} thông báo. Hãy dừng bớt một thông báo rồi lưu thêm.",
  "alerts.error.stop": "Không dừng được: thông báo này đã dừng hoặc không phải của bạn. Hãy tải lại trang.",
  // The share block of /jobs/:id and /trainings/:id
  "share.title": "Chia sẻ tin này",
  "share.native": "Chia sẻ",
  "share.link": "Đường dẫn của trang",
  "share.copy": "Sao chép",
  "share.copied": "Đã sao chép đường dẫn.",
  "share.copyFailed": "Chưa sao chép được. Hãy chạm vào ô đường dẫn, chọn tất cả rồi sao chép.",
  "share.zalo": "Chia sẻ qua Zalo",
} as const;

export const alertsEn: Record<keyof typeof alertsVi, string> = {
  "alerts.save.job": "Tell me when new matching jobs are posted",
  "alerts.save.training": "Tell me when new matching courses are posted",
  "alerts.save.hint": "For the words and filters chosen now. At most one message a day; stop any time.",
  "alerts.save.login.job": "Log in to be told when new matching jobs are posted",
  "alerts.save.login.training": "Log in to be told when new matching courses are posted",
  "alerts.title": "New job alerts",
  "alerts.lead": "When new jobs or courses match a search you saved, Chung Tay tells you, at most once a day.",
  "alerts.none":
    "You have no saved search. On the Jobs or Courses page, tap “Tell me when new matching jobs are posted”.",
  "alerts.kind.job": "Jobs",
  "alerts.kind.training": "Courses",
  "alerts.query.all": "all",
  "alerts.filters": "{count} filters",
  "alerts.savedOn": "Saved on {date}",
  "alerts.lastSent": "Last alert: {date}",
  "alerts.open": "See results",
  "alerts.stop": "Stop alerts",
  "alerts.done.saved": "Saved. When new matching listings are posted you will be told (at most once a day).",
  "alerts.done.already": "You had already saved this search.",
  "alerts.done.stopped": "These alerts are stopped.",
  "alerts.error.invalid": "Could not save: the page was out of date. Reload the search page and try again.",
  "alerts.error.tooMany": "You already have {max} alerts. Stop one before saving another.",
  "alerts.error.stop": "Could not stop: these alerts are already stopped or are not yours. Reload the page.",
  "share.title": "Share this listing",
  "share.native": "Share",
  "share.link": "Link to this page",
  "share.copy": "Copy",
  "share.copied": "Link copied.",
  "share.copyFailed": "Not copied yet. Tap the link box, select all and copy.",
  "share.zalo": "Share on Zalo",
};
