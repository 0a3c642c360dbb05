import { z } from "zod";

/**
 * What the channel adapters share to read their env variables (the same rules as app/env.server.ts):
 * a blank value counts as unset, and a wrong value throws one readable message naming each variable.
 */

/** An optional variable: trimmed, "" is unset, otherwise checked by `schema`. */
export const optionalVar = <T extends z.ZodType<unknown, string>>(schema: T) =>
  z
    .string()
    .trim()
    .transform((v) => (v === "" ? undefined : v))
    .pipe(schema.optional())
    .optional();

export function parseChannelEnv<T extends z.ZodType>(
  schema: T,
  source: Record<string, string | undefined>,
): z.infer<T> {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment variables:\n${lines.join("\n")}`);
  }
  return result.data;
}

/** The error for a variable that must be set because another one is. */
export function missingVar(name: string, why: string): Error {
  return new Error(`Invalid environment variables:\n  ${name}: ${why}`);
}
