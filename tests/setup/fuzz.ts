import fc from "fast-check";
import { expect } from "vitest";

import { isMessageKey } from "~/i18n";
import type { FormValues } from "~/utils/forms";
import { cleanText } from "~/utils/text";

import type { Database } from "../../db/client.server";
import { changedTables, fingerprint } from "./fuzz-db";
import { callHandler, type Handler } from "./route-files";

// The in-process call is shared with the role × route matrix (./route-files.ts); the upload tests take it from here.
export { callHandler } from "./route-files";

/*
 * Bad input, property-based (fast-check): junk generators, requests in every encoding a client may send, the
 * checks every refusal must pass, and the runner that posts generated bodies to one action (the database
 * side is in ./fuzz-db.ts). Used by tests/integration/bad-input-*.test.ts.
 */

/** Fixed by default so CI is reproducible; FC_SEED=<n> replays (or explores) another run. */
export const FC_SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20_260_007;

/** Run a property; a failure names the seed to replay it with. Stateful runs (a database) are not shrunk. */
export async function fuzz<T>(
  arbitrary: fc.Arbitrary<T>,
  property: (value: T) => Promise<void>,
  numRuns: number,
): Promise<void> {
  try {
    await fc.assert(fc.asyncProperty(arbitrary, property), { seed: FC_SEED, numRuns, endOnFailure: true });
  } catch (error) {
    // Generated values can be 100,000 characters long: keep each line of the report readable.
    const lines = (error as Error).message.split("\n").map((l) => (l.length > 400 ? `${l.slice(0, 400)}…` : l));
    (error as Error).message = `FC_SEED=${FC_SEED} (replay with this env)\n${lines.join("\n")}`;
    throw error;
  }
}

const VIETNAMESE = "Nguyễn Văn Hùng, thợ sửa xe máy ở Đắk Lắk";
/** What a hostile or broken client sends, one of each kind; the generators below mix them. */
// prettier-ignore
export const NASTY = [
  "", " ", "\u0000", `a\u0000b`, "\uD800", "x\uDFFFy", "\u202Eabc\u202C", "\u200F\u200Bمرحبا", "👩‍👩‍👧‍👦🇻🇳", VIETNAMESE.normalize("NFD"), VIETNAMESE,
  "<script>alert(1)</script><img src=x onerror=alert(1)>", '"><svg onload=alert(1)>', "=1+1", "+41", "-2+3", "@SUM(A1)", "\t=cmd", "\r=cmd",
  '=HYPERLINK("http://x","y")', "-1", "0", "1e309", "99999999999999999999999", "-99999999999", "NaN", "Infinity", "0x10", "1.5", " 12 ", "5.000.000",
  "2024-02-30", "0000-01-01", "0001-01-01", "9999-12-31", "31/02/2024", "2024-13-01", "-001-01-01", "2024-01-01T25:61",
  "00000000-0000-0000-0000-000000000000", "on", "true", "null", "undefined", "[object Object]", "'; drop table app_user; --", "%00",
  "../../etc/passwd", "a".repeat(100_000), "ễ".repeat(30_000), "<".repeat(50_000),
] as const;

/** Any text at all: the listed nasties, random Unicode (emoji, astral planes), control characters, numbers. */
export const junkText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...NASTY), weight: 4 },
  { arbitrary: fc.string({ maxLength: 30 }), weight: 1 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }), weight: 1 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 20 }), weight: 1 },
  {
    arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c)), maxLength: 8 }),
    weight: 1,
  },
  { arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: false }), fc.bigInt()).map(String), weight: 1 },
  { arbitrary: fc.uuid(), weight: 1 },
);

/** How one field of a valid form is spoiled: replaced, surrounded with junk, repeated, or left out. */
type Spoil = (valid: string | string[]) => string | string[] | undefined;
const spoil: fc.Arbitrary<Spoil> = fc.oneof(
  {
    arbitrary: junkText.map(
      (j): Spoil =>
        () =>
          j,
    ),
    weight: 4,
  },
  {
    arbitrary: junkText.map(
      (j): Spoil =>
        (v) =>
          `${Array.isArray(v) ? (v[0] ?? "") : v}${j}`,
    ),
    weight: 2,
  },
  {
    arbitrary: junkText.map(
      (j): Spoil =>
        (v) =>
          `${j}${Array.isArray(v) ? (v[0] ?? "") : v}`,
    ),
    weight: 1,
  },
  {
    arbitrary: fc
      .array(junkText, { minLength: 1, maxLength: 3 })
      .map((js): Spoil => (v) => [...(Array.isArray(v) ? v : [v]), ...js]),
    weight: 1,
  },
  { arbitrary: fc.constant<Spoil>(() => undefined), weight: 1 },
  // A NUL inside an otherwise valid value: PostgreSQL refuses it, so it must never get that far.
  { arbitrary: fc.constant<Spoil>((v) => `${Array.isArray(v) ? (v[0] ?? "") : v}\u0000x`), weight: 1 },
);

/** Names no form has, and the ones that trip up naive object handling. */
const strangeName = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "toString", "hasOwnProperty", "", "intent[]", "a".repeat(5_000)),
  fc.string({ maxLength: 12 }),
);

/**
 * Bodies built on a valid form: up to three of its fields spoiled (so most bodies are nearly valid and reach
 * the service and the database, where a NUL or a 100,000-character note would hurt), now and then every
 * field spoiled, plus unknown fields. `fixed` fields (the intent that picks the form) are sent as given.
 */
export function formArbitrary(valid: FormValues, fixed: FormValues = {}): fc.Arbitrary<FormValues> {
  const names = Object.keys(valid);
  const spoiled = fc.oneof(
    { arbitrary: fc.shuffledSubarray(names, { minLength: 0, maxLength: Math.min(3, names.length) }), weight: 5 },
    { arbitrary: fc.constant(names), weight: 1 },
  );
  const extra = fc.array(fc.tuple(strangeName, fc.oneof(junkText, fc.array(junkText, { maxLength: 2 }))), {
    maxLength: 2,
  });
  return fc
    .tuple(spoiled, fc.array(spoil, { minLength: names.length, maxLength: names.length }), extra)
    .map(([chosen, spoils, unknown]) => {
      const entries: [string, string | string[]][] = [];
      names.forEach((name, i) => {
        const value = chosen.includes(name) ? spoils[i]!(valid[name]!) : valid[name]!;
        if (value !== undefined) entries.push([name, value]);
      });
      for (const [name, value] of unknown) if (!(name in fixed) && !(name in valid)) entries.push([name, value]);
      entries.push(...Object.entries(fixed));
      return Object.fromEntries(entries);
    });
}

export const ENCODINGS = ["urlencoded", "multipart", "json", "text", "none"] as const;
export type Encoding = (typeof ENCODINGS)[number];
/** Mostly the encodings forms use; now and then a body no form would send. */
export const encodingArbitrary: fc.Arbitrary<Encoding> = fc.oneof(
  { arbitrary: fc.constant<Encoding>("urlencoded"), weight: 6 },
  { arbitrary: fc.constant<Encoding>("multipart"), weight: 2 },
  { arbitrary: fc.constantFrom<Encoding>("json", "text", "none"), weight: 1 },
);

const BASE = "http://localhost";

/** A same-origin POST of `values` as a logged-in user (or anonymous), in the given encoding. */
export function postRequest(pathname: string, values: FormValues, encoding: Encoding, cookie?: string): Request {
  const headers: Record<string, string> = { Origin: BASE, ...(cookie ? { Cookie: cookie } : {}) };
  const url = `${BASE}${pathname}`;
  const pairs = Object.entries(values).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => [k, x] as const));
  switch (encoding) {
    case "urlencoded": {
      const body = new URLSearchParams();
      for (const [k, v] of pairs) body.append(k, v);
      return new Request(url, {
        method: "POST",
        headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
        body,
      });
    }
    case "multipart": {
      const body = new FormData();
      for (const [k, v] of pairs) body.append(k, v);
      return new Request(url, { method: "POST", headers, body });
    }
    case "json":
      return new Request(url, {
        method: "POST",
        headers: { ...headers, "Content-Type": "application/json" },
        body: JSON.stringify(values),
      });
    case "text":
      return new Request(url, {
        method: "POST",
        headers: { ...headers, "Content-Type": "text/plain" },
        body: pairs.map(([k, v]) => `${k}=${v}`).join("\n"),
      });
    case "none":
      return new Request(url, { method: "POST", headers });
  }
}

/** What the app makes of a posted form (app/utils/forms.ts formValues): what a 400 must echo back. */
export function cleanedValues(values: FormValues): FormValues {
  const out = new Map<string, string[]>();
  for (const [name, value] of Object.entries(values)) {
    const key = cleanText(name);
    const all = (Array.isArray(value) ? value : [value]).map(cleanText);
    // An empty list sends nothing: the name never reaches the server.
    if (all.length) out.set(key, [...(out.get(key) ?? []), ...all]);
  }
  return Object.fromEntries([...out].map(([k, all]) => [k, all.length > 1 ? all : (all[0] ?? "")]));
}

/** A short, printable account of a generated body (100k-character values would drown the report). */
export function describeValues(values: FormValues): string {
  const short = (s: string) => JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…(${s.length} chars)` : s);
  return Object.entries(values)
    .map(([k, v]) => `${short(k)}=${Array.isArray(v) ? `[${v.map(short).join(", ")}]` : short(v)}`)
    .join(" ");
}

// ---------------------------------------------------------------------------------------------------------
// What every refusal must be.

/** English defaults of zod and of the platform, which must never reach a Vietnamese page. */
const RAW_MESSAGES =
  /Invalid input|Too (big|small)|[Ee]xpected (string|number|array|object)|Required\b|Invalid (uuid|UUID|enum|option|string)|must (be|contain)|at \S+ \(.*:\d+:\d+\)/;

/** Every message an answer carries: `errors.<field>.key`, `error`, `messageKey`, wherever they sit. */
function messagesIn(body: unknown, out: string[] = []): string[] {
  if (Array.isArray(body)) body.forEach((b) => messagesIn(b, out));
  else if (body && typeof body === "object") {
    for (const [k, v] of Object.entries(body)) {
      if (k === "errors" && v && typeof v === "object") {
        for (const e of Object.values(v))
          out.push(e && typeof e === "object" && "key" in e ? String((e as { key: unknown }).key) : JSON.stringify(e));
      } else if ((k === "error" || k === "messageKey") && typeof v === "string") out.push(v);
      else if (k !== "values") messagesIn(v, out);
    }
  }
  return out;
}

export type RefusalRules = {
  /** The 400 echoes `values`: they must be what was typed (cleaned as the app cleans input), passwords left out. */
  echoes?: boolean;
  /** The catalogue key a page shows for an `error` token it translates itself (e.g. "not_due" → "outcomes.employer.error.not_due"). */
  keyOf?: (token: string) => string;
};

/** A refused answer (4xx): a translated message (catalogue keys, no raw English), what was typed kept. */
export async function expectClearRefusal(
  res: Response,
  sent: FormValues,
  encoding: Encoding,
  rules: RefusalRules,
  label: string,
): Promise<void> {
  const text = await res.clone().text();
  expect(text, `${label}: a raw English/zod message or a stack in the answer`).not.toMatch(RAW_MESSAGES);
  if (res.status !== 400 && res.status !== 413) return;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${label}: a ${res.status} that is not the page's data: ${text.slice(0, 200)}`);
  }
  const messages = messagesIn(body);
  expect(messages.length, `${label}: a ${res.status} without any message`).toBeGreaterThan(0);
  for (const m of messages) {
    const key = rules.keyOf ? rules.keyOf(m) : m;
    expect(isMessageKey(key), `${label}: "${key}" is not a catalogue key, so the page cannot say what went wrong`).toBe(
      true,
    );
  }
  // Urlencoded only: multipart rewrites line breaks to CRLF and escapes quotes in names (the HTML standard), and
  // Remix's multipart parser refuses a part without a name, which then counts as an empty form.
  if (rules.echoes && encoding === "urlencoded" && body && typeof body === "object" && "values" in body) {
    const echoed = (body as { values: FormValues }).values;
    const expected = Object.fromEntries(Object.entries(cleanedValues(sent)).filter(([k]) => !/password/i.test(k)));
    expect(echoed, `${label}: the 400 does not keep what was typed`).toEqual(expected);
  }
}

// ---------------------------------------------------------------------------------------------------------
// One form action under fuzz.

export type ActionCase = {
  /** "officer.persons.new.tsx" or "officer.persons.$id.tsx intent=classify": the failure names it. */
  label: string;
  action: Handler;
  /** The URL path posted to, and the route params Remix would pass. */
  path: string;
  params?: Record<string, string>;
  /** A user allowed to post it (so validation is what is exercised); unset: anonymous. */
  cookie?: string;
  /** A valid form, whose fields the generator keeps, spoils, repeats or drops. */
  valid: FormValues;
  /** Sent as given every time (the intent that picks the form). */
  fixed?: FormValues;
  rules?: RefusalRules;
  /** Tables a refusal may write by design (a failed login is counted in login_attempt). */
  mayWrite?: readonly string[];
  /** The action reads no field (e.g. "issue a new code"): every body is accepted, none refused. */
  readsNoField?: boolean;
};

/**
 * Post generated bodies to one action. Never a 500 or a thrown error; a refusal (4xx) writes no row in any
 * table and carries translated messages (and, for forms, what was typed). Returns how the runs ended, so a
 * test can show that both refusals and acceptances were exercised.
 */
export async function fuzzAction(db: Database, c: ActionCase, numRuns: number): Promise<Record<string, number>> {
  const statuses: Record<string, number> = {};
  await fuzz(
    fc.tuple(formArbitrary(c.valid, c.fixed), encodingArbitrary),
    async ([values, encoding]) => {
      const label = `${c.label} [${encoding}] ${describeValues(values)}`;
      const before = await fingerprint(db, c.mayWrite);
      const res = await callHandler(c.action, postRequest(c.path, values, encoding, c.cookie), c.params ?? {});
      if (res instanceof Error) throw new Error(`${label}: threw ${res.stack ?? res.message}`);
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      expect(res.status, `${label}: ${(await res.clone().text()).slice(0, 300)}`).toBeLessThan(500);
      if (res.status >= 400) {
        expect(
          changedTables(before, await fingerprint(db, c.mayWrite)),
          `${label}: a refused request wrote rows`,
        ).toEqual([]);
        await expectClearRefusal(res, values, encoding, c.rules ?? {}, label);
      }
    },
    numRuns,
  );
  return statuses;
}
