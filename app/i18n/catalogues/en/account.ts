import type { messages as vi } from "../vi/account";

export const messages: Record<keyof typeof vi, string> = {
  "account.title": "My account",
  "account.lead": "Change your password, see the devices you are logged in on and log out of all of them.",
  "account.password.heading": "Change password",
  "account.password.current": "Current password",
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
  "recovery.error.code":
    "The code is wrong or has expired. Check the phone number and the code, or ask for a new code.",
  "recovery.error.codeFormat": "The code is exactly 6 digits.",
};
