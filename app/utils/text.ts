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
