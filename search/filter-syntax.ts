/** A value quoted for a Meilisearch filter expression (quotes and backslashes dropped). */
export const quote = (v: string) => `"${v.replace(/["\\]/g, "")}"`;
