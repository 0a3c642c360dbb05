import type { Settings } from "meilisearch";

/**
 * Index settings as code. Applied at every start (idempotent), so every environment's indexes match
 * what this file says. Meilisearch folds Vietnamese diacritics itself: "sua xe may" finds "Thợ sửa xe máy".
 */

/** Everyday words for the same trade, both ways round. Extended by the jobs/trainings work. */
// Accents are folded before synonyms apply, so no entry may fold into another trade's words: "thợ máy"
// (mechanic) would become "tho may" = "thợ may" (tailor). Mechanics are reached through "sửa xe".
export const TRADE_SYNONYMS: Record<string, string[]> = {
  "sửa xe": ["sửa chữa xe", "cơ khí ô tô xe máy"],
  hàn: ["thợ hàn", "hàn điện", "hàn xì"],
  "may mặc": ["thợ may", "may công nghiệp"],
  "thợ may": ["may mặc"],
  "phụ bếp": ["bếp", "nấu ăn"],
  "nấu ăn": ["bếp", "đầu bếp"],
  "thợ hồ": ["thợ xây", "phụ hồ"],
  "thợ xây": ["thợ hồ", "phụ hồ"],
  "lái xe": ["tài xế"],
  "tài xế": ["lái xe"],
  điện: ["thợ điện", "điện dân dụng"],
  mộc: ["thợ mộc"],
  "bốc xếp": ["kho", "kho vận"],
};

const COMMON: Settings = {
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
  pagination: { maxTotalHits: 100_000 },
  faceting: { maxValuesPerFacet: 200 },
  synonyms: TRADE_SYNONYMS,
};

/**
 * A visitor who picks an order ("start date", "wage") gets that order: "sort" comes before the relevance
 * rules. Meilisearch's default puts it after "attribute", so a title match outranked an earlier start date.
 * Without a chosen order the rule does nothing and relevance decides.
 */
const LISTING_RANKING_RULES = ["sort", "words", "typo", "proximity", "attribute", "exactness"];

export type IndexName = "jobs" | "trainings" | "candidates";

export const INDEXES: Record<IndexName, { primaryKey: string; settings: Settings }> = {
  /** Public documents: only what a public job page shows, plus filter fields. */
  jobs: {
    primaryKey: "id",
    settings: {
      ...COMMON,
      rankingRules: LISTING_RANKING_RULES,
      searchableAttributes: [
        "title",
        "occupationName",
        "skills",
        "organizationName",
        "communeName",
        "provinceName",
        "occupationNameEn",
        "description",
      ],
      filterableAttributes: [
        "provinceCode",
        "communeCode",
        "occupationGroup",
        "occupationCode",
        "employmentType",
        "benefits",
        "wageMin",
        "wageMax",
        "organizationId",
        "closesAt",
        "fairChance",
        "recognised",
      ],
      sortableAttributes: ["publishedAt", "wageMax", "wageMin", "startsAt", "closesAt"],
    },
  },
  /** Public documents for training slots. */
  trainings: {
    primaryKey: "id",
    settings: {
      ...COMMON,
      rankingRules: LISTING_RANKING_RULES,
      searchableAttributes: [
        "title",
        "trade",
        "organizationName",
        "communeName",
        "provinceName",
        "tradeEn",
        "description",
      ],
      filterableAttributes: [
        "provinceCode",
        "communeCode",
        "levelCode",
        "occupationGroup",
        "occupationCode",
        "free",
        "support",
        "organizationId",
        "applicationDeadline",
        "startsAt",
      ],
      sortableAttributes: ["publishedAt", "startsAt", "costVnd", "applicationDeadline"],
    },
  },
  /**
   * Server-only: one document per person with a live matching consent. Never a name, ID number,
   * offence or sentence.
   */
  candidates: {
    primaryKey: "id",
    settings: {
      ...COMMON,
      searchableAttributes: ["tradeNames", "occupationsWantedNames", "skills"],
      filterableAttributes: [
        "communeCode",
        "provinceCode",
        "preferredProvinceCode",
        "willingToMove",
        "availableFrom",
        "bannedOccupationCodes",
        "trades",
        "occupationsWanted",
      ],
      sortableAttributes: ["updatedAt"],
    },
  },
};

export const INDEX_NAMES = Object.keys(INDEXES) as IndexName[];

/**
 * Where a listing must contain every word of a query to count as a result: what it is, who offers it and
 * where (docs/decisions/026). The description is left out: its hundreds of everyday words ("miễn phí",
 * "công ty") made "phi công" match 22 jobs. A listing whose description alone matches is only "related".
 */
export const MATCH_ATTRIBUTES = {
  jobs: ["title", "occupationName", "skills", "organizationName", "communeName", "provinceName", "occupationNameEn"],
  trainings: ["title", "trade", "organizationName", "communeName", "provinceName", "tradeEn"],
} as const satisfies Record<"jobs" | "trainings", readonly string[]>;
