/**
 * The account page (/account: password change, devices, log out everywhere), password rules, session
 * notices and the forgotten-password pages (/forgot-password, /reset-password). Add each key to both objects (a unit test checks they match).
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
  "account.notice.passwordReset": "Đã đặt lại mật khẩu. Hãy đăng nhập bằng mật khẩu mới.",

  "recovery.forgot.title": "Quên mật khẩu",
  "recovery.forgot.lead":
    "Nhập số điện thoại hoặc email của tài khoản. Với số điện thoại, bạn nhận mã 6 chữ số qua tin nhắn; với email, bạn nhận đường dẫn để đặt mật khẩu mới.",
  "recovery.forgot.identifier": "Số điện thoại hoặc email",
  "recovery.forgot.identifier.hint": "Ví dụ: 0912345678 hoặc ten@congty.vn",
  "recovery.forgot.submit": "Gửi mã hoặc đường dẫn",
  "recovery.forgot.activate":
    "Người lao động cũng có thể nhờ cán bộ công an xã đang hỗ trợ mình cấp mã kích hoạt mới, rồi dùng mã đó để đặt mật khẩu mới.",
  "recovery.forgot.activateLink": "Tôi đã có mã kích hoạt mới",
  "recovery.back": "Quay lại đăng nhập",
  "recovery.email.title": "Hãy kiểm tra email",
  "recovery.email.body":
    "Nếu địa chỉ này thuộc một tài khoản, chúng tôi vừa gửi đường dẫn đặt lại mật khẩu. Đường dẫn dùng được trong {minutes} phút. Không thấy thư? Hãy xem cả mục thư rác.",
  "recovery.email.again": "Gửi lại đường dẫn",
  "recovery.code.title": "Nhập mã đặt lại mật khẩu",
  "recovery.code.sent":
    "Nếu số {to} thuộc một tài khoản, chúng tôi vừa gửi tin nhắn có mã 6 chữ số. Mã dùng được trong {minutes} phút.",
  "recovery.code.lead": "Nhập số điện thoại, mã 6 chữ số trong tin nhắn và mật khẩu mới.",
  "recovery.code.phone": "Số điện thoại",
  "recovery.code.code": "Mã 6 chữ số",
  "recovery.code.code.hint": "Mã trong tin nhắn của Chung Tay. Sai 5 lần thì mã hết hiệu lực.",
  "recovery.code.again": "Chưa nhận được mã? Gửi lại",
  "recovery.submit": "Đặt mật khẩu mới",
  "recovery.link.title": "Đặt mật khẩu mới",
  "recovery.link.lead": "Chọn mật khẩu mới cho tài khoản của bạn.",
  "recovery.link.again": "Yêu cầu đường dẫn mới",
  "recovery.error.code": "Mã không đúng hoặc đã hết hạn. Hãy kiểm tra số điện thoại và mã, hoặc yêu cầu mã mới.",
  "recovery.error.codeFormat": "Mã gồm đúng 6 chữ số.",
  "recovery.error.link":
    "Đường dẫn này không còn dùng được (đã dùng, đã hết hạn hoặc không đúng). Hãy yêu cầu đường dẫn mới.",
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
  "account.notice.passwordReset": "Your password has been reset. Log in with your new password.",

  "recovery.forgot.title": "Forgot your password",
  "recovery.forgot.lead":
    "Enter your account's phone number or e-mail address. For a phone number you get a 6-digit code by text message; for an e-mail address, a link to choose a new password.",
  "recovery.forgot.identifier": "Phone number or e-mail",
  "recovery.forgot.identifier.hint": "For example: 0912345678 or name@company.vn",
  "recovery.forgot.submit": "Send a code or link",
  "recovery.forgot.activate":
    "Job seekers can also ask the commune police officer who supports them for a new activation code, and use it to set a new password.",
  "recovery.forgot.activateLink": "I have a new activation code",
  "recovery.back": "Back to log in",
  "recovery.email.title": "Check your e-mail",
  "recovery.email.body":
    "If this address belongs to an account, we have just sent a link to reset the password. The link works for {minutes} minutes. No e-mail? Look in your spam folder too.",
  "recovery.email.again": "Send the link again",
  "recovery.code.title": "Enter your reset code",
  "recovery.code.sent":
    "If the number {to} belongs to an account, we have just sent a text message with a 6-digit code. The code works for {minutes} minutes.",
  "recovery.code.lead": "Enter your phone number, the 6-digit code from the message and a new password.",
  "recovery.code.phone": "Phone number",
  "recovery.code.code": "6-digit code",
  "recovery.code.code.hint": "The code in the text message from Chung Tay. After 5 wrong tries it stops working.",
  "recovery.code.again": "No code? Send it again",
  "recovery.submit": "Set the new password",
  "recovery.link.title": "Choose a new password",
  "recovery.link.lead": "Choose a new password for your account.",
  "recovery.link.again": "Ask for a new link",
  "recovery.error.code":
    "The code is wrong or has expired. Check the phone number and the code, or ask for a new code.",
  "recovery.error.codeFormat": "The code is exactly 6 digits.",
  "recovery.error.link": "This link no longer works (already used, expired or wrong). Ask for a new link.",
};
