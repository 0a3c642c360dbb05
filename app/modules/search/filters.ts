import { quote } from "../../../search/facade.server";
import type { JobSearch, TrainingSearch } from "./params";

/**
 * Meilisearch filter expressions from validated search parameters (pure, unit-tested). Values were
 * checked by the zod schemas (codes, enums, numbers), and are quoted all the same.
 */

export function jobFilters(p: JobSearch, today: number): string[] {
  const f = [`closesAt >= ${today}`];
  if (p.province) f.push(`provinceCode = ${quote(p.province)}`);
  if (p.commune) f.push(`communeCode = ${quote(p.commune)}`);
  if (p.group) f.push(`occupationGroup = ${quote(p.group)}`);
  if (p.occupation) f.push(`occupationCode = ${quote(p.occupation)}`);
  if (p.wage) f.push(`wageMax >= ${Math.floor(p.wage)}`);
  if (p.type.length) f.push(`employmentType IN [${p.type.map(quote).join(", ")}]`);
  for (const b of p.benefit) f.push(`benefits = ${quote(b)}`);
  return f;
}

export function jobSort(p: JobSearch): string[] | undefined {
  const sort = p.sort ?? (p.q ? "relevance" : "newest");
  if (sort === "newest") return ["publishedAt:desc"];
  if (sort === "wage") return ["wageMax:desc"];
  if (sort === "start") return ["startsAt:asc"];
  return undefined;
}

export function trainingFilters(p: TrainingSearch, today: number): string[] {
  const f = [`applicationDeadline >= ${today}`];
  if (p.province) f.push(`provinceCode = ${quote(p.province)}`);
  if (p.commune) f.push(`communeCode = ${quote(p.commune)}`);
  if (p.group) f.push(`occupationGroup = ${quote(p.group)}`);
  if (p.level) f.push(`levelCode = ${quote(p.level)}`);
  if (p.free) f.push("free = true");
  for (const s of p.support) f.push(`support = ${quote(s)}`);
  return f;
}

export function trainingSort(p: TrainingSearch): string[] | undefined {
  const sort = p.sort ?? (p.q ? "relevance" : "start");
  if (sort === "newest") return ["publishedAt:desc"];
  if (sort === "start") return ["startsAt:asc"];
  if (sort === "cost") return ["costVnd:asc"];
  return undefined;
}

export const JOB_FACETS = ["provinceCode", "occupationGroup", "employmentType", "benefits"] as const;
export const TRAINING_FACETS = ["provinceCode", "occupationGroup", "levelCode", "support"] as const;

/** Words of a query for the PostgreSQL fallback: letters and digits only (no LIKE wildcards). */
export function queryTokens(q: string | undefined): string[] {
  return (
    (q ?? "")
      .normalize("NFC")
      .match(/[\p{L}\p{N}]+/gu)
      ?.slice(0, 8) ?? []
  );
}
