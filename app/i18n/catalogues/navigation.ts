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
};
