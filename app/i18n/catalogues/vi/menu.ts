/**
 * The header's words for a signed-in visitor: who is logged in, the role's menu and shortcuts, notifications,
 * logging out. Loaded with "core" whenever someone is logged in (route id "root:signed-in" in route-areas.ts).
 * Every key here must exist in ../en/menu.ts (the types and a unit test check); areas: decision 035.
 */
export const messages = {
  "nav.myHome": "Trang của tôi",
  "nav.logout": "Đăng xuất",
  "nav.loggedInAs": "Đang đăng nhập: {name}",
  "role.admin": "Quản trị viên cấp tỉnh",
  "role.officer": "Cán bộ công an xã",
  "role.employer": "Doanh nghiệp, cơ sở tuyển dụng",
  "role.provider": "Cơ sở đào tạo nghề",
  "role.person": "Người lao động",
  "role.national": "Cơ quan theo dõi toàn quốc",
  "account.nav": "Tài khoản",
  "admin.deliveries.title": "Tin nhắn gửi ra ngoài",
  "nav.menu": "Menu",
  "nav.menu.label": "Mở menu",
  "nav.shortcuts": "Lối tắt",
  "nav.admin.officers": "Cán bộ",
  "nav.admin.audit": "Nhật ký truy cập",
  "nav.admin.review": "Xác minh tổ chức",
  "nav.reports": "Báo cáo",
  "nav.national": "Số liệu toàn quốc",
  "nav.figures": "Số liệu công khai",
  "nav.officer.persons": "Hồ sơ người lao động",
  "nav.officer.referrals": "Giới thiệu",
  "nav.officer.followUps": "Lịch theo dõi",
  "nav.employer.jobs": "Tin tuyển dụng",
  "nav.employer.referrals": "Người được giới thiệu",
  "nav.employer.placements": "Người đang làm việc",
  "nav.provider.trainings": "Khóa học",
  "nav.provider.referrals": "Học viên được giới thiệu",
  "nav.person.matches": "Gợi ý cho tôi",
  "nav.person.referrals": "Giới thiệu của tôi",
  "nav.person.consents": "Đồng ý chia sẻ",
  "nav.notifications": "Thông báo",
  "nav.notifications.unread": "Thông báo ({count} chưa đọc)",
  "notifications.unread": "Chưa đọc",
  // The demo ribbon (app/components/demo-ribbon.tsx): translated on the server and sent in the root loader's
  // data, so no browser catalogue carries it (every public page's JavaScript budget, decision 035).
  "demo.ribbon.title": "Dữ liệu mẫu",
  "demo.ribbon.body": "bản chạy thử, mọi người và tổ chức ở đây đều không có thật. Đừng nhập thông tin thật của ai.",
  // The footer (app/root.tsx): translated on the server and sent in the root loader's data, like the ribbon.
  "footer.about":
    "Chung Tay kết nối người đã chấp hành xong án phạt tù với việc làm và học nghề, cùng công an xã và doanh nghiệp. Kỳ thị, phân biệt đối xử với người chấp hành xong án phạt tù bị pháp luật nghiêm cấm.",
  "footer.figures": "Số liệu công khai và dữ liệu mở",
  "footer.privacy": "Thông tin cá nhân chỉ được chia sẻ khi chính người đó đồng ý, cho đúng mục đích đã đồng ý.",
  "footer.employers": "Nhà tuyển dụng đồng hành",
} as const;
