import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { grantState, LISTING_PURPOSE } from "~/modules/consent/vocabulary";

/*
 * "Live consent for this purpose" and "which purpose a listing needs" are written once, in
 * app/modules/consent (vocabulary.ts, live.server.ts). This test reads the sources of app/, search/ and db/
 * (comments left out) and fails when either rule is written again anywhere else: use liveConsent,
 * grantIsLive, grantCovers, grantNotWithdrawn, livePurposesSql, grantState or LISTING_PURPOSE instead.
 */

const root = path.resolve(import.meta.dirname, "../..");
const SCANNED = ["app", "search", "db"];
/** The consent module's own files: the one place the rules are written. */
const HOME = ["app/modules/consent/vocabulary.ts", "app/modules/consent/live.server.ts"];

/** What a copy of either rule looks like, in drizzle, raw SQL or TypeScript. */
const COPIES: { rule: string; pattern: RegExp }[] = [
  { rule: "raw SQL: withdrawn_at is null", pattern: /withdrawn_at\s+is\s+null/i },
  {
    rule: "raw SQL: a grant's expires_at compared",
    pattern: /\b(g|cg|grant|consent_grant"?)\.expires_at\s*(>|<|>=|<=)/i,
  },
  { rule: "raw SQL or drizzle: purpose = any(purposes)", pattern: /=\s*any\(\s*[^)]*purposes\b/i },
  { rule: "drizzle: isNull(consentGrant.withdrawnAt)", pattern: /isNull\(\s*consentGrant\.withdrawnAt\s*\)/ },
  {
    rule: "drizzle: consentGrant.expiresAt compared with a time",
    pattern: /\b(gt|lt|gte)\(\s*consentGrant\.expiresAt\b/,
  },
  {
    rule: "TypeScript: a grant's state from withdrawnAt/expiresAt",
    pattern: /withdrawnAt\)?\s*(return\s*["']withdrawn["']|&&\s*[\w.]+\.expiresAt\s*>)/,
  },
  { rule: "map: job → matching", pattern: /\bjob["']?\s*(:|=>|then)\s*["']matching["']/i },
  { rule: "map: training → training_referral", pattern: /\btraining["']?\s*(:|=>|then)\s*["']training_referral["']/i },
  { rule: "map: SQL case kind → purpose", pattern: /when\s+'(job|training)'\s+then\s+'(matching|training_referral)'/i },
];

/** Allowed exceptions, each one line with exactly this text (none today: keep it that way). */
const KNOWN: { rule: string; line: string }[] = [];

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" || e.name === "migrations" ? [] : sourceFiles(full);
    return /\.(ts|tsx|js|mjs)$/.test(e.name) ? [full] : [];
  });
}

/** The code without its comments (a comment may explain the rule in words), line numbers kept. */
function withoutComments(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, " "))
    .split("\n")
    .map((l) => l.replace(/(^|[^:"'`])\/\/.*$/, "$1"))
    .join("\n");
}

/** Each line of `text` that writes a rule, one hit per line (the first rule it matches). */
function copiesIn(text: string): { rule: string; line: string; number: number }[] {
  return withoutComments(text)
    .split("\n")
    .flatMap((line, i) => {
      const copy = COPIES.find((c) => c.pattern.test(line));
      return copy ? [{ rule: copy.rule, line: line.trim(), number: i + 1 }] : [];
    });
}

describe("consent has one vocabulary", () => {
  const files = SCANNED.flatMap((d) => sourceFiles(path.join(root, d))).map((f) =>
    path.relative(root, f).split(path.sep).join("/"),
  );

  it("scans the sources", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files).toEqual(
      expect.arrayContaining([...HOME, "search/facade.server.ts", "app/modules/persons/candidate-rows.server.ts"]),
    );
  });

  it("the consent module itself is recognised as writing the rules (the patterns are live)", () => {
    const home = HOME.flatMap((f) => copiesIn(fs.readFileSync(path.join(root, f), "utf8")).map((c) => c.rule));
    expect(home).toEqual(
      expect.arrayContaining([
        "raw SQL: withdrawn_at is null",
        "drizzle: isNull(consentGrant.withdrawnAt)",
        "map: job → matching",
      ]),
    );
  });

  it("finds a pasted copy of the condition or the map", () => {
    const pasted = [
      "sql`exists (select 1 from ${consentGrant} g where g.person_id = ${id} and g.withdrawn_at is null and g.expires_at > ${at}::timestamptz)`",
      ".where(and(eq(consentGrant.personId, id), isNull(consentGrant.withdrawnAt), gt(consentGrant.expiresAt, now())))",
      "sql`${purpose} = any(${consentGrant.purposes})`",
      "if (!g.withdrawnAt && g.expiresAt > at) live.add(p);",
      '  if (grant.withdrawnAt) return "withdrawn";',
      'export const PURPOSE_OF = { job: "matching", training: "training_referral" } as const;',
      "case kind when 'job' then 'matching' when 'training' then 'training_referral' end",
      "and g.expires_at > ${at}::timestamptz",
      "// a comment may say g.withdrawn_at is null",
    ];
    expect(pasted.map((l) => copiesIn(l).length)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 0]);
  });

  it("no copy of the live-consent condition or the listing → purpose map outside app/modules/consent", () => {
    const known = [...KNOWN];
    const copies: string[] = [];
    for (const file of files) {
      if (HOME.includes(file)) continue;
      for (const c of copiesIn(fs.readFileSync(path.join(root, file), "utf8"))) {
        const k = known.findIndex((e) => e.rule === c.rule && e.line === c.line);
        if (k >= 0) known.splice(k, 1);
        else copies.push(`${file}:${c.number} (${c.rule}): ${c.line}`);
      }
    }
    expect(copies, "use app/modules/consent (liveConsent, grantIsLive, grantState, LISTING_PURPOSE…)").toEqual([]);
    // An exception no longer found was switched to the shared fragment: remove it from KNOWN.
    expect(known, "stale KNOWN entries").toEqual([]);
  });

  it("the map and the grant state say what the rule says", () => {
    expect(LISTING_PURPOSE).toEqual({ job: "matching", training: "training_referral" });
    const at = new Date("2026-06-01T00:00:00Z");
    expect(grantState({ withdrawnAt: null, expiresAt: "2026-06-02T00:00:00.000Z" }, at)).toBe("live");
    expect(grantState({ withdrawnAt: null, expiresAt: at }, at)).toBe("expired");
    expect(grantState({ withdrawnAt: new Date("2026-05-01"), expiresAt: "2027-01-01T00:00:00.000Z" }, at)).toBe(
      "withdrawn",
    );
  });
});
