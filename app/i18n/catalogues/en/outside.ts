import type { messages as vi } from "../vi/outside";

export const messages: Record<keyof typeof vi, string> = {
  "out.subject": "Chung Tay: you have news",
  "out.news": "Chung Tay: You have news. See: {link}",
  "out.digest": "Chung Tay: You had more news yesterday. See it all: {link}",
  "out.referral.org.new": "Chung Tay: A new candidate was referred for “{title}”. See and answer: {link}",
  "out.referral.org.interviewTomorrow": "Chung Tay: Reminder, interview tomorrow {time} for “{title}”. See: {link}",
  "out.followUp.org.due":
    "Chung Tay: Please confirm the worker is still with you as “{position}” (by {date}). See: {link}",
  "out.enrolment.org.due": "Chung Tay: Please confirm the learner still attends “{position}” (by {date}). See: {link}",
  "out.verification.verified": "Chung Tay: {organization} is verified; you can post jobs. See: {link}",
  "out.verification.rejected": "Chung Tay: {organization} could not be verified. See why: {link}",
  "out.referral.person.referred": "Chung Tay: A new opportunity for you: “{title}”. See: {link}",
  "out.referral.person.interview": "Chung Tay: “{title}” would like to meet you. See the date and time: {link}",
  "out.referral.person.interviewTomorrow":
    "Chung Tay: Reminder, your appointment tomorrow at {time} for “{title}”. See: {link}",
  "out.referral.person.offered": "Chung Tay: “{title}” wants to take you on. Please answer yes or no: {link}",
  "out.course.person.starting": "Chung Tay: The course “{course}” starts on {date}. See: {link}",
  "out.consent.person.expiring": "Chung Tay: The agreement you signed ends on {date}. See: {link}",
  "out.alert.job": "Chung Tay: {count} new jobs match your search “{query}”. See: {link}",
  "out.alert.training": "Chung Tay: {count} new courses match your search “{query}”. See: {link}",
  "out.digest.officer.subject": "Chung Tay: today's work",
  "out.digest.officer":
    "Chung Tay: Today {due} follow-ups are due, {overdue} overdue, {requests} referral requests, {moves} moves to accept, {expiring} agreements ending soon. See: {link}",
  "out.reset.code":
    "Chung Tay: Your password reset code is {code}, valid for {minutes} minutes. Never share this code.",
  "out.reset.email.subject": "Chung Tay: reset your password",
  "out.reset.email":
    "Hello,\n\nSomeone asked to reset the password of your Chung Tay account. Open this link within {minutes} minutes to choose a new password:\n{link}\n\nIf it was not you, ignore this e-mail; your password stays the same.",
  "out.email.footer": "You receive this because you chose Chung Tay news by e-mail. Stop: {stop}",
};
