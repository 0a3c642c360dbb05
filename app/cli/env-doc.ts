// CLI: `npm run env:doc` — rewrite README's configuration table from app/env.server.ts (between the
// env:doc markers). `--check` only says whether README is up to date (exit code 1 when not).
import fs from "node:fs";
import path from "node:path";

import { withConfigurationTable } from "~/env.server";

const readmePath = path.resolve(import.meta.dirname, "../../README.md");
const readme = fs.readFileSync(readmePath, "utf8");
const next = withConfigurationTable(readme);
if (process.argv.includes("--check")) {
  if (next !== readme) {
    console.error("README.md's configuration table differs from app/env.server.ts: run npm run env:doc");
    process.exit(1);
  }
  console.log("README.md's configuration table is up to date.");
} else if (next === readme) {
  console.log("README.md's configuration table is up to date.");
} else {
  fs.writeFileSync(readmePath, next);
  console.log("README.md's configuration table rewritten from app/env.server.ts.");
}
