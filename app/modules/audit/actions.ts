/**
 * Every action the audit trail records. Not in audit.server.ts: the admin's audit page renders a filter with
 * them, and a `.server` module is empty in the browser (its exports are undefined there).
 */
export const AUDIT_ACTIONS = [
  "view",
  "create",
  "edit",
  "export",
  "print",
  "consent_grant",
  "consent_withdraw",
  "classify",
  "invite",
  "transfer",
  "close",
  "anonymise",
  "view_evidence",
  // The person's own account and requests (self-service).
  "activate",
  // A forgotten password set again by a code or a link (app/modules/accounts/recovery.server.ts).
  "password_reset",
  "referral_request",
  "data_request",
  // Referrals: an officer refers (using the record), anyone reads one, a status move, a request decided.
  "refer",
  "view_referral",
  "referral_update",
  "referral_request_decide",
  // Placements, follow-ups and enrolments (app/modules/placements).
  "placement",
  "follow_up",
  "enrolment",
  // Job fairs (registration, outcomes) and reintegration models (persons covered) (issue 6).
  "job_fair",
  "model",
  // Support: an activity recorded, attendance at a commune meeting, a loan listed or moved (issue 6).
  "activity",
  "meeting",
  "loan",
  // The daily retention run (app/modules/retention): the system's own event, with what it removed.
  "retention",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
