import type { messages as vi } from "../vi/notifications";

export const messages: Record<keyof typeof vi, string> = {
  "notifications.title": "Notifications",
  "notifications.lead": "Changes that concern you: referrals, interviews, jobs and follow-up visits.",
  "notifications.none": "No notifications yet.",
  "notifications.done": "Done",
  "notifications.open": "Open",
  "notifications.markAll": "Mark all as read",
  "notifications.error.markAll": "Could not mark them as read: the page is out of date. Reload the page and try again.",
  "notifications.older": "Older notifications",
  "notifications.aPerson": "a person",
  "notifications.marked": "All notifications marked as read.",
  "notify.referral.organization.interviewTomorrow":
    "Reminder: tomorrow {time}, interview with a candidate referred for “{title}”.",
  "notify.referral.person.interviewTomorrow":
    "Reminder: tomorrow at {time} you have an appointment for “{title}”. See the place.",
  "notify.organization.verified": "{organization} is verified. You can post listings.",
  "notify.organization.rejected": "{organization} could not be verified. See why on your organisation page.",
  "notify.course.person.starting": "The course “{course}” starts on {date}.",
  "notify.consent.person.expiring": "The agreement you signed ends on {date}. To keep it, see your commune officer.",
  "notify.alert.job": "{count} new jobs match your search “{query}”.",
  "notify.alert.training": "{count} new courses match your search “{query}”.",
};
