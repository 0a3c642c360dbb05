/** Consent evidence uploads: what the consent form may accept. No zod here, so pages can import it. */
export const EVIDENCE_TYPES = ["image/jpeg", "image/png", "application/pdf"] as const;
export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;
