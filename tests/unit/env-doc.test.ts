import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { configurationTable, ENV_TABLE_END, ENV_TABLE_START, withConfigurationTable } from "~/cli/env-doc";
import { ENV_DOCS } from "~/env.server";
import { ZNS_KINDS } from "~/modules/notifications/channels/zns-templates";

const readme = fs.readFileSync(path.resolve(import.meta.dirname, "../../README.md"), "utf8");

describe("README's configuration table", () => {
  it("is the one generated from app/env.server.ts (run `npm run env:doc` after changing a variable)", () => {
    const start = readme.indexOf(ENV_TABLE_START);
    const end = readme.indexOf(ENV_TABLE_END);
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    expect(readme.slice(start + ENV_TABLE_START.length, end).trim()).toBe(configurationTable());
  });

  it("rewriting it changes nothing else, and notices an edited row", () => {
    expect(withConfigurationTable(readme)).toBe(readme);
    const edited = readme.replace("| `PORT` | `3000` |", "| `PORT` | `8080` |");
    expect(edited).not.toBe(readme);
    expect(withConfigurationTable(edited)).toBe(readme);
  });

  it("has one row per variable, each with a meaning", () => {
    const rows = configurationTable().split("\n").slice(2);
    expect(rows).toHaveLength(Object.keys(ENV_DOCS).length);
    for (const doc of Object.values(ENV_DOCS)) expect(doc.meaning.length).toBeGreaterThan(5);
  });

  it("lists a Zalo template variable for every template kind", () => {
    for (const kind of ZNS_KINDS) expect(Object.keys(ENV_DOCS)).toContain(`ZNS_TEMPLATE_${kind.toUpperCase()}`);
  });

  it("documents every variable the app reads from process.env", () => {
    const read = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.tsx?$/.test(entry.name))
          for (const m of fs.readFileSync(file, "utf8").matchAll(/process\.env\.([A-Z][A-Z0-9_]+)/g)) read.add(m[1]!);
      }
    };
    const root = path.resolve(import.meta.dirname, "../..");
    for (const dir of ["app", "search"]) walk(path.join(root, dir));
    // Set by the server for itself (the launched Meilisearch), and the admin:create CLI's own input.
    for (const own of ["ADMIN_PASSWORD"]) read.delete(own);
    for (const name of read) expect(Object.keys(ENV_DOCS), `${name} is read but not documented`).toContain(name);
  });
});
