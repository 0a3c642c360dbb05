/**
 * The public figures (/figures, /figures/:province) and their open data (issue 16 §2, docs/open-data.md).
 * Every key here must exist in ../en/figures.ts (the types and a unit test check); areas: decision 035.
 */
export const messages = {
  "figures.pageTitle": "Số liệu công khai",
  "figures.title": "Số liệu công khai: hỗ trợ tái hòa nhập cộng đồng",
  "figures.provinceTitle": "Số liệu công khai: {province}",
  "figures.lead":
    "Số người được hỗ trợ, có việc làm, học nghề, còn làm việc sau 12 tháng, số doanh nghiệp tham gia và khóa học nghề, theo từng quý, trên cả nước và từng tỉnh, thành phố. Không con số nào cho phép nhận ra một người.",
  "figures.generatedAt":
    "Số liệu được tổng hợp lúc {time} (giờ Việt Nam) cho {count} quý đã kết thúc, cập nhật mỗi ngày.",
  "figures.notPublished.title": "Chưa công bố số liệu",
  "figures.notPublished.body": "Số liệu công khai đang được tổng hợp lần đầu. Vui lòng quay lại sau.",
  "figures.nation": "Cả nước",
  "figures.backToNation": "Số liệu cả nước",
  "figures.indicator.personsSupported": "Người được hỗ trợ",
  "figures.indicator.placedInJobs": "Người có việc làm",
  "figures.indicator.inTraining": "Người học nghề",
  "figures.indicator.stableAfter12Months": "Còn làm việc sau 12 tháng",
  "figures.indicator.employersTakingPart": "Doanh nghiệp tham gia",
  "figures.indicator.coursesOffered": "Khóa học nghề",
  "figures.define.title": "Các con số đếm gì",
  "figures.define.personsSupported": "người được quản lý, giúp đỡ tại xã, phường vào một lúc nào đó trong quý.",
  "figures.define.placedInJobs": "người bắt đầu một công việc trong quý.",
  "figures.define.inTraining": "người được giới thiệu học nghề hoặc nhập học một khóa học trong quý.",
  "figures.define.stableAfter12Months":
    "lần kiểm tra 12 tháng sau khi nhận việc, làm trong quý, cho thấy người đó vẫn đang làm việc.",
  "figures.define.employersTakingPart":
    "doanh nghiệp đã xác minh có người bắt đầu làm việc trong quý hoặc có tin tuyển dụng còn mở trong quý, theo tỉnh của doanh nghiệp.",
  "figures.define.coursesOffered": "khóa học nghề còn nhận đăng ký trong quý, theo tỉnh nơi học.",
  "figures.marks.title": "Vì sao có ô không hiện số",
  "figures.marks.lt5":
    "“< 5”: ít hơn 5 (từ 0 đến 4). Số nhỏ như vậy không bao giờ được công bố, vì hàng xóm có thể nhận ra người được đếm.",
  "figures.marks.suppressed":
    "“*”: số từ 5 trở lên nhưng được ẩn thêm, để không ai tính ngược ra một số nhỏ đã ẩn từ số cả nước và các ô còn lại.",
  "figures.marks.sum": "Số cả nước của mỗi quý là tổng số của các tỉnh, thành phố.",
  "figures.cell.lt5": "< 5",
  "figures.cell.suppressed": "*",
  "figures.cell.lt5Long": "ít hơn 5",
  "figures.cell.suppressedLong": "ẩn để bảo vệ số nhỏ",
  "figures.table.caption": "{area}: số liệu theo quý",
  "figures.table.quarter": "Quý",
  "figures.table.province": "Tỉnh, thành phố",
  "figures.provinces.title": "Các tỉnh, thành phố, {quarter}",
  "figures.provinces.hint": "Chọn tên một tỉnh, thành phố để xem số liệu theo quý.",
  "figures.charts.title": "Biểu đồ theo quý",
  "figures.charts.data": "Số liệu của biểu đồ",
  "figures.chart.people.title": "Người được hỗ trợ, có việc làm, học nghề, còn làm việc sau 12 tháng",
  "figures.chart.partners.title": "Doanh nghiệp tham gia và khóa học nghề",
  "figures.chart.count": "Số lượng",
  "figures.chart.desc": "Theo quý, {area}. {list}",
  "figures.chart.hidden": "Các số bị ẩn (“< 5” hoặc “*”) không được vẽ: {list}.",
  "figures.chart.noneHidden": "Biểu đồ vẽ đủ mọi số.",
  "figures.chart.allHidden": "Mọi số của biểu đồ này đều bị ẩn, nên không có cột nào.",
  "figures.download.title": "Dữ liệu mở",
  "figures.download.lead":
    "Cùng các con số, dưới dạng tệp để tải về, cập nhật mỗi ngày. Được dùng tự do, xin ghi nguồn “Chung Tay”.",
  "figures.download.csv": "Tải tệp CSV",
  "figures.download.json": "Tải tệp JSON",
  "figures.download.schema": "Mô tả cấu trúc tệp JSON (JSON Schema)",
  "figures.open.notPublished": "Số liệu công khai chưa được công bố. Vui lòng quay lại sau.",
} as const;
