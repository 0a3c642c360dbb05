import { SMALL_NUMBER } from "./small-numbers";
import { PUBLIC_INDICATORS, PUBLISHED_QUARTERS, SCHEMA_PATH, SCHEMA_VERSION } from "./snapshot";

/**
 * The JSON Schema (draft 2020-12) of /figures.json, served at /figures/schema.json and described in words
 * in docs/open-data.md. tests/integration/public-figures.test.ts validates the published JSON against it.
 */

const cell = {
  description:
    "A count, or null with the reason it is hidden: 'lt5' (the count is 0 to 4) or 'suppressed' (the count is 5 or more, hidden so that a hidden small count cannot be worked out from the total and the other cells).",
  oneOf: [
    {
      type: "object",
      properties: { value: { type: "integer", minimum: SMALL_NUMBER }, flag: { type: "null" } },
      required: ["value", "flag"],
      additionalProperties: false,
    },
    {
      type: "object",
      properties: { value: { type: "null" }, flag: { enum: ["lt5", "suppressed"] } },
      required: ["value", "flag"],
      additionalProperties: false,
    },
  ],
} as const;

const series = {
  type: "array",
  description: "One cell per quarter, in the order of `quarters`.",
  items: { $ref: "#/$defs/cell" },
  minItems: PUBLISHED_QUARTERS,
  maxItems: PUBLISHED_QUARTERS,
} as const;

export const FIGURES_JSON_SCHEMA = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: SCHEMA_PATH,
  title: "Chung Tay: public figures",
  description:
    "Persons supported, placed in jobs, in training, stable after 12 months, employers taking part and courses offered, for Việt Nam and each province, by quarter. For each indicator and quarter, the country's count is the sum of the provinces' counts. See docs/open-data.md.",
  type: "object",
  required: ["$schema", "version", "generatedAt", "smallNumber", "quarters", "indicators", "areas"],
  additionalProperties: false,
  properties: {
    $schema: { type: "string", const: SCHEMA_PATH },
    version: { type: "integer", const: SCHEMA_VERSION },
    generatedAt: { type: "string", format: "date-time", description: "When the figures were computed (UTC)." },
    smallNumber: {
      type: "integer",
      const: SMALL_NUMBER,
      description: "Counts below this are never published ('lt5').",
    },
    quarters: {
      type: "array",
      description: "The completed quarters published, oldest first.",
      minItems: PUBLISHED_QUARTERS,
      maxItems: PUBLISHED_QUARTERS,
      items: {
        type: "object",
        required: ["id", "from", "to"],
        additionalProperties: false,
        properties: {
          id: { type: "string", pattern: "^[0-9]{4}-Q[1-4]$" },
          from: { type: "string", format: "date" },
          to: { type: "string", format: "date" },
        },
      },
    },
    indicators: {
      type: "array",
      items: { enum: [...PUBLIC_INDICATORS] },
      minItems: PUBLIC_INDICATORS.length,
      maxItems: PUBLIC_INDICATORS.length,
      uniqueItems: true,
    },
    areas: {
      type: "array",
      description: "The country (level 'nation', code '') first, then every province by code.",
      items: {
        type: "object",
        required: ["level", "code", "name", "figures"],
        additionalProperties: false,
        properties: {
          level: { enum: ["nation", "province"] },
          code: { type: "string", pattern: "^([0-9]{2})?$" },
          name: { type: "string" },
          figures: {
            type: "object",
            required: [...PUBLIC_INDICATORS],
            additionalProperties: false,
            properties: Object.fromEntries(PUBLIC_INDICATORS.map((k) => [k, series])),
          },
        },
      },
    },
  },
  $defs: { cell },
} as const;
