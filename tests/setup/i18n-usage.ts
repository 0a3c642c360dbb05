import fs from "node:fs";
import path from "node:path";

/*
 * Which message keys a route's browser code names, read from the source: the route file and every module it
 * imports (transitively, under app/), leaving out type-only imports, `*.server` modules (the browser never
 * gets them) and app/i18n itself. A key is any string literal equal to a catalogue key, or a template literal
 * whose ${…} parts stand for one word each (`employmentType.${v}` names every `employmentType.<word>`), or a
 * dotted literal that is a key's stem (`word("self.action", a)` names every `self.action.<word>`).
 * Keys that reach the page inside loader data (a notification's messageKey, an action's field error) are not
 * seen here: the browser crawl finds those (a key whose area is missing logs a console error).
 */

const ROOT = path.resolve(import.meta.dirname, "../..");
const APP = path.join(ROOT, "app");

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("~/")) base = path.join(APP, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null;
  for (const ext of ["", ".ts", ".tsx", "/index.ts", "/index.tsx"]) {
    const candidate = base + ext;
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const sources = new Map<string, string>();
const read = (file: string) => {
  let source = sources.get(file);
  if (source === undefined) sources.set(file, (source = fs.readFileSync(file, "utf8")));
  return source;
};

/** The files the browser bundle of this module holds (itself included). */
export function browserModulesOf(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const m of read(file).matchAll(/import\s+(type\s+)?([^;]*?)\s*from\s*["']([^"']+)["']/g)) {
    if (m[1]) continue;
    const names = m[2]!.trim();
    if (/^\{[^}]*\}$/.test(names)) {
      const parts = names
        .slice(1, -1)
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      if (parts.every((p) => p.startsWith("type "))) continue;
    }
    const target = resolveImport(file, m[3]!);
    if (!target || !target.startsWith(APP + path.sep)) continue;
    if (target.startsWith(path.join(APP, "i18n") + path.sep) || /\.server\.tsx?$/.test(target)) continue;
    browserModulesOf(target, seen);
  }
  return seen;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The catalogue keys a source text names. */
export function keysNamedIn(source: string, keys: readonly string[]): Set<string> {
  const all = new Set(keys);
  const found = new Set<string>();
  const prefixes = new Set<string>();
  for (const m of source.matchAll(/["']([a-zA-Z][\w-]*(?:\.[\w-]+)+)["']/g)) {
    if (all.has(m[1]!)) found.add(m[1]!);
    else prefixes.add(`${m[1]!}.`);
  }
  // A one-word stem given to such a helper: word("offence", code).
  for (const m of source.matchAll(/\bword\(\s*["']([a-zA-Z][\w-]*)["']\s*,/g)) prefixes.add(`${m[1]!}.`);
  // A dotted literal that is not a key but a key's stem ("self.action", given to a helper that adds the
  // stored code: `${prefix}.${value}`) names every key one word below it.
  if (prefixes.size) {
    for (const key of keys) {
      const stem = key.slice(0, key.lastIndexOf(".") + 1);
      if (prefixes.has(stem)) found.add(key);
    }
  }
  for (const m of source.matchAll(/`([^`]*)`/g)) {
    const body = m[1]!;
    if (!body.includes("${")) {
      if (all.has(body)) found.add(body);
      continue;
    }
    const parts = body.split(/\$\{[^}]*\}/);
    if (!/^[a-zA-Z][\w-]*\./.test(parts[0]!) && !/^[a-zA-Z][\w-]*$/.test(parts[0]!)) continue;
    if (parts.some((p) => /\s/.test(p))) continue;
    const pattern = new RegExp(`^${parts.map(escapeRegExp).join("[\\w-]+")}$`);
    for (const key of keys) if (pattern.test(key)) found.add(key);
  }
  return found;
}

/**
 * Words a module names for pages other than the ones importing it. The listing kinds' table
 * (app/modules/listings/kinds.ts) holds every word of a kind, the owner's pages' included; the public list and
 * detail pages read it but only an owner's pages (employer.*, provider.*) show those: the crawl checks them.
 */
const SHOWN_ONLY_ON: { file: string; keys: RegExp; routes: RegExp }[] = [
  {
    file: "app/modules/listings/kinds.ts",
    keys: /^(jobs|trainings|businessTraining)\.(own|form|saved|status|action)\.|^(jobs|trainings|businessTraining)\.error\.(notVerified|expired|invalidTransition)$/,
    routes: /^routes\/(employer|provider)\./,
  },
];

/** Route file name (as in app/routes) → the keys its browser code names. `root` for app/root.tsx. */
export function keysByRoute(keys: readonly string[]): Map<string, Set<string>> {
  const routesDir = path.join(APP, "routes");
  const result = new Map<string, Set<string>>();
  const entries: [string, string][] = [
    ["root", path.join(APP, "root.tsx")],
    ...fs
      .readdirSync(routesDir)
      .filter((f) => /\.tsx?$/.test(f))
      .sort()
      .map((f): [string, string] => [`routes/${f.replace(/\.tsx?$/, "")}`, path.join(routesDir, f)]),
  ];
  for (const [id, file] of entries) {
    const found = new Set<string>();
    for (const module of browserModulesOf(file)) {
      const rules = SHOWN_ONLY_ON.filter((r) => module === path.join(ROOT, r.file) && !r.routes.test(id));
      for (const k of keysNamedIn(read(module), keys)) if (!rules.some((r) => r.keys.test(k))) found.add(k);
    }
    result.set(id, found);
  }
  return result;
}
