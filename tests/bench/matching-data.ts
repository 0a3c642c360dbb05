import crypto from "node:crypto";

import { eq, sql } from "drizzle-orm";

import { addDays } from "~/utils/dates";

import type { Database } from "../../db/client.server";
import { commune, consentGrant, conviction, courtBan, occupation, releasedPerson } from "../../db/schema";
import { mulberry32, TRADES } from "../../db/seed/marketplace";
import type { SearchClient } from "../../search/client.server";
import { type CandidateRow, candidateToDocument } from "../../search/documents";
import { bulkInsert } from "./database";

/**
 * Synthetic released persons for the matching benchmark: N persons in one province (Lâm Đồng, where the
 * demo's Nam Đà officer works), each with a trade and skills from the seed's trade templates, a conviction
 * (most records still standing), some court bans, and a live consent grant for most. Inserted in bulk with
 * SQL; their candidate documents are built with the app's own mapper and indexed straight into Meilisearch.
 */

export const BENCH_PROVINCE = "68";
const BATCH = 5_000;

export type BenchPersons = {
  persons: number;
  consented: number;
  bans: number;
  communes: string[];
  indexed: number;
  ms: number;
};

const GIVEN = ["Văn", "Thị", "Đức", "Minh", "Hữu", "Quốc", "Ngọc", "Thanh"];
const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng"];
const NAMES = [
  "An",
  "Bình",
  "Cường",
  "Dũng",
  "Hải",
  "Hùng",
  "Khánh",
  "Long",
  "Nam",
  "Phong",
  "Quân",
  "Sơn",
  "Tâm",
  "Thắng",
  "Tuấn",
  "Việt",
];
const CATEGORIES = [
  "property",
  "property",
  "property",
  "drugs",
  "drugs",
  "violence",
  "traffic",
  "fraud",
  "public_order",
  "economic",
] as const;
const OTHER_PROVINCES = ["79", "01", "66", "56", "48"];

export async function loadBenchPersons(
  db: Database,
  search: SearchClient,
  options: { count: number; seed: number; today: string; log: (s: string) => void },
): Promise<BenchPersons> {
  const started = performance.now();
  const rng = mulberry32(options.seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rng() * items.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
  const communes = (
    await db.select({ code: commune.code }).from(commune).where(eq(commune.provinceCode, BENCH_PROVINCE))
  ).map((c) => c.code);
  const names = new Map(
    (await db.select({ code: occupation.code, name: occupation.nameVi }).from(occupation)).map((o) => [o.code, o.name]),
  );
  const trades = Object.keys(TRADES);
  const now = new Date();

  const persons: (typeof releasedPerson.$inferInsert)[] = [];
  const convictions: (typeof conviction.$inferInsert)[] = [];
  const bans: (typeof courtBan.$inferInsert)[] = [];
  const grants: (typeof consentGrant.$inferInsert)[] = [];
  const docs: ReturnType<typeof candidateToDocument>[] = [];
  for (let i = 0; i < options.count; i++) {
    const id = crypto.randomUUID();
    const trade = pick(trades);
    const desired = rng() < 0.6 ? trade : pick(trades);
    const skills = [
      ...new Set([
        pick(TRADES[trade].skills),
        pick(TRADES[trade].skills),
        ...(rng() < 0.3 ? [pick(TRADES[desired].skills)] : []),
      ]),
    ];
    const willingToMove = rng() < 0.2;
    const preferredProvinceCode = willingToMove && rng() < 0.5 ? pick(OTHER_PROVINCES) : null;
    const released = addDays(options.today, -int(30, 1_500));
    const person = {
      id,
      fullName: `${pick(FAMILY)} ${pick(GIVEN)} ${pick(NAMES)}`,
      gender: rng() < 0.85 ? ("male" as const) : ("female" as const),
      dateOfBirth: `${int(1965, 2006)}-${String(int(1, 12)).padStart(2, "0")}-${String(int(1, 28)).padStart(2, "0")}`,
      provinceCode: BENCH_PROVINCE,
      communeCode: pick(communes),
      releaseDate: released,
      releaseType: "completed" as const,
      skills,
      trades: rng() < 0.8 ? [trade] : [],
      desiredOccupations: [desired],
      willingToMove,
      preferredProvinceCode,
      expectedWage: rng() < 0.7 ? int(40, 90) * 100_000 : null,
      needs: rng() < 0.15 ? ["housing" as const] : [],
      createdAt: now,
      updatedAt: now,
    };
    persons.push(person as typeof releasedPerson.$inferInsert);
    convictions.push({
      id: crypto.randomUUID(),
      personId: id,
      offenceDate: addDays(released, -int(400, 3_000)),
      offenceCategory: pick(CATEGORIES),
      penalty: "prison",
      sentenceMonths: int(6, 96),
      mainCompletedOn: released,
      createdAt: now,
    });
    const banned = rng() < 0.05 ? [pick(trades)] : [];
    if (banned.length)
      bans.push({
        id: crypto.randomUUID(),
        personId: id,
        kind: "occupation",
        occupationCodes: banned,
        endsOn: addDays(options.today, int(30, 900)),
      });
    const consented = rng() < 0.9;
    if (consented) {
      grants.push({
        id: crypto.randomUUID(),
        personId: id,
        purposes: rng() < 0.7 ? ["matching", "training_referral"] : ["matching"],
        shareableFields: ["full_name", "age", "skills", "trades"],
        givenAt: now,
        evidenceKind: "paper_form",
        evidenceRef: `HCD-02/BENCH/${i}`,
        expiresAt: new Date(now.getTime() + 365 * 86_400_000),
        createdAt: now,
      });
      const row: CandidateRow = {
        id,
        status: "active",
        anonymized: false,
        hasMatchingConsent: true,
        skills,
        trades: person.trades,
        tradeNames: person.trades.map((c) => names.get(c) ?? c),
        desiredOccupations: person.desiredOccupations,
        desiredOccupationNames: person.desiredOccupations.map((c) => names.get(c) ?? c),
        communeCode: person.communeCode,
        provinceCode: BENCH_PROVINCE,
        preferredProvinceCode,
        willingToMove,
        availableFrom: null,
        expectedWage: person.expectedWage,
        bannedOccupationCodes: banned,
        updatedAt: now,
      };
      docs.push(candidateToDocument(row));
    }
  }
  for (let i = 0; i < persons.length; i += BATCH)
    await bulkInsert(db, releasedPerson, persons.slice(i, i + BATCH) as Record<string, unknown>[]);
  for (let i = 0; i < convictions.length; i += BATCH)
    await bulkInsert(db, conviction, convictions.slice(i, i + BATCH) as Record<string, unknown>[]);
  for (let i = 0; i < bans.length; i += BATCH)
    await bulkInsert(db, courtBan, bans.slice(i, i + BATCH) as Record<string, unknown>[]);
  for (let i = 0; i < grants.length; i += BATCH)
    await bulkInsert(db, consentGrant, grants.slice(i, i + BATCH) as Record<string, unknown>[]);
  options.log(
    `inserted ${persons.length} persons, ${grants.length} consent grants, ${bans.length} bans in ${Math.round(performance.now() - started)} ms; indexing candidates`,
  );
  const index = search.index("candidates");
  for (let i = 0; i < docs.length; i += 10_000) {
    const task = await index.addDocuments(docs.slice(i, i + 10_000)).waitTask({ timeout: 300_000 });
    if (task.status !== "succeeded") throw new Error(`indexing candidates failed: ${JSON.stringify(task.error)}`);
  }
  // Fresh statistics, as autovacuum would have them on a live database.
  await db.execute(sql`analyze`);
  return {
    persons: persons.length,
    consented: grants.length,
    bans: bans.length,
    communes,
    indexed: docs.length,
    ms: Math.round(performance.now() - started),
  };
}
