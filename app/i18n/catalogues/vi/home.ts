/**
 * The home page.
 * Every key here must exist in ../en/home.ts (the types and a unit test check); areas: decision 035.
 */
export const messages = {
  "home.metaTitle": "Chung Tay · Việc làm và học nghề cho người hoàn lương",
  "home.metaDescription":
    "Kết nối người đã chấp hành xong án phạt tù với việc làm và học nghề, cùng công an xã và doanh nghiệp.",
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
  "home.stats.units": "{provinces} tỉnh, thành phố và {communes} xã, phường, đặc khu (từ 1/7/2025)",
  "home.search.title": "Tìm việc làm",
  "home.search.trainings": "Xem các khóa học nghề, nhiều khóa miễn phí",
  "home.search.employers": "Nhà tuyển dụng đồng hành, đã nhận người lao động qua Chung Tay",
} as const;
