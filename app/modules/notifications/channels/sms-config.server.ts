/**
 * The SMS channel's settings, read from the environment. Unset ESMS_API_KEY means no gateway: the caller
 * uses the dev outbox instead. A half-set gateway (a key without its secret, a brand-name type without the
 * brand name) stops the start with one message naming each bad variable and an example.
 */
import { z } from "zod";

import { createEsmsAdapter, ESMS_DEFAULT_URL, type EsmsConfig } from "./sms.server";
import type { ChannelAdapter } from "./types";

const blankAsUnset = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const text = () => z.preprocess(blankAsUnset, z.string().trim().optional());
const flag = (example: string) =>
  z.preprocess(
    blankAsUnset,
    z.enum(["true", "false"], { error: `must be true or false, for example ${example}` }).optional(),
  );

const smsEnvSchema = z
  .object({
    ESMS_URL: z.preprocess(
      blankAsUnset,
      z.url({ error: `must be a URL, for example ${ESMS_DEFAULT_URL}` }).default(ESMS_DEFAULT_URL),
    ),
    ESMS_API_KEY: text(),
    ESMS_SECRET_KEY: text(),
    ESMS_BRANDNAME: text(),
    ESMS_SMS_TYPE: z.preprocess(
      blankAsUnset,
      z
        .enum(["2", "8"], { error: "must be 2 (brand-name customer care) or 8 (fixed number), for example 2" })
        .default("2"),
    ),
    ESMS_SANDBOX: flag("false"),
    ESMS_REQUEST_ID_PREFIX: z.preprocess(
      blankAsUnset,
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,20}$/, { error: "may only hold up to 20 letters, digits, - and _, for example ct-" })
        .default("ct-"),
    ),
    SMS_FOLD_DIACRITICS: flag("true"),
  })
  .superRefine((env, ctx) => {
    const need = (name: keyof typeof env, why: string, example: string) =>
      ctx.addIssue({ code: "custom", path: [name], message: `is required ${why}, for example ${example}` });
    const anySet = env.ESMS_API_KEY || env.ESMS_SECRET_KEY || env.ESMS_BRANDNAME;
    if (!anySet) return;
    if (!env.ESMS_API_KEY)
      need("ESMS_API_KEY", "when ESMS_SECRET_KEY or ESMS_BRANDNAME is set", "ESMS_API_KEY=A1B2C3D4E5F6");
    if (!env.ESMS_SECRET_KEY) need("ESMS_SECRET_KEY", "with ESMS_API_KEY", "ESMS_SECRET_KEY=9F8E7D6C5B4A");
    if (env.ESMS_SMS_TYPE === "2" && !env.ESMS_BRANDNAME) {
      need(
        "ESMS_BRANDNAME",
        "for brand-name messages (ESMS_SMS_TYPE=2), as registered at eSMS",
        "ESMS_BRANDNAME=ChungTay",
      );
    }
  });

export type SmsAdapterOptions = {
  /** Absolute URL of the delivery-report route (eSMS calls it with GET); unset: no reports. */
  callbackUrl?: string;
  /** Milliseconds per call; 10 s unless a test wants less. */
  timeoutMs?: number;
};

/** The eSMS adapter configured by the environment, or null when ESMS_API_KEY is unset (use the dev outbox). */
export function smsAdapterFromEnv(
  source: Record<string, string | undefined> = process.env,
  options: SmsAdapterOptions = {},
): ChannelAdapter | null {
  const config = smsConfigFromEnv(source, options);
  return config ? createEsmsAdapter(config) : null;
}

/** The validated settings behind `smsAdapterFromEnv`; throws one readable error naming every bad variable. */
export function smsConfigFromEnv(
  source: Record<string, string | undefined> = process.env,
  options: SmsAdapterOptions = {},
): EsmsConfig | null {
  const result = smsEnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid SMS settings (eSMS):\n${lines.join("\n")}`);
  }
  const env = result.data;
  if (!env.ESMS_API_KEY || !env.ESMS_SECRET_KEY) return null;
  return {
    baseUrl: env.ESMS_URL,
    apiKey: env.ESMS_API_KEY,
    secretKey: env.ESMS_SECRET_KEY,
    smsType: env.ESMS_SMS_TYPE,
    ...(env.ESMS_BRANDNAME ? { brandname: env.ESMS_BRANDNAME } : {}),
    foldDiacritics: env.SMS_FOLD_DIACRITICS !== "false",
    sandbox: env.ESMS_SANDBOX === "true",
    ...(options.callbackUrl ? { callbackUrl: options.callbackUrl } : {}),
    requestIdPrefix: env.ESMS_REQUEST_ID_PREFIX,
    timeoutMs: options.timeoutMs ?? 10_000,
  };
}
