// Run after `remix build` (npm run build): moves the licence notices esbuild appends to the browser's
// JavaScript ("/*! Bundled license information: … */", ~0.5 KB gzipped on every page) into one file served
// beside them, public/build/LICENSES.txt, and leaves a one-line pointer in their place: esbuild's own
// "linked" legal comments, which the Remix classic compiler does not expose. Every public page's JavaScript
// has a 100 KB budget (tests/e2e/js-budget.test.ts); the notices stay published, in full, at one address.
import fs from "node:fs";
import path from "node:path";

const BUILD = path.resolve(import.meta.dirname, "../../public/build");
const MARKER = "/*! Bundled license information:";
const NOTICES = "LICENSES.txt";

function jsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return jsFiles(full);
    return entry.name.endsWith(".js") ? [full] : [];
  });
}

const notices: string[] = [];
for (const file of jsFiles(BUILD).sort()) {
  const source = fs.readFileSync(file, "utf8");
  const at = source.indexOf(MARKER);
  if (at === -1) continue;
  const end = source.indexOf("*/", at);
  if (end === -1) continue;
  notices.push(`${path.relative(BUILD, file)}:\n${source.slice(at + MARKER.length, end).trim()}\n`);
  const pointer = `/*! Licences of the bundled code: /build/${NOTICES} */`;
  fs.writeFileSync(file, `${source.slice(0, at)}${pointer}${source.slice(end + 2)}`);
}
if (notices.length) {
  fs.writeFileSync(path.join(BUILD, NOTICES), `Bundled licence information\n\n${notices.join("\n")}`);
  console.log(`Licence notices of ${notices.length} file(s) moved to public/build/${NOTICES}`);
}
