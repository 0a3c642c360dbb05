import type { messages as vi } from "../vi/consent-withdrawal";

export const messages: Record<keyof typeof vi, string> = {
  "consent.withdrawal.history": "Withdrawal history",
  "consent.withdrawal.row": "{purpose}: withdrawn on {date}, {who}, {channel}.",
  "consent.withdrawal.by.person": "by the person themselves",
  "consent.withdrawal.by.officer": "recorded by a commune officer",
  "consent.withdrawal.by.admin": "recorded by an administrator",
  "consent.withdrawal.by.system": "recorded by the system",
  "consent.withdrawal.channel.online": "on their own page",
  "consent.withdrawal.channel.in_person": "in person at the office",
  "consent.withdrawal.channel.phone": "by phone",
  "consent.withdrawal.channel.written": "in writing",
  "consent.withdrawal.channel.message_link": "with the stop button of a message",
  "consent.withdrawal.channel.unknown": "channel not recorded",
  "consent.withdrawal.purposeLive": "Agreed",
  "consent.withdrawal.purposeWithdrawn": "Withdrawn on {date}",
  "consent.withdrawal.effect.matching":
    "You leave the list of job seekers, pending job referral requests are cancelled, and employers no longer see your information.",
  "consent.withdrawal.effect.training_referral":
    "Officers no longer refer you to training, pending training referral requests are cancelled, and training providers no longer see your information.",
  "consent.withdrawal.effect.share_contact":
    "Employers and training providers you were referred to no longer see your phone number.",
  "consent.withdrawal.effect.share_record_status":
    "Places you were referred to no longer learn whether your record is expunged.",
  "consent.withdrawal.effect.contact_sms": "Chung Tay will no longer text you; you still see your news in the app.",
  "consent.withdrawal.effect.contact_zalo":
    "Chung Tay will no longer send you Zalo messages; you still see your news in the app.",
  "consent.withdrawal.keepOthers": "Everything else you agreed to stays as it is.",
  "consent.withdrawal.self.open": "Withdraw consent for this",
  "consent.withdrawal.self.confirm": "Yes, withdraw consent for this",
  "consent.withdrawal.self.all": "Withdraw this whole consent",
  "consent.withdrawal.self.done":
    "You withdrew your consent for: {purpose}. Everything else you agreed to is still in force.",
  "consent.withdrawal.error.invalid": "Could not withdraw: the request is not valid. Reload the page and try again.",
  "consent.withdrawal.officer.open": "Withdraw this purpose",
  "consent.withdrawal.officer.warning":
    "Only “{purpose}” is withdrawn; the other purposes of this consent stay in force. It takes effect at once, and the places the person was referred to are told.",
  "consent.withdrawal.officer.allWarning":
    "Withdraws every purpose of this consent still in force. It takes effect at once.",
  "consent.withdrawal.officer.channel": "The person told us",
  "consent.withdrawal.officer.confirm": "Confirm: withdraw this purpose",
  "consent.withdrawal.officer.confirmAll": "Confirm: withdraw everything",
  "consent.withdrawal.officer.done": "“{purpose}” withdrawn. The other purposes stay in force.",
  "consent.withdrawal.org.withdrawn": "No longer shown: the person withdrew their consent to share it on {date}.",
  "consent.withdrawal.org.expired": "No longer shown: the consent to share it expired on {date}.",
  "consent.withdrawal.org.ended": "No longer shown: this is no longer shared.",
  "consent.withdrawal.org.summary.withdrawn": "The person withdrew their consent to share {fields} on {date}.",
  "consent.withdrawal.org.summary.expired": "The consent to share {fields} expired on {date}.",
  "consent.withdrawal.org.summary.ended": "{fields}: no longer shared.",
  "consent.withdrawal.org.list.withdrawn": "Consent to share withdrawn on {date}",
  "consent.withdrawal.org.list.expired": "Consent to share expired on {date}",
  "consent.withdrawal.org.list.ended": "Some information is no longer shared",
};
