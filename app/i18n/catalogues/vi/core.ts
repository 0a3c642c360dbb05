/**
 * Always loaded: the app's name, the header and its menus, the footer, the error pages and the words every form shares. Keep it small: every page's browser downloads it.
 * Every key here must exist in ../en/core.ts (the types and a unit test check); areas: decision 035.
 */
export const messages = {
  "app.name": "Chung Tay",
  "app.tagline": "Việc làm và học nghề cho người đã chấp hành xong án phạt tù",
  "nav.skip": "Bỏ qua, đến nội dung chính",
  "nav.main": "Điều hướng chính",
  "nav.home": "Trang chủ",
  "nav.login": "Đăng nhập",
  "nav.register": "Đăng ký doanh nghiệp, cơ sở đào tạo",
  "nav.language": "Ngôn ngữ",
  "nav.switchTo": "English",
  "footer.about":
    "Chung Tay kết nối người đã chấp hành xong án phạt tù với việc làm và học nghề, cùng công an xã và doanh nghiệp. Kỳ thị, phân biệt đối xử với người chấp hành xong án phạt tù bị pháp luật nghiêm cấm.",
  "footer.privacy": "Thông tin cá nhân chỉ được chia sẻ khi chính người đó đồng ý, cho đúng mục đích đã đồng ý.",
  "register.loadCommunes": "Tải danh sách xã, phường",
  "register.chooseProvinceFirst": "Chọn tỉnh, thành phố trước",
  "form.errorSummary": "Vui lòng sửa các mục được đánh dấu bên dưới.",
  "form.required": "(bắt buộc)",
  "validation.required": "Vui lòng nhập thông tin này.",
  "validation.choose": "Vui lòng chọn một mục.",
  "validation.invalid": "Giá trị không hợp lệ.",
  "validation.tooLong": "Quá dài: tối đa {max} ký tự.",
  "validation.email": "Email không đúng định dạng, ví dụ: ten@congty.vn",
  "validation.phone": "Số điện thoại không đúng, ví dụ: 0912 345 678",
  "validation.identifier": "Nhập email (ví dụ ten@congty.vn) hoặc số điện thoại (ví dụ 0912 345 678).",
  "validation.taxCode": "Mã số thuế gồm 10 hoặc 13 chữ số.",
  "validation.password": "Mật khẩu cần ít nhất 10 ký tự, có cả chữ và số.",
  "validation.passwordMismatch": "Hai mật khẩu không khớp.",
  "validation.commune": "Xã, phường không thuộc tỉnh đã chọn.",
  "validation.communeOutOfProvince": "Chỉ được chọn xã, phường trong tỉnh của bạn.",
  "error.title": "Đã có lỗi xảy ra",
  "error.body":
    "Xin lỗi, hệ thống gặp sự cố. Vui lòng thử lại sau ít phút. Nếu lỗi còn tiếp diễn, hãy báo mã lỗi bên dưới cho bộ phận hỗ trợ.",
  "error.requestId": "Mã lỗi",
  "error.notFound.title": "Không tìm thấy trang",
  "error.notFound.body": "Trang bạn tìm không tồn tại hoặc đã được chuyển đi.",
  "error.forbidden": "Bạn không có quyền xem trang này.",
  "error.forbidden.title": "Không có quyền truy cập",
  "error.backHome": "Về trang chủ",
  "error.bodyTooLarge":
    "Yêu cầu bị từ chối vì nội dung gửi lên quá lớn. Hãy quay lại, rút gọn hoặc đính kèm tệp nhỏ hơn rồi gửi lại.",
  "error.origin": "Yêu cầu bị từ chối vì không xuất phát từ trang của Chung Tay.",
  "error.unavailable.title": "Hệ thống tạm thời gián đoạn",
  "error.unavailable.body":
    "Chung Tay tạm thời chưa truy cập được dữ liệu. Vui lòng thử lại sau ít phút. Nếu lỗi còn tiếp diễn, hãy báo mã lỗi bên dưới cho bộ phận hỗ trợ.",
  "nav.jobs": "Việc làm",
  "nav.trainings": "Học nghề",
  "search.q.jobs.placeholder": "Ví dụ: sửa xe máy, thợ hàn, phụ bếp",
  "search.submit": "Tìm",
  "reports.form.quarter": "Quý {quarter}/{year}",
} as const;
