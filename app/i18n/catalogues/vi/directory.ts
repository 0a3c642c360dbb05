/**
 * The public directory of fair-chance employers (/employers) and the employer's own choice to appear in it
 * (its profile page). Decision 045.
 * Every key here must exist in ../en/directory.ts (the types and a unit test check); areas: decision 035.
 */
export const messages = {
  "directory.title": "Nhà tuyển dụng đồng hành",
  "directory.lead":
    "Doanh nghiệp, hộ kinh doanh đã được công an xác minh, đã nhận người lao động qua Chung Tay và đồng ý xuất hiện ở đây.",
  "directory.filter.province": "Tỉnh, thành phố",
  "directory.filter.trade": "Ngành nghề",
  "directory.filter.any": "Tất cả",
  "directory.filter.submit": "Lọc",
  "directory.filter.clear": "Bỏ lọc",
  "directory.count": "Số nhà tuyển dụng: {count}",
  "directory.empty": "Chưa có nhà tuyển dụng nào trong danh bạ.",
  "directory.empty.filtered": "Chưa có nhà tuyển dụng nào phù hợp bộ lọc. Hãy bỏ bớt điều kiện lọc.",
  "directory.badge": "Đã tuyển qua Chung Tay",
  "directory.trades": "Ngành nghề",
  "directory.hired": "Người đã nhận vào làm qua chương trình",
  "directory.kept": "Còn làm việc sau 12 tháng",
  "directory.lt5": "< 5",
  "directory.pages": "Các trang của danh bạ",
  "directory.prev": "Trang trước",
  "directory.next": "Trang sau",
  "directory.page": "Trang {page}/{pages}",
  "directory.jobs": "Xem tin tuyển dụng",
  "directory.about.title": "Về danh bạ này",
  "directory.about.earned":
    "Khác với cam kết cơ hội công bằng do tổ chức tự đăng ký, chỉ tổ chức đã thực sự nhận người lao động qua chương trình mới có tên ở đây, và có thể rời danh bạ bất cứ lúc nào.",
  "directory.about.small":
    "Số liệu dưới 5 người chỉ ghi “< 5” để không ai bị nhận ra. Danh bạ không công khai thông tin của bất kỳ người lao động nào.",
  "directory.own.title": "Danh bạ nhà tuyển dụng đồng hành",
  "directory.own.what":
    "Danh bạ công khai tên, xã, tỉnh, ngành nghề của tổ chức và hai con số: số người đã nhận vào làm qua chương trình và số người còn làm việc sau 12 tháng (dưới 5 người chỉ ghi “< 5”). Không có thông tin nào về người lao động. Tin tuyển dụng của tổ chức được gắn nhãn “Đã tuyển qua Chung Tay”.",
  "directory.own.shown": "Tổ chức đang có trong danh bạ từ ngày {date}.",
  "directory.own.figures": "Danh bạ đang ghi: {hired} người đã nhận vào làm, {kept} người còn làm việc sau 12 tháng.",
  "directory.own.notShown": "Tổ chức chưa có trong danh bạ.",
  "directory.own.paused": "Tổ chức đã chọn xuất hiện trong danh bạ nhưng tạm thời chưa hiện vì:",
  "directory.own.blocked": "Tổ chức chưa thể tham gia danh bạ vì:",
  "directory.own.blocker.not_verified": "tổ chức chưa được công an xác minh;",
  "directory.own.blocker.no_hire":
    "tổ chức chưa nhận người lao động nào qua chương trình (một lần nhận việc được cán bộ ghi nhận).",
  "directory.own.join": "Xuất hiện trong danh bạ",
  "directory.own.leave": "Rời danh bạ",
  "directory.own.joined": "Tổ chức đã có trong danh bạ.",
  "directory.own.left": "Tổ chức đã rời danh bạ. Tin tuyển dụng không còn nhãn “Đã tuyển qua Chung Tay”.",
  "directory.own.refused": "Chưa thể đưa tổ chức vào danh bạ.",
  "directory.own.view": "Xem danh bạ",
} as const;
