import type { MessageKey } from "~/i18n";

import type { ZnsKind } from "./channels/zns-templates";

/**
 * Which in-app notifications also leave the app (SMS, Zalo, e-mail), and in what words: the in-app sentence
 * may name things an outside message must not (a person's name for the officer, the word "referral" beside
 * a person's record), so each outside message has its own text, out.* in app/i18n/catalogues/outside.ts.
 * A notification whose key is not here stays in the app. Officers get no message one by one: their daily
 * digest gathers them (app/modules/notifications/officer-digest.server.ts).
 *
 * `zns` names the approved Zalo template that carries it (app/modules/notifications/channels/zns-templates.ts);
 * without one, Zalo sends the generic "news" template.
 */
export type OutsideSpec = {
  /** The delivery's kind (what the admin's list and the dev outbox show). */
  kind: string;
  text: MessageKey;
  zns?: ZnsKind;
};

export const OUTSIDE_MESSAGES: Partial<Record<MessageKey, OutsideSpec>> = {
  // Employers and training providers
  "notify.referral.organization.referred": { kind: "referral_new", text: "out.referral.org.new", zns: "referral_new" },
  "notify.referral.organization.interviewTomorrow": {
    kind: "interview_tomorrow",
    text: "out.referral.org.interviewTomorrow",
    zns: "interview_tomorrow",
  },
  "notify.followUp.due.org": { kind: "follow_up_due", text: "out.followUp.org.due", zns: "follow_up_due" },
  "notify.organization.verified": {
    kind: "verification_decided",
    text: "out.verification.verified",
    zns: "verification_decided",
  },
  "notify.organization.rejected": {
    kind: "verification_decided",
    text: "out.verification.rejected",
    zns: "verification_decided",
  },
  // Persons
  "notify.referral.person.referred": { kind: "referral_for_you", text: "out.referral.person.referred" },
  "notify.referral.person.interview": { kind: "interview_time", text: "out.referral.person.interview" },
  "notify.referral.person.interviewTomorrow": {
    kind: "interview_tomorrow",
    text: "out.referral.person.interviewTomorrow",
  },
  "notify.referral.person.offered": { kind: "offer_waiting", text: "out.referral.person.offered" },
  "notify.course.person.starting": { kind: "course_starting", text: "out.course.person.starting" },
  "notify.consent.person.expiring": { kind: "consent_expiring", text: "out.consent.person.expiring" },
  "notify.alert.job": { kind: "job_alert", text: "out.alert.job" },
  "notify.alert.training": { kind: "training_alert", text: "out.alert.training" },
};

export function outsideSpecOf(messageKey: string): OutsideSpec | undefined {
  return Object.hasOwn(OUTSIDE_MESSAGES, messageKey) ? OUTSIDE_MESSAGES[messageKey as MessageKey] : undefined;
}

/** A notification's params as its Zalo template's parameters (the names registered with Zalo). */
export function znsParams(kind: ZnsKind, params: Record<string, string | number>): Record<string, string> {
  const text = (v: string | number | undefined) => String(v ?? "");
  switch (kind) {
    case "referral_new":
      return { title: text(params.title) };
    case "interview_tomorrow":
      return { title: text(params.title), date: text(params.time ?? params.date) };
    case "follow_up_due":
      return { title: text(params.position ?? params.title) };
    case "verification_decided":
      return { org: text(params.organization) };
    case "news":
      return {};
  }
}
