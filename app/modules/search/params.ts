import { z } from "zod";

import { EMPLOYMENT_TYPES, JOB_BENEFITS } from "../../../db/enums";
import { TRAINING_SUPPORT } from "../../../db/enums";

/**
 * Public search URLs are shared and hand-edited: a bad parameter is dropped, never an error page.
 * Each field falls back to "no filter" on its own.
 */
const lenient = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const list = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .array(z.string())
    .transform((v) => [...new Set(v.filter((x): x is T[number] => (values as readonly string[]).includes(x)))])
    .catch([]);

const query = z
  .string()
  .transform((s) => s.normalize("NFC").trim().slice(0, 200))
  .optional()
  .catch(undefined);

export const PAGE_SIZE = 20;

export const jobSearchSchema = z.object({
  q: query,
  province: lenient(z.string().regex(/^\d{2}$/)),
  commune: lenient(z.string().regex(/^\d{5}$/)),
  group: lenient(z.string().regex(/^\d$/)),
  occupation: lenient(z.string().regex(/^\d{5}$/)),
  // "5.000.000", "5 000 000" or "5000000": separators as Vietnamese readers write them.
  wage: lenient(
    z
      .string()
      .transform((v) => Number(v.replace(/[\s.,₫đ]/g, "")))
      .pipe(z.number().int().min(0).max(1_000_000_000)),
  ),
  type: list(EMPLOYMENT_TYPES),
  benefit: list(JOB_BENEFITS),
  sort: lenient(z.enum(["relevance", "newest", "wage", "start"])),
  page: z.coerce.number().int().min(1).max(500).catch(1),
});
export type JobSearch = z.output<typeof jobSearchSchema>;

export const trainingSearchSchema = z.object({
  q: query,
  province: lenient(z.string().regex(/^\d{2}$/)),
  commune: lenient(z.string().regex(/^\d{5}$/)),
  group: lenient(z.string().regex(/^\d$/)),
  level: lenient(z.string().regex(/^[a-z_]{2,40}$/)),
  free: lenient(z.literal("1")),
  support: list(TRAINING_SUPPORT),
  sort: lenient(z.enum(["relevance", "newest", "start", "cost"])),
  page: z.coerce.number().int().min(1).max(500).catch(1),
});
export type TrainingSearch = z.output<typeof trainingSearchSchema>;

/** URLSearchParams → plain object, repeated keys as arrays for the list fields. */
export function searchParamsObject(params: URLSearchParams, listKeys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(params.keys())) {
    out[key] = listKeys.includes(key) ? params.getAll(key) : params.get(key);
  }
  for (const key of listKeys) out[key] ??= [];
  return out;
}

export function parseJobSearch(params: URLSearchParams): JobSearch {
  return jobSearchSchema.parse(searchParamsObject(params, ["type", "benefit"]));
}

export function parseTrainingSearch(params: URLSearchParams): TrainingSearch {
  return trainingSearchSchema.parse(searchParamsObject(params, ["support"]));
}
