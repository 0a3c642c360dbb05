import { and, asc, count, desc, eq, gte, inArray, isNotNull, or, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";

import { selectJobRows } from "~/modules/jobs/search-rows.server";
import { selectTrainingRows } from "~/modules/trainings/search-rows.server";
import { foldText } from "~/utils/text";

import { db } from "../../../db/client.server";
import { commune, job, occupation, organization, province, trainingSlot } from "../../../db/schema";
import {
  type JobDocument,
  jobToDocument,
  type TrainingDocument,
  trainingToDocument,
} from "../../../search/facade.server";
import { JOB_FACETS, jobSort, queryTokens, TRAINING_FACETS, trainingSort } from "./filters";
import { type JobSearch, PAGE_SIZE, type TrainingSearch } from "./params";
import type { Engine, Facets } from "./public-search.server";

/**
 * The PostgreSQL fallback (docs/decisions/009) under the same rules as Meilisearch (decision 026): every
 * word must be a word of the title, trade, skills, organisation or place (accents folded; the last word
 * may be the start of one; words of 4+ letters may be near a word, by trigram word similarity); the
 * description only feeds the "related" section.
 */

/** Each query word, as a whole word of the folded text (the last one as a prefix), or near one if long enough. */
function wordConditions(text: SQL, q: string | undefined): SQL[] {
  const words = queryTokens(q);
  return words.map((w, i) => {
    const pattern = i === words.length - 1 ? sql`'\\m' || ct_fold(${w})` : sql`'\\m' || ct_fold(${w}) || '\\M'`;
    return foldText(w).length >= 4
      ? sql`(${text} ~ (${pattern}) or ct_fold(${w}) <% ${text})`
      : sql`${text} ~ (${pattern})`;
  });
}

/** How many of the query's words (2+ letters) are whole words of the text: the "related" section's order. */
function sharedWords(text: SQL, q: string): SQL | undefined {
  const words = queryTokens(q).filter((w) => foldText(w).length >= 2);
  if (words.length === 0) return undefined;
  return sql.join(
    words.map((w) => sql`(case when ${text} ~ ('\\m' || ct_fold(${w}) || '\\M') then 1 else 0 end)`),
    sql` + `,
  );
}

const pages = (total: number) => Math.ceil(total / PAGE_SIZE);
const RELATED_LIMIT = 6;
const TEXTS_LIMIT = 50;

type Listing = PgTable & {
  organizationId: AnyPgColumn;
  occupationCode: AnyPgColumn;
  communeCode: AnyPgColumn;
  provinceCode: AnyPgColumn;
};

/** The fallback's total and facet counts, over a listing table joined as its public rows are. */
async function fallbackCounts(listing: Listing, where: SQL | undefined, facetColumns: Record<string, SQL>) {
  const [{ n }] = await db()
    .select({ n: count() })
    .from(listing)
    .innerJoin(organization, eq(organization.id, listing.organizationId))
    .innerJoin(occupation, eq(occupation.code, listing.occupationCode))
    .innerJoin(commune, eq(commune.code, listing.communeCode))
    .innerJoin(province, eq(province.code, listing.provinceCode))
    .where(where);
  const facets: Facets = {};
  for (const [name, expr] of Object.entries(facetColumns)) {
    const counts = await db()
      .select({ value: sql<string>`${expr}`.as("value"), n: count() })
      .from(listing)
      .innerJoin(organization, eq(organization.id, listing.organizationId))
      .innerJoin(occupation, eq(occupation.code, listing.occupationCode))
      .innerJoin(commune, eq(commune.code, listing.communeCode))
      .innerJoin(province, eq(province.code, listing.provinceCode))
      .where(where)
      .groupBy(sql`1`);
    facets[name] = Object.fromEntries(counts.map((c) => [c.value, Number(c.n)]));
  }
  return { total: Number(n), facets };
}

// What a job must contain every word of (search/indexes.ts MATCH_ATTRIBUTES, in SQL).
const jobMatchText = sql`ct_fold(concat_ws(' ', ${job.title}, ${occupation.nameVi}, array_to_string(${job.skills}, ' '), ${organization.name}, ${commune.name}, ${province.name}, ${occupation.nameEn}))`;
const jobAllText = sql`ct_fold(${job.searchText})`;

export function jobFallback(p: JobSearch, today: string): Engine<JobDocument> {
  const filters: (SQL | undefined)[] = [
    eq(job.status, "open"),
    isNotNull(job.publishedAt),
    eq(organization.verificationStatus, "verified"),
    gte(job.closesAt, today),
    p.province ? eq(job.provinceCode, p.province) : undefined,
    p.commune ? eq(job.communeCode, p.commune) : undefined,
    p.group ? eq(occupation.majorGroup, p.group) : undefined,
    p.occupation ? eq(job.occupationCode, p.occupation) : undefined,
    p.wage ? gte(job.wageMax, p.wage) : undefined,
    p.type.length ? inArray(job.employmentType, p.type) : undefined,
    ...p.benefit.map((b) => sql`${b} = any(${job.benefits})`),
  ];
  const newest = [desc(job.publishedAt), asc(job.id)];
  return {
    async page(q, page) {
      const where = and(...filters, ...wordConditions(jobMatchText, q));
      const sort = jobSort({ ...p, q })?.[0];
      const order =
        sort === "wageMax:desc"
          ? [desc(job.wageMax), ...newest]
          : sort === "startsAt:asc"
            ? [sql`${job.startsAt} asc nulls last`, ...newest]
            : sort === "publishedAt:desc" || !q?.trim()
              ? newest
              : [sql`word_similarity(ct_fold(${q}), ${jobMatchText}) desc`, ...newest];
      const rows = await selectJobRows(db())
        .where(where)
        .orderBy(...order)
        .limit(PAGE_SIZE)
        .offset((page - 1) * PAGE_SIZE);
      const { total, facets } = await fallbackCounts(job, where, {
        provinceCode: sql`${job.provinceCode}`,
        occupationGroup: sql`${occupation.majorGroup}`,
        employmentType: sql`${job.employmentType}`,
        benefits: sql`unnest(${job.benefits})`,
      } satisfies Record<(typeof JOB_FACETS)[number], SQL>);
      return { hits: rows.map(jobToDocument), total, page, totalPages: pages(total), facets, source: "database" };
    },
    async texts(queries) {
      const out: string[][] = [];
      for (const q of queries) {
        const rows = await selectJobRows(db())
          .where(and(...filters, ...wordConditions(jobMatchText, q)))
          .limit(TEXTS_LIMIT);
        out.push(rows.flatMap((r) => [r.title, r.occupationNameVi, r.organizationName, ...r.skills]));
      }
      return out;
    },
    async related(q) {
      const shared = sharedWords(jobAllText, q);
      const some = shared
        ? await selectJobRows(db())
            .where(and(...filters, sql`(${shared}) > 0`))
            .orderBy(sql`(${shared}) desc`, ...newest)
            .limit(RELATED_LIMIT)
        : [];
      const rows = some.length
        ? some
        : await selectJobRows(db())
            .where(and(...filters))
            .orderBy(...newest)
            .limit(RELATED_LIMIT);
      return rows.map(jobToDocument);
    },
  };
}

const trainingMatchText = sql`ct_fold(concat_ws(' ', ${trainingSlot.title}, ${occupation.nameVi}, ${organization.name}, ${commune.name}, ${province.name}, ${occupation.nameEn}))`;
const trainingAllText = sql`ct_fold(${trainingSlot.searchText})`;

export function trainingFallback(p: TrainingSearch, today: string): Engine<TrainingDocument> {
  const filters: (SQL | undefined)[] = [
    eq(trainingSlot.status, "open"),
    isNotNull(trainingSlot.publishedAt),
    eq(organization.verificationStatus, "verified"),
    gte(trainingSlot.applicationDeadline, today),
    p.province ? eq(trainingSlot.provinceCode, p.province) : undefined,
    p.commune ? eq(trainingSlot.communeCode, p.commune) : undefined,
    p.group ? eq(occupation.majorGroup, p.group) : undefined,
    p.level ? eq(trainingSlot.levelCode, p.level) : undefined,
    p.free ? or(eq(trainingSlot.costVnd, 0), sql`'free' = any(${trainingSlot.support})`) : undefined,
    ...p.support.map((s) => sql`${s} = any(${trainingSlot.support})`),
  ];
  const newest = [desc(trainingSlot.publishedAt), asc(trainingSlot.id)];
  return {
    async page(q, page) {
      const where = and(...filters, ...wordConditions(trainingMatchText, q));
      const sort = trainingSort({ ...p, q })?.[0];
      const order =
        sort === "costVnd:asc"
          ? [asc(trainingSlot.costVnd), ...newest]
          : sort === "startsAt:asc"
            ? [asc(trainingSlot.startsAt), ...newest]
            : sort === "publishedAt:desc" || !q?.trim()
              ? newest
              : [sql`word_similarity(ct_fold(${q}), ${trainingMatchText}) desc`, ...newest];
      const rows = await selectTrainingRows(db())
        .where(where)
        .orderBy(...order)
        .limit(PAGE_SIZE)
        .offset((page - 1) * PAGE_SIZE);
      const { total, facets } = await fallbackCounts(trainingSlot, where, {
        provinceCode: sql`${trainingSlot.provinceCode}`,
        occupationGroup: sql`${occupation.majorGroup}`,
        levelCode: sql`${trainingSlot.levelCode}`,
        support: sql`unnest(${trainingSlot.support})`,
      } satisfies Record<(typeof TRAINING_FACETS)[number], SQL>);
      return { hits: rows.map(trainingToDocument), total, page, totalPages: pages(total), facets, source: "database" };
    },
    async texts(queries) {
      const out: string[][] = [];
      for (const q of queries) {
        const rows = await selectTrainingRows(db())
          .where(and(...filters, ...wordConditions(trainingMatchText, q)))
          .limit(TEXTS_LIMIT);
        out.push(rows.flatMap((r) => [r.title, r.occupationNameVi, r.organizationName]));
      }
      return out;
    },
    async related(q) {
      const shared = sharedWords(trainingAllText, q);
      const some = shared
        ? await selectTrainingRows(db())
            .where(and(...filters, sql`(${shared}) > 0`))
            .orderBy(sql`(${shared}) desc`, ...newest)
            .limit(RELATED_LIMIT)
        : [];
      const rows = some.length
        ? some
        : await selectTrainingRows(db())
            .where(and(...filters))
            .orderBy(...newest)
            .limit(RELATED_LIMIT);
      return rows.map(trainingToDocument);
    },
  };
}
