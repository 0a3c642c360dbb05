/**
 * The header's menu (the compact one on phones and the role's shortcuts), and the help reached from the
 * login page: account activation and "forgot password". Add each key to both objects (a unit test checks).
 */
export const navigationVi = {
  "nav.menu": "Menu",
  "nav.menu.label": "Mở menu",
  "nav.shortcuts": "Lối tắt",
  "nav.admin.officers": "Cán bộ",
  "nav.admin.audit": "Nhật ký truy cập",
  "nav.admin.review": "Xác minh tổ chức",
  "nav.reports": "Báo cáo",
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

  "login.forgot": "Quên mật khẩu?",
  "login.activate": "Người lao động có mã kích hoạt: kích hoạt tài khoản",

  "forgot.title": "Quên mật khẩu",
  "forgot.lead":
    "Hiện chưa thể tự đặt lại mật khẩu qua tin nhắn hay email. Tùy bạn là ai, người dưới đây sẽ giúp bạn vào lại tài khoản.",
  "forgot.person.heading": "Người lao động",
  "forgot.person.body":
    "Hãy liên hệ cán bộ công an xã đang hỗ trợ bạn. Cán bộ sẽ cấp mã kích hoạt mới; bạn dùng mã đó để đặt mật khẩu mới.",
  "forgot.person.activate": "Tôi đã có mã kích hoạt mới",
  "forgot.officer.heading": "Cán bộ công an xã",
  "forgot.officer.body":
    "Hãy liên hệ quản trị viên cấp tỉnh (công an tỉnh) quản lý tài khoản cán bộ của tỉnh để được cấp lại quyền truy cập.",
  "forgot.organization.heading": "Doanh nghiệp, cơ sở đào tạo",
  "forgot.organization.body":
    "Hãy liên hệ công an xã hoặc công an tỉnh đã xác minh tổ chức của bạn, kèm tên tổ chức và email đã đăng ký.",
  "forgot.admin.heading": "Quản trị viên cấp tỉnh",
  "forgot.admin.body": "Hãy liên hệ bộ phận quản lý hệ thống của công an tỉnh.",
  "forgot.back": "Quay lại đăng nhập",
} as const;

export const navigationEn: Record<keyof typeof navigationVi, string> = {
  "nav.menu": "Menu",
  "nav.menu.label": "Open the menu",
  "nav.shortcuts": "Shortcuts",
  "nav.admin.officers": "Officers",
  "nav.admin.audit": "Access log",
  "nav.admin.review": "Verify organisations",
  "nav.reports": "Reports",
  "nav.officer.persons": "Persons' records",
  "nav.officer.referrals": "Referrals",
  "nav.officer.followUps": "Follow-ups",
  "nav.employer.jobs": "Job posts",
  "nav.employer.referrals": "Referred candidates",
  "nav.employer.placements": "People at work",
  "nav.provider.trainings": "Courses",
  "nav.provider.referrals": "Referred learners",
  "nav.person.matches": "Suggestions for me",
  "nav.person.referrals": "My referrals",
  "nav.person.consents": "Consents",

  "login.forgot": "Forgot your password?",
  "login.activate": "Have an activation code? Activate your account",

  "forgot.title": "Forgot your password",
  "forgot.lead":
    "You cannot reset your password by text message or e-mail yet. Depending on who you are, these people will help you back into your account.",
  "forgot.person.heading": "Job seekers",
  "forgot.person.body":
    "Contact the commune police officer who supports you. They will issue a new activation code; use it to set a new password.",
  "forgot.person.activate": "I have a new activation code",
  "forgot.officer.heading": "Commune police officers",
  "forgot.officer.body":
    "Contact the provincial administrator (provincial police) who manages your province's officer accounts to get your access back.",
  "forgot.organization.heading": "Employers and training providers",
  "forgot.organization.body":
    "Contact the commune or provincial police that verified your organisation, with its name and the e-mail you registered.",
  "forgot.admin.heading": "Provincial administrators",
  "forgot.admin.body": "Contact the system management team of your provincial police.",
  "forgot.back": "Back to log in",
};
