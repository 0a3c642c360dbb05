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
  "notify.consent.officer.withdrawn":
    "A person whose file you hold withdrew consent for one or more purposes (on {date}). The referrals concerned were updated.",
  "notify.consent.officer.expired":
    "The consent of a person whose file you hold expired (on {date}). The referrals concerned were updated.",
  "notify.referral.organization.consentWithdrawn":
    "The person referred to “{title}” withdrew consent to share some information: the referral page no longer shows it.",
  "notify.referral.organization.consentExpired":
    "The consent to share some information of the person referred to “{title}” expired: the referral page no longer shows it.",
  "notify.jobFair.registered": "You are registered for {title} on {date} at {place}.",
  "notify.placement.created.org": "The referred candidate started as {position} on {date}.",
  "notify.placement.created.person": "Your officer recorded your job: {position} at {employer}, from {date}.",
  "notify.placement.ended.org": "The person working as {position} left on {date}.",
  "notify.placement.ended.officer": "Job ended: {position} at {employer}, on {date}.",
  "notify.followUp.due.officer": "{month}-month follow-up due: {name} ({employer}), by {date}.",
  "notify.followUp.due.org":
    "Please confirm the person still works as {position} ({month}-month follow-up, due {date}).",
  "notify.enrolment.created.provider": "The referred learner enrolled in {course} on {date}.",
  "notify.referral.officer.referred": "{name} was referred to “{title}”.",
  "notify.referral.officer.seen": "The organisation has read the referral of {name} to “{title}”.",
  "notify.referral.officer.interview": "“{title}” scheduled an interview with {name}.",
  "notify.referral.officer.offered":
    "“{title}” would like to take {name} on: waiting for the person's answer (in the app or through you).",
  "notify.referral.officer.accepted": "{name} agreed and was taken on at “{title}”: record the job or the enrolment.",
  "notify.referral.officer.declined": "“{title}” declined the referral of {name}.",
  "notify.referral.officer.declinedByPerson": "{name} declined “{title}”.",
  "notify.referral.officer.withdrawn": "The referral of {name} to “{title}” was withdrawn.",
  "notify.referral.officer.withdrawnConsent":
    "The referral of {name} to “{title}” was withdrawn automatically: the consent is no longer in force.",
  "notify.referral.officer.withdrawnFile":
    "The referral of {name} to “{title}” was withdrawn automatically: the file was closed or moved.",
  "notify.referral.officer.message": "New message from the organisation about the referral of {name} to “{title}”.",
  "notify.referral.organization.referred": "A new person was referred to “{title}”.",
  "notify.referral.organization.interview": "An interview was scheduled with a person referred to “{title}”.",
  "notify.referral.organization.offered":
    "You would like to take on a person referred to “{title}”: waiting for the person's answer.",
  "notify.referral.organization.accepted": "The person referred to “{title}” agreed: the referral is now “Accepted”.",
  "notify.referral.organization.declined": "A referral to “{title}” was declined.",
  "notify.referral.organization.declinedByPerson":
    "The person referred to “{title}” has decided not to take the place. Thank you.",
  "notify.referral.organization.withdrawn": "A referral to “{title}” was withdrawn.",
  "notify.referral.organization.message": "New message from the commune officer about a referral to “{title}”.",
  "notify.referral.person.referred": "Your commune officer referred you to “{title}”.",
  "notify.referral.person.seen": "“{title}” has read your referral.",
  "notify.referral.person.interview": "You have an interview for “{title}”. See the date, time and place.",
  "notify.referral.person.offered":
    "“{title}” would like to take you on. You can answer yes or no in the Referrals section of the app, or tell your commune officer.",
  "notify.referral.person.accepted": "Recorded: you agree, and you are taken on at “{title}”.",
  "notify.referral.person.declined": "“{title}” cannot take you this time.",
  "notify.referral.person.declinedByPerson": "Recorded: you did not take “{title}”.",
  "notify.referral.person.withdrawn": "Your referral to “{title}” has stopped.",
  "notify.referral.person.withdrawnConsent":
    "Your referral to “{title}” has stopped because your consent is no longer in force.",
  "notify.referral.request.created": "{name} asks to be referred to “{title}”.",
  "notify.referral.request.declined": "Your commune officer cannot refer you to “{title}” for now.",
  "notify.referral.request.declinedWithNote": "Your commune officer cannot refer you to “{title}” for now: {note}",
};
