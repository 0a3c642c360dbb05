/**
 * Saved searches and job alerts (/jobs, /trainings, /me/saved), and the share block of the public job and
 * course pages. Add each key to both objects (a unit test checks they match).
 */
export const messages = {
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
} as const;
