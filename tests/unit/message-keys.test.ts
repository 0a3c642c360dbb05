import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { isMessageKey } from "~/i18n";

const root = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(e.name) ? [full] : [];
  });
}

describe("every message key used in validation and services exists in the catalogues", () => {
  // zod messages are plain strings, so the compiler cannot check them: this test does.
  const pattern =
    /(?:message|error|key):\s*"((?:validation|persons|consent|jobs|trainings|register|login|profile|search|review|officers|org|posting|public|self|match|referrals|outcomes|notify|notifications|support|events|reports|jobFairs|models|account)\.[\w.]+)"/g;
  const files = sourceFiles(path.join(root, "app"));
  const used = new Map<string, string>();
  for (const file of files) {
    for (const match of fs.readFileSync(file, "utf8").matchAll(pattern)) used.set(match[1], path.relative(root, file));
  }

  it("finds the keys it checks", () => {
    expect(used.size).toBeGreaterThan(20);
  });

  it.each([...used.entries()])("%s (%s)", (key) => {
    expect(isMessageKey(key)).toBe(true);
  });
});
