import { accountVi } from "./catalogues/account";
import { alertsVi } from "./catalogues/alerts";
import { businessTrainingVi } from "./catalogues/business-training";
import { consentWithdrawalVi } from "./catalogues/consent-withdrawal";
import { deliveriesVi } from "./catalogues/deliveries";
import { eventsVi } from "./catalogues/events";
import { marketplaceVi } from "./catalogues/marketplace";
import { matchingVi } from "./catalogues/matching";
import { navigationVi } from "./catalogues/navigation";
import { notificationsVi } from "./catalogues/notifications";
import { outcomesVi } from "./catalogues/outcomes";
import { outsideVi } from "./catalogues/outside";
import { personsVi } from "./catalogues/persons";
import { postingVi } from "./catalogues/posting";
import { publicSearchVi } from "./catalogues/public-search";
import { referralsVi } from "./catalogues/referrals";
import { reportsVi } from "./catalogues/reports";
import { selfServiceVi } from "./catalogues/self-service";
import { supportVi } from "./catalogues/support";

/** Vietnamese: the source catalogue. Every key here must exist in en.ts (a unit test checks). */
export const vi = {
  "app.name": "Chung Tay",
  "app.tagline": "Việc làm và học nghề cho người đã chấp hành xong án phạt tù",
  "home.metaTitle": "Chung Tay · Việc làm và học nghề cho người hoàn lương",
  "home.metaDescription":
    "Kết nối người đã chấp hành xong án phạt tù với việc làm và học nghề, cùng công an xã và doanh nghiệp.",
  "nav.skip": "Bỏ qua, đến nội dung chính",
  "nav.main": "Điều hướng chính",
  "nav.home": "Trang chủ",
  "nav.myHome": "Trang của tôi",
  "nav.login": "Đăng nhập",
  "nav.logout": "Đăng xuất",
  "nav.register": "Đăng ký doanh nghiệp, cơ sở đào tạo",
  "nav.language": "Ngôn ngữ",
  "nav.switchTo": "English",
  "nav.loggedInAs": "Đang đăng nhập: {name}",
  "footer.about":
    "Chung Tay kết nối người đã chấp hành xong án phạt tù với việc làm và học nghề, cùng công an xã và doanh nghiệp. Kỳ thị, phân biệt đối xử với người chấp hành xong án phạt tù bị pháp luật nghiêm cấm.",
  "footer.privacy": "Thông tin cá nhân chỉ được chia sẻ khi chính người đó đồng ý, cho đúng mục đích đã đồng ý.",
  "demo.ribbon.title": "Dữ liệu mẫu",
  "demo.ribbon.body": "bản chạy thử, mọi người và tổ chức ở đây đều không có thật. Đừng nhập thông tin thật của ai.",

  "role.admin": "Quản trị viên cấp tỉnh",
  "role.officer": "Cán bộ công an xã",
  "role.employer": "Doanh nghiệp, cơ sở tuyển dụng",
  "role.provider": "Cơ sở đào tạo nghề",
  "role.person": "Người lao động",

  "home.hero.title": "Chung tay mở lại cánh cửa việc làm",
  "home.hero.lead":
    "Mỗi năm khoảng 50.000 người chấp hành xong án phạt tù trở về địa phương. Một công việc ổn định là điều giúp họ hòa nhập cộng đồng bền vững nhất.",
  "home.for.person.title": "Người lao động",
  "home.for.person.body":
    "Tìm khóa học nghề miễn phí, việc làm gần nhà. Cán bộ công an xã sẽ giúp bạn đăng ký và giới thiệu.",
  "home.for.employer.title": "Doanh nghiệp, hộ kinh doanh",
  "home.for.employer.body":
    "Đăng tin tuyển dụng, nhận ứng viên được cán bộ xã giới thiệu, được hỗ trợ vay vốn khi tạo việc làm cho người hoàn lương.",
  "home.for.provider.title": "Cơ sở đào tạo nghề",
  "home.for.provider.body": "Đăng các khóa học, chỉ tiêu học nghề và chính sách hỗ trợ học phí, tiền ăn, chỗ ở.",
  "home.for.officer.title": "Công an xã, phường",
  "home.for.officer.body":
    "Quản lý hồ sơ hỗ trợ hòa nhập, giới thiệu việc làm, theo dõi kết quả và lập báo cáo không cần sổ sách, Excel.",
  "home.cta.register": "Đăng ký cho doanh nghiệp hoặc cơ sở đào tạo",
  "home.cta.login": "Đăng nhập",
  "home.cta.dashboard": "Vào trang của tôi",
  "home.stats.title": "Dữ liệu hành chính mới nhất",
  "home.stats.units": "{provinces} tỉnh, thành phố và {communes} xã, phường, đặc khu (từ 1/7/2025)",

  "login.title": "Đăng nhập",
  "login.lead": "Dùng email hoặc số điện thoại đã đăng ký.",
  "login.identifier": "Email hoặc số điện thoại",
  "login.identifier.hint": "Ví dụ: ten@congty.vn hoặc 0912 345 678",
  "login.password": "Mật khẩu",
  "login.submit": "Đăng nhập",
  "login.noAccount": "Doanh nghiệp hoặc cơ sở đào tạo chưa có tài khoản?",
  "login.personHelp": "Người lao động: cán bộ công an xã sẽ cấp mã kích hoạt tài khoản cho bạn.",
  "login.error.invalid": "Email, số điện thoại hoặc mật khẩu không đúng. Vui lòng kiểm tra và thử lại.",
  "login.error.locked": "Bạn đã nhập sai quá nhiều lần. Vui lòng thử lại sau {minutes} phút.",
  "login.error.disabled": "Tài khoản này đã bị khóa. Vui lòng liên hệ quản trị viên.",

  "register.title": "Đăng ký tài khoản tổ chức",
  "register.lead":
    "Dành cho doanh nghiệp, hợp tác xã, hộ kinh doanh, cơ sở sản xuất và cơ sở đào tạo nghề. Sau khi đăng ký, công an tỉnh hoặc xã nơi bạn đặt trụ sở sẽ xác minh tổ chức trước khi bạn đăng tin.",
  "register.section.org": "Thông tin tổ chức",
  "register.section.account": "Tài khoản đăng nhập",
  "register.role": "Bạn là",
  "register.role.employer": "Nơi tuyển dụng (doanh nghiệp, hợp tác xã, hộ kinh doanh, xưởng)",
  "register.role.training_provider": "Cơ sở đào tạo nghề",
  "register.kind": "Loại hình",
  "register.orgName": "Tên tổ chức",
  "register.taxCode": "Mã số thuế (không bắt buộc)",
  "register.taxCode.hint": "10 hoặc 13 chữ số",
  "register.province": "Tỉnh, thành phố",
  "register.commune": "Xã, phường, đặc khu",
  "register.loadCommunes": "Tải danh sách xã, phường",
  "register.chooseProvinceFirst": "Chọn tỉnh, thành phố trước",
  "register.address": "Địa chỉ (số nhà, đường, thôn, ấp)",
  "register.contactName": "Họ tên người liên hệ",
  "register.contactPhone": "Số điện thoại liên hệ",
  "register.email": "Email đăng nhập",
  "register.password": "Mật khẩu",
  "register.password.hint": "Ít nhất 10 ký tự, có cả chữ và số",
  "register.passwordConfirm": "Nhập lại mật khẩu",
  "register.submit": "Đăng ký",
  "register.error.emailTaken": "Email này đã được dùng cho một tài khoản khác.",
  "register.error.phoneTaken": "Số điện thoại này đã được dùng cho một tài khoản khác.",

  "kind.company": "Công ty, doanh nghiệp",
  "kind.cooperative": "Hợp tác xã",
  "kind.household_business": "Hộ kinh doanh",
  "kind.workshop": "Cơ sở sản xuất, xưởng",
  "kind.training_centre": "Trung tâm giáo dục nghề nghiệp",
  "kind.school": "Trường trung cấp, cao đẳng",
  "kind.police": "Đơn vị công an",

  "verification.pending": "Đang chờ xác minh",
  "verification.verified": "Đã xác minh",
  "verification.rejected": "Bị từ chối",

  "org.home.status": "Trạng thái xác minh",
  "org.home.pending":
    "Tổ chức của bạn đang chờ cán bộ công an tỉnh hoặc xã xác minh. Trong lúc chờ, bạn có thể soạn sẵn tin, nhưng chưa thể đăng công khai.",
  "org.home.verified": "Tổ chức đã được xác minh. Bạn có thể đăng tin công khai.",
  "org.home.rejected": "Tổ chức chưa được xác minh. Lý do: {reason}",
  "org.home.profile": "Hồ sơ tổ chức",
  "org.home.address": "Địa chỉ",
  "org.home.contact": "Người liên hệ",
  "org.home.taxCode": "Mã số thuế",
  "org.home.registeredAt": "Ngày đăng ký",

  "employer.home.title": "Trang nhà tuyển dụng",
  "employer.home.next":
    "Đăng tin tuyển dụng để người lao động và cán bộ công an xã tìm thấy; tin chỉ hiển thị công khai khi tổ chức đã được xác minh.",
  "provider.home.title": "Trang cơ sở đào tạo",
  "provider.home.next":
    "Đăng khóa học để người lao động và cán bộ công an xã tìm thấy; khóa học chỉ hiển thị công khai khi cơ sở đã được xác minh.",

  "officer.home.title": "Trang cán bộ công an xã",
  "officer.home.communes": "Địa bàn phụ trách",
  "officer.home.pendingOrgs": "Tổ chức chờ xác minh trong tỉnh",
  "officer.home.review": "Xem và xác minh",

  "admin.home.title": "Trang quản trị cấp tỉnh",
  "admin.home.province": "Tỉnh, thành phố",
  "admin.home.communes": "Số xã, phường, đặc khu",
  "admin.home.officers": "Cán bộ công an xã có tài khoản",
  "admin.home.pendingOrgs": "Tổ chức chờ xác minh",
  "admin.home.manageOfficers": "Quản lý tài khoản cán bộ",

  "officers.title": "Tài khoản cán bộ công an xã",
  "officers.lead": "Tạo tài khoản cho cán bộ công an xã trong tỉnh. Mỗi cán bộ có thể phụ trách một hoặc nhiều xã.",
  "officers.list": "Danh sách cán bộ",
  "officers.none": "Chưa có cán bộ nào.",
  "officers.create": "Tạo tài khoản cán bộ",
  "officers.fullName": "Họ và tên",
  "officers.email": "Email",
  "officers.phone": "Số điện thoại (không bắt buộc)",
  "officers.communes": "Xã, phường phụ trách",
  "officers.communes.hint": "Giữ phím Ctrl (hoặc chạm nhiều lần trên điện thoại) để chọn nhiều xã.",
  "officers.submit": "Tạo tài khoản",
  "officers.created":
    "Đã tạo tài khoản cho {name}. Mật khẩu tạm thời (chỉ hiện một lần, hãy chuyển cho cán bộ): {password}",

  "review.title": "Xác minh tổ chức",
  "review.lead":
    "Doanh nghiệp và cơ sở đào tạo trong tỉnh đang chờ xác minh. Hãy kiểm tra giấy tờ, địa chỉ trước khi xác nhận.",
  "review.none": "Không có tổ chức nào đang chờ xác minh.",
  "review.verify": "Xác nhận",
  "review.reject": "Từ chối",
  "review.reason": "Lý do từ chối",
  "review.verified": "Đã xác minh {name}.",
  "review.rejected": "Đã từ chối {name}.",
  "review.registeredBy": "Người đăng ký",

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
  ...marketplaceVi,
  ...publicSearchVi,
  ...postingVi,
  ...businessTrainingVi,
  ...personsVi,
  ...selfServiceVi,
  ...accountVi,
  ...notificationsVi,
  ...outsideVi,
  ...deliveriesVi,
  ...matchingVi,
  ...referralsVi,
  ...outcomesVi,
  ...supportVi,
  ...eventsVi,
  ...reportsVi,
  ...consentWithdrawalVi,
  ...navigationVi,
  ...alertsVi,
} as const;

export type MessageKey = keyof typeof vi;
