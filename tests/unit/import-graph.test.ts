import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

/*
 * The seams of docs/decisions/028-background-work.md, checked on the source text:
 * - search/ imports no domain module (nothing under app/modules): the modules give it their document
 *   sources at start (search/sources.ts, wired by app/worker/wiring.server.ts);
 * - app/modules and app/routes reach search/ only through its facade, search/facade.server.ts.
 */

const root = path.resolve(import.meta.dirname, "../..");
const FACADE = "search/facade.server";

// Known exceptions: none today. An entry here must say why; the last test fails once it is no longer needed.
const KNOWN_SEARCH_TO_MODULES: string[] = [];
const KNOWN_MODULES_TO_SEARCH_INTERNALS: string[] = [];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(rel);
    return /\.(ts|tsx)$/.test(e.name) ? [rel] : [];
  });
}

/** Every module a file imports (static, re-export, dynamic), as a path from the repository root. */
function importsOf(file: string, text = fs.readFileSync(path.join(root, file), "utf8")): string[] {
  const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g)].map((m) => m[1]);
  return specifiers.flatMap((s) => {
    if (s.startsWith("~/")) return [path.posix.join("app", s.slice(2))];
    if (s.startsWith(".")) return [path.posix.normalize(path.posix.join(path.posix.dirname(file), s))];
    return [];
  });
}

const isUnder = (target: string, dir: string) => target === dir || target.startsWith(`${dir}/`);
const isFacade = (target: string) => target.replace(/\.tsx?$/, "") === FACADE;

/** Files under `from` importing a path `bad` says is forbidden, with the offending imports. */
function violations(from: string[], bad: (target: string) => boolean): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const dir of from) {
    for (const file of sourceFiles(dir)) {
      const hits = importsOf(file).filter(bad);
      if (hits.length) found[file] = hits;
    }
  }
  return found;
}

const searchToModules = () => violations(["search"], (t) => isUnder(t, "app/modules"));
const modulesToSearchInternals = () =>
  violations(["app/modules", "app/routes"], (t) => isUnder(t, "search") && !isFacade(t));

describe("import graph: search/ and the domain modules", () => {
  it("reads imports the way the rules need (relative, alias, re-export, dynamic)", () => {
    const text = [
      'import { a } from "../../../search/outbox.server";',
      'export { b } from "../../../app/modules/consent/ending.server";',
      'const c = await import("~/modules/jobs/expiry.server");',
      'import type { D } from "./documents";',
      'import { e } from "drizzle-orm";',
    ].join("\n");
    expect(importsOf("app/modules/x/y.server.ts", text)).toEqual([
      "search/outbox.server",
      "app/modules/consent/ending.server",
      "app/modules/jobs/expiry.server",
      "app/modules/x/documents",
    ]);
    expect(isFacade("search/facade.server")).toBe(true);
    expect(isFacade("search/facade.server.ts")).toBe(true);
    expect(isFacade("search/outbox.server")).toBe(false);
    expect(isFacade("search")).toBe(false);
  });

  it("search/ imports nothing from app/modules", () => {
    const found = searchToModules();
    for (const known of KNOWN_SEARCH_TO_MODULES) delete found[known];
    expect(found).toEqual({});
  });

  it("app/modules and app/routes import search/ only through search/facade.server.ts", () => {
    const found = modulesToSearchInternals();
    for (const known of KNOWN_MODULES_TO_SEARCH_INTERNALS) delete found[known];
    expect(found).toEqual({});
  });

  it("every known exception is still one (remove it from the list once fixed)", () => {
    expect(KNOWN_SEARCH_TO_MODULES.filter((f) => !(f in searchToModules()))).toEqual([]);
    expect(KNOWN_MODULES_TO_SEARCH_INTERNALS.filter((f) => !(f in modulesToSearchInternals()))).toEqual([]);
  });
});
