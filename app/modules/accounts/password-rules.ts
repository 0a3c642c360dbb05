import { foldText } from "~/utils/text";

import { COMMON_PASSWORDS, WEAK_BASES } from "./common-passwords";

/**
 * The password rules, one place for registration, activation and password change (decision 017):
 * 10 to 200 characters, a letter and a digit, not a common password, not the account's own email name or
 * phone number. Pure, so the unit tests and the forms agree.
 */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export type PasswordProblem =
  "validation.password" | "account.password.tooLong" | "account.password.common" | "account.password.personal";

export type PasswordIdentity = { email?: string | null; phone?: string | null };

const COMMON = new Set(COMMON_PASSWORDS);
const BASES = new Set(WEAK_BASES);

/**
 * Lower case, Vietnamese accents and đ folded, only letters a-z and digits: "Mật-khẩu 123" → "matkhau123".
 * With `leet`, @ and $ are read as a and s first: "P@ssword!" → "password".
 */
export function foldPassword(password: string, leet = false): string {
  const text = leet ? password.replace(/@/g, "a").replace(/\$/g, "s") : password;
  return foldText(text).replace(/[^a-z0-9]/g, "");
}

/** A common password, with or without digits around a weak word, or barely more than one character. */
export function isCommonPassword(password: string): boolean {
  // "@" is a separator in "AnhYeuEm@1990" and a letter in "P@ssword": try both readings.
  return [foldPassword(password), foldPassword(password, true)].some((folded) => {
    if (COMMON.has(folded)) return true;
    const core = folded.replace(/^\d+/, "").replace(/\d+$/, "");
    if (core === "" || BASES.has(core)) return true;
    // "aaaaaaaaa1", "1212121212ab": fewer than four different characters.
    return new Set(folded).size < 4;
  });
}

/** Does the password contain the account's email name (4+ characters) or its phone number? */
export function isPersonalPassword(password: string, identity: PasswordIdentity): boolean {
  const folded = foldPassword(password);
  const local = identity.email ? foldPassword(identity.email.split("@")[0] ?? "") : "";
  if (local.length >= 4 && folded.includes(local)) return true;
  // The 9 digits after 0 or 84, however they are written in the password.
  const national = (identity.phone ?? "").replace(/\D/g, "").replace(/^(84|0)/, "");
  return national.length >= 8 && password.replace(/\D/g, "").includes(national);
}

/** The first rule a password breaks, as a message key, or null. */
export function passwordProblem(password: string, identity: PasswordIdentity = {}): PasswordProblem | null {
  const chars = [...password.normalize("NFC")].length;
  if (chars > PASSWORD_MAX) return "account.password.tooLong";
  if (chars < PASSWORD_MIN || !/\p{L}/u.test(password) || !/\d/.test(password)) return "validation.password";
  if (isCommonPassword(password)) return "account.password.common";
  if (isPersonalPassword(password, identity)) return "account.password.personal";
  return null;
}
