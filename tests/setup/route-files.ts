import fs from "node:fs";
import path from "node:path";

import type { AppLoadContext } from "@remix-run/node";
import ExcelJS from "exceljs";

/*
 * The app's route modules as the tests that walk all of them see them (the role × route matrix, the policy
 * table, the bad-input tests): the files Remix's flat routes read, what each exports, the URL of a file, a
 * loader or action called in-process, and what a reader finds in an answer (text, or a workbook's cells).
 */

export const ROUTES_DIR = path.resolve(import.meta.dirname, "../../app/routes");

/** Every route module file, sorted. */
export function routeFileNames(): string[] {
  return fs
    .readdirSync(ROUTES_DIR)
    .filter((f) => /\.tsx?$/.test(f))
    .sort();
}

export const routeSource = (file: string) => fs.readFileSync(path.join(ROUTES_DIR, file), "utf8");

/** Every route module file with its source. */
export function routeFiles(): { file: string; source: string }[] {
  return routeFileNames().map((file) => ({ file, source: routeSource(file) }));
}

/** Read from the source, so a table's POST column or a list of fuzzed forms must agree with the code. */
export const exportsAction = (source: string) => /export\s+(async\s+function|function|const)\s+action\b/.test(source);
export const exportsLoader = (source: string) => /export\s+(async\s+function|function|const)\s+loader\b/.test(source);
/** Resource routes: a loader and no page component (JSON, CSV, XLSX, health). */
export const isResourceRoute = (source: string) => exportsLoader(source) && !/export default/.test(source);

/**
 * The URL path of a flat route file with its params filled in: `officer.persons.$id_.consents.$grantId.print.tsx`
 * → /officer/persons/<id>/consents/<grantId>/print, `[.]` a literal dot, a lone `$` the splat (`params["*"]`).
 */
export function routePath(file: string, params: Record<string, string>): string {
  const segments = file
    .replace(/\.tsx?$/, "")
    .replace(/\[\.\]/g, "\u0000")
    .split(".")
    .map((s) => s.replace(/\u0000/g, "."))
    .filter((s) => s !== "_index")
    .map((s) => s.replace(/_$/, ""))
    .map((s) => {
      if (!s.startsWith("$")) return s;
      const value = params[s === "$" ? "*" : s.slice(1)];
      if (!value) throw new Error(`${file}: no value for param ${s}`);
      return encodeURIComponent(value);
    });
  return `/${segments.join("/")}`;
}

export type Handler = (args: {
  request: Request;
  params: Record<string, string>;
  context: AppLoadContext;
}) => Promise<unknown>;
export type RouteModule = { loader?: Handler; action?: Handler };
const context: AppLoadContext = { requestId: "in-process", cspNonce: "n", clientIp: "127.0.0.1" };

/** A loader's or action's answer, returned or thrown; a plain object counts as a 200 (Remix serialises it), anything thrown that is not a Response comes back as the Error. */
export async function callHandler(
  handler: Handler,
  request: Request,
  params: Record<string, string> = {},
): Promise<Response | Error> {
  try {
    const result = await handler({ request, params, context });
    return result instanceof Response ? result : Response.json(result);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    return thrown instanceof Error ? thrown : new Error(String(thrown));
  }
}

/** Every sheet name and cell text of an XLSX workbook (a zip), one a line: what a reader of the export finds. */
export async function workbookText(data: ArrayBuffer): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data);
  const texts: string[] = [];
  book.eachSheet((sheet) => {
    texts.push(sheet.name);
    sheet.eachRow((r) => r.eachCell((cell) => void texts.push(cell.text)));
  });
  return texts.join("\n");
}

/** The segments of a flat route file's URL: literal text, `:param`, or `*` (the splat). */
function routeSegments(file: string): string[] {
  return file
    .replace(/\.tsx?$/, "")
    .replace(/\[\.\]/g, "\u0000")
    .split(".")
    .map((s) => s.replace(/\u0000/g, "."))
    .filter((s) => s !== "_index")
    .map((s) => s.replace(/_$/, ""))
    .map((s) => (s === "$" ? "*" : s.startsWith("$") ? `:${s.slice(1)}` : s));
}

/** The URL pattern of a flat route file, as Remix matches it: `officer.persons.$id_.move.tsx` → /officer/persons/:id/move. */
export const routePattern = (file: string) => `/${routeSegments(file).join("/")}`;

/**
 * The route file that serves a URL path, ranked as Remix ranks routes: the match with the most literal
 * segments wins, the splat only when nothing else matches. Undefined when no file matches.
 */
export function routeFileFor(pathname: string, files = routeFileNames()): string | undefined {
  const parts = pathname
    .split("/")
    .filter(Boolean)
    .map((p) => decodeURIComponent(p));
  let best: { file: string; score: number } | undefined;
  for (const file of files) {
    const segments = routeSegments(file);
    if (segments.includes("*")) {
      if (!best) best = { file, score: -1 };
      continue;
    }
    if (segments.length !== parts.length) continue;
    let score = 0;
    const matches = segments.every((s, i) => {
      if (s.startsWith(":")) return parts[i] !== "";
      score++;
      return s === parts[i];
    });
    if (matches && (!best || score > best.score)) best = { file, score };
  }
  return best?.file;
}
