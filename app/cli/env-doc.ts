// CLI: `npm run env:doc` — rewrite README's configuration table from app/env.server.ts (between the
// env:doc markers). `--check` only says whether README is up to date (exit code 1 when not).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { ENV_DOCS } from "~/env.server";

const cell = (text: string) => (text === "" ? "" : text.replace(/\|/g, "\\|").replace(/\n/g, " "));

/** README's configuration table, generated from `ENV_DOCS` (this CLI writes it between the markers). */
export function configurationTable(): string {
  const rows = Object.entries(ENV_DOCS).map(
    ([name, doc]) => `| \`${name}\` | ${cell(doc.default)} | ${cell(doc.example)} | ${cell(doc.meaning)} |`,
  );
  return ["| Variable | Default | Example | Meaning |", "| --- | --- | --- | --- |", ...rows].join("\n");
}

export const ENV_TABLE_START = "<!-- env:doc start (generated from app/env.server.ts by `npm run env:doc`) -->";
export const ENV_TABLE_END = "<!-- env:doc end -->";

/** `readme` with the text between the markers replaced by the generated table; throws without the markers. */
export function withConfigurationTable(readme: string): string {
  const start = readme.indexOf(ENV_TABLE_START);
  const end = readme.indexOf(ENV_TABLE_END);
  if (start < 0 || end < start) throw new Error(`README.md has no "${ENV_TABLE_START}" … "${ENV_TABLE_END}" markers`);
  return `${readme.slice(0, start + ENV_TABLE_START.length)}\n\n${configurationTable()}\n\n${readme.slice(end)}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const readmePath = path.resolve(import.meta.dirname, "../../README.md");
  const readme = fs.readFileSync(readmePath, "utf8");
  const next = withConfigurationTable(readme);
  if (next === readme) {
    console.log("README.md's configuration table is up to date.");
  } else if (process.argv.includes("--check")) {
    console.error("README.md's configuration table differs from app/env.server.ts: run npm run env:doc");
    process.exit(1);
  } else {
    fs.writeFileSync(readmePath, next);
    console.log("README.md's configuration table rewritten from app/env.server.ts.");
  }
}
