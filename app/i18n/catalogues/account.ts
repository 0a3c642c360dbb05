/**
 * The account page (/account: password change, devices, log out everywhere), password rules and session
 * notices. Add each key to both objects (a unit test checks they match).
 */
export const accountVi = {
  "account.nav": "Tài khoản",
  "account.title": "Tài khoản của tôi",
  "account.lead": "Đổi mật khẩu, xem các thiết bị đang đăng nhập và đăng xuất khỏi tất cả thiết bị.",

  "account.password.heading": "Đổi mật khẩu",
  "account.password.current": "Mật khẩu hiện tại",
  "account.password.new": "Mật khẩu mới",
  "account.password.new.hint":
    "Ít nhất 10 ký tự, có cả chữ và số. Không dùng mật khẩu phổ biến (như matkhau123), email hay số điện thoại của bạn.",
  "account.password.confirm": "Nhập lại mật khẩu mới",
  "account.password.submit": "Đổi mật khẩu",
  "account.password.changed": "Đã đổi mật khẩu. Các thiết bị khác đã được đăng xuất.",
  "account.password.wrongCurrent": "Mật khẩu hiện tại không đúng.",
  "account.password.tooLong": "Mật khẩu dài tối đa 200 ký tự.",
  "account.password.common": "Mật khẩu này quá phổ biến, người khác dễ đoán ra. Hãy chọn mật khẩu khác.",
  "account.password.personal": "Mật khẩu không được chứa email hoặc số điện thoại của bạn.",
  "account.password.same": "Mật khẩu mới phải khác mật khẩu hiện tại.",

  "account.sessions.heading": "Thiết bị đang đăng nhập",
  "account.sessions.lead":
    "Nếu thấy thiết bị lạ, hoặc bạn đã đăng nhập trên máy dùng chung, hãy đăng xuất khỏi tất cả thiết bị rồi đổi mật khẩu.",
  "account.sessions.device": "Thiết bị",
  "account.sessions.started": "Đăng nhập lúc",
  "account.sessions.lastSeen": "Hoạt động gần nhất",
  "account.sessions.current": "Thiết bị này",
  "account.sessions.unknownDevice": "Không rõ thiết bị",
  "account.sessions.logoutEverywhere": "Đăng xuất khỏi tất cả thiết bị",
  "account.sessions.expiry":
    "Vì an toàn, phiên đăng nhập tự kết thúc sau {idle} không hoạt động và sau tối đa {lifetime}.",
  "account.duration.minutes": "{count} phút",
  "account.duration.hours": "{count} giờ",
  "account.duration.days": "{count} ngày",

  "account.notice.loggedOutEverywhere": "Bạn đã đăng xuất khỏi tất cả thiết bị. Hãy đăng nhập lại.",
  "account.notice.expired": "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.",
} as const;

export const accountEn: Record<keyof typeof accountVi, string> = {
  "account.nav": "Account",
  "account.title": "My account",
  "account.lead": "Change your password, see the devices you are logged in on and log out of all of them.",

  "account.password.heading": "Change password",
  "account.password.current": "Current password",
  "account.password.new": "New password",
  "account.password.new.hint":
    "At least 10 characters, with letters and digits. Not a common password (such as matkhau123), nor your email or phone number.",
  "account.password.confirm": "New password again",
  "account.password.submit": "Change password",
  "account.password.changed": "Password changed. Your other devices have been logged out.",
  "account.password.wrongCurrent": "The current password is not correct.",
  "account.password.tooLong": "A password has at most 200 characters.",
  "account.password.common": "This password is too common and easy to guess. Please choose another one.",
  "account.password.personal": "The password must not contain your email or phone number.",
  "account.password.same": "The new password must differ from the current one.",

  "account.sessions.heading": "Devices logged in",
  "account.sessions.lead":
    "If you see a device you do not know, or you logged in on a shared computer, log out of all devices and then change your password.",
  "account.sessions.device": "Device",
  "account.sessions.started": "Logged in at",
  "account.sessions.lastSeen": "Last active",
  "account.sessions.current": "This device",
  "account.sessions.unknownDevice": "Unknown device",
  "account.sessions.logoutEverywhere": "Log out of all devices",
  "account.sessions.expiry": "For safety, a login ends after {idle} without activity and after {lifetime} at most.",
  "account.duration.minutes": "{count} minutes",
  "account.duration.hours": "{count} hours",
  "account.duration.days": "{count} days",

  "account.notice.loggedOutEverywhere": "You have been logged out of all devices. Please log in again.",
  "account.notice.expired": "Your session has expired. Please log in again.",
};
