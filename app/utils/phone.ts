// Placeholder until the SMS channel lands (libphonenumber-js); replaced by that change.
export function toE164(input: string): string | null {
  const digits = input.replace(/[^\d+]/g, "");
  if (/^0\d{9}$/.test(digits)) return `+84${digits.slice(1)}`;
  if (/^\+84\d{9}$/.test(digits)) return digits;
  return null;
}
