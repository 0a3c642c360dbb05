import crypto from "node:crypto";

/*
 * Ids an attacker would try: the neighbours of a real one, runs of sequential and random uuids, and junk
 * that is not an id at all. Junk is given already percent-encoded, as it would travel in a path segment.
 */

/** The uuid whose last group is `delta` away (wrapping within the 48-bit group). */
export function shiftUuid(uuid: string, delta: number): string {
  const head = uuid.slice(0, 24);
  const tail = BigInt(`0x${uuid.slice(24)}`);
  const span = 1n << 48n;
  const shifted = (((tail + BigInt(delta)) % span) + span) % span;
  return `${head}${shifted.toString(16).padStart(12, "0")}`;
}

/** Last hex digits ±1..n of a real uuid. */
export function neighbours(uuid: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => [shiftUuid(uuid, i + 1), shiftUuid(uuid, -(i + 1))]).flat();
}

/** A run of sequential uuids, as a tool would count through them. */
export function sequentialUuids(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `00000000-0000-4000-8000-${(i + 1).toString(16).padStart(12, "0")}`);
}

export function randomUuids(n: number): string[] {
  return Array.from({ length: n }, () => crypto.randomUUID());
}

/**
 * Not ids at all (percent-encoded for a path segment): each must be a 404 or a 400, never a 500. ("%2e%2e" is
 * left out: URL parsers read it as "..", so the request goes to another page, not to a guessed id.)
 */
export const JUNK: readonly string[] = [
  "1",
  "0",
  "-1",
  "99999999999999999999999",
  "..%2F..%2Fetc%2Fpasswd",
  "%00",
  "%2500",
  "'%20or%201%3D1%20--",
  "1%3B%20drop%20table%20released_person%3B--",
  "%7B%7D",
  "null",
  "%C0%AF", // an overlong (invalid) UTF-8 sequence
  "%E0%A4%A", // a truncated escape
  "a".repeat(5000),
];

/** The same uuid written differently: upper case, in braces, as a URN. Never another record. */
export function respellings(uuid: string): string[] {
  return [uuid.toUpperCase(), `%7B${uuid}%7D`, `urn%3Auuid%3A${uuid}`, uuid.replace(/-/g, "")];
}
