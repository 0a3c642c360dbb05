/**
 * Text as it enters the app (form fields, query strings): one form of every string, so that what is stored,
 * indexed, searched and compared for duplicates agrees whatever keyboard or system typed it.
 *
 * - NFC: "Nguyễn" typed decomposed (n, g, u, y, e, U+0302, U+0303, n — macOS, some Vietnamese IMEs, copy and
 *   paste from PDFs) and precomposed are different strings to PostgreSQL, `=`, unique indexes and Meilisearch
 *   ranking; NFC makes them the same string.
 * - NUL (U+0000) is dropped: PostgreSQL text cannot hold it and would refuse the whole request with an error.
 * - A lone surrogate (half of an emoji, from a broken client) becomes U+FFFD, as any UTF-8 encoder would
 *   make it later; doing it here keeps what is echoed back equal to what is stored.
 */
export function cleanText(text: string): string {
  return text
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD")
    .replace(/\u0000/g, "")
    .normalize("NFC");
}

/** A request's query string with every name and value cleaned as above (search boxes and filters). */
export function queryOf(request: Request): URLSearchParams {
  const cleaned = new URLSearchParams();
  for (const [name, value] of new URL(request.url).searchParams) cleaned.append(cleanText(name), cleanText(value));
  return cleaned;
}

/**
 * The typographic punctuation of Vietnamese documents (Word turns "-" and quotes into these) as unaccent's rules
 * write it: dashes and the minus sign as "-", curly quotes as straight ones, "…" as "...", "№" as "No".
 */
const PUNCTUATION: Record<string, string> = {
  "\u00ad": "-",
  "‐": "-",
  "‑": "-",
  "‒": "-",
  "–": "-",
  "—": "-",
  "―": "-",
  "−": "-",
  "‘": "'",
  "’": "'",
  "‛": "'",
  "′": "'",
  "“": '"',
  "”": '"',
  "‟": '"',
  "″": '"',
  "‚": ",",
  "„": ",,",
  "…": "...",
  "№": "No",
};
const PUNCTUATION_PATTERN = new RegExp(`[${Object.keys(PUNCTUATION).join("")}]`, "g");

/**
 * Vietnamese text folded for comparison, the TypeScript twin of the SQL function `ct_fold` (lower(unaccent(…)),
 * db/migrations/0001) that the search fallback and the name filters use: tone marks and other accents dropped
 * whatever the input's normal form (precomposed "ễ" or "e" + U+0302 + U+0303), đ and Đ read as d, typographic
 * dashes and quotes as ASCII ones, lower case. Spaces are kept as they are (so does ct_fold); `foldWords` also
 * collapses them. "Đặng Thị Ngọc  Ánh" → "dang thi ngoc  anh". tests/integration/text-fold.test.ts holds the
 * two to agreement on Vietnamese text (unaccent also rewrites rarer symbols — ligatures, full-width forms,
 * Roman numerals, unit signs — that this does not copy).
 */
export function foldText(text: string): string {
  return stripDiacritics(text).toLowerCase();
}

/**
 * `foldText` without the lower case: tone marks and accents dropped, đ → d and Đ → D, typographic dashes and
 * quotes as ASCII ones, case and everything else kept. "Đặng Thị – “Ánh”" → "Dang Thi - \"Anh\"". What an SMS
 * sent without diacritics reads (app/modules/notifications/channels/sms-text.ts).
 */
export function stripDiacritics(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(PUNCTUATION_PATTERN, (c) => PUNCTUATION[c]!)
    .normalize("NFC");
}

/** `foldText`, then every run of characters other than letters and digits as one space, trimmed: "Nguyễn  Văn H." → "nguyen van h". */
export function foldWords(text: string): string {
  return foldText(text)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
