/**
 * The account page (/account: password change, devices, log out everywhere), password rules, session
 * notices and the forgotten-password pages (/forgot-password, /reset-password). Add each key to both objects (a unit test checks they match).
 */
export const messages = {
  "account.title": "Tài khoản của tôi",
  "account.lead": "Đổi mật khẩu, xem các thiết bị đang đăng nhập và đăng xuất khỏi tất cả thiết bị.",
  "account.password.heading": "Đổi mật khẩu",
  "account.password.current": "Mật khẩu hiện tại",
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
  "recovery.error.code": "Mã không đúng hoặc đã hết hạn. Hãy kiểm tra số điện thoại và mã, hoặc yêu cầu mã mới.",
  "recovery.error.codeFormat": "Mã gồm đúng 6 chữ số.",
} as const;
