import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

// Page titles go through the message catalogues (app/utils/meta.ts), so English visitors get English titles.
const routesDir = path.resolve(import.meta.dirname, "../../app/routes");
const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;
const routesWithMeta = fs
  .readdirSync(routesDir)
  .filter((f) => /\.tsx?$/.test(f))
  .map((f) => ({ file: f, source: fs.readFileSync(path.join(routesDir, f), "utf8") }))
  .filter(({ source }) => /export (const|function|async function) meta\b/.test(source));

describe("route titles", () => {
  it("finds the routes that export meta", () => {
    expect(routesWithMeta.length).toBeGreaterThan(30);
  });

  it.each(routesWithMeta)("$file has no Vietnamese literal in its meta", ({ source }) => {
    const literals = [...source.matchAll(/(?:title|content):\s*(["'`])((?:(?!\1).)*)\1/g)].map((m) => m[2]);
    expect(literals.filter((text) => VIETNAMESE.test(text))).toEqual([]);
  });
});
