/**
 * Phone numbers for the channels that reach a phone (SMS, Zalo): one E.164 form ("+84912345678"), read with
 * libphonenumber-js and its full metadata (which number ranges exist, and which are mobile). Pure and
 * client-safe; the metadata weighs about 145 kB, so import this from server code or a page that needs it.
 *
 * Accounts and person records store the national form "0912345678" (app/modules/accounts/identifier.ts
 * `normalizePhone`); `toE164` reads that form too.
 */
import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js/max";

/**
 * The number in E.164, or null when the text is not one valid number: "0912 345 678", "+84 912 345 678",
 * "84912345678" and the landline "024 3825 1234" are read as Vietnamese (`country`); letters, a number
 * inside other words, an extension, and ranges no operator uses are refused.
 */
export function toE164(input: string, country: CountryCode = "VN"): string | null {
  const parsed = parsePhoneNumberFromString(input, { defaultCountry: country, extract: false });
  if (!parsed || !parsed.isValid() || parsed.ext) return null;
  return parsed.number;
}

/** Whether an E.164 number belongs to a mobile range (so can receive an SMS); false for landlines and junk. */
export function isMobile(e164: string): boolean {
  const parsed = parsePhoneNumberFromString(e164, { extract: false });
  if (!parsed || !parsed.isValid()) return false;
  const type = parsed.getType();
  return type === "MOBILE" || type === "FIXED_LINE_OR_MOBILE";
}
