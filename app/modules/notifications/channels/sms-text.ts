/**
 * What an SMS costs and how it reads without diacritics (pure, client-safe: a form can show the count).
 *
 * An SMS is sent in one of two encodings (3GPP TS 23.038): the GSM 7-bit alphabet, 160 characters in one
 * message or 153 per part once it is split (the rest of each part carries the joining header), or UCS-2,
 * 70 characters or 67 per part. One character outside the GSM alphabet — any Vietnamese letter with a tone
 * mark — switches the whole text to UCS-2, so folding "Chào anh" to "Chao anh" more than halves the cost of a
 * long message. docs/decisions/032-sms-gateway-esms.md.
 */
import { stripDiacritics } from "~/utils/text";

/**
 * Vietnamese without diacritics, as SMS without Unicode reads it: tone marks and accents dropped, đ → d and
 * Đ → D, typographic dashes and quotes as ASCII ones; case, digits, links and the rest kept.
 * "Đặng Thị Ánh – việc mới" → "Dang Thi Anh - viec moi".
 */
export function foldForSms(text: string): string {
  return stripDiacritics(text);
}

/** The GSM 7-bit default alphabet (one septet each). Position 0x1B, the escape, is not a character. */
const GSM7_BASIC = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà",
);
/** The extension table: each is sent as the escape and itself, two septets. */
const GSM7_EXTENSION = new Set("\f^{}\\[~]|€");

const LIMITS = {
  gsm7: { single: 160, part: 153 },
  ucs2: { single: 70, part: 67 },
} as const;

export type SmsEncoding = keyof typeof LIMITS;
export type SmsSize = {
  encoding: SmsEncoding;
  /** GSM-7: septets (an extension character counts 2). UCS-2: UTF-16 code units (an emoji counts 2). */
  characters: number;
  /** Messages the operator bills: 1 up to 160 / 70, then parts of 153 / 67. An empty text still costs one. */
  segments: number;
};

/**
 * How a text is encoded and into how many messages it is split. Parts are filled in order and a character
 * is never cut across two parts (the escape of an extension character stays with it, the two halves of an
 * emoji stay together, as phones split them), so a part may hold one unit less than its limit.
 */
export function smsSegments(text: string): SmsSize {
  const chars = Array.from(text);
  const gsm7 = chars.every((c) => GSM7_BASIC.has(c) || GSM7_EXTENSION.has(c));
  const encoding: SmsEncoding = gsm7 ? "gsm7" : "ucs2";
  const widths = chars.map((c) => (gsm7 ? (GSM7_EXTENSION.has(c) ? 2 : 1) : c.length));
  const characters = widths.reduce((sum, w) => sum + w, 0);
  const { single, part } = LIMITS[encoding];
  if (characters <= single) return { encoding, characters, segments: 1 };
  let segments = 1;
  let used = 0;
  for (const width of widths) {
    if (used + width > part) {
      segments += 1;
      used = 0;
    }
    used += width;
  }
  return { encoding, characters, segments };
}
