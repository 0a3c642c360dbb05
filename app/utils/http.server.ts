/** Only same-site paths: "/x" yes, "//evil.example" or "https://…" no. */
export function safeRedirect(to: unknown, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  // Browsers drop tabs and newlines from URLs, turning "/\t/evil.example" into "//evil.example".
  if (/[\u0000-\u001f\u007f]/.test(to)) return fallback;
  return to;
}
