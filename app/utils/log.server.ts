/**
 * The one logger. Logs are read by operators and kept by hosts, so they must not carry personal data
 * (Decree 13/2023/NĐ-CP): every line is redacted, and errors are printed by `describeError`, which keeps
 * what helps an operator (name, SQLSTATE code, constraint, table, stack frames, causes) and never a
 * request body, SQL parameters or PostgreSQL's `detail` (which holds the row's values). Names cannot be
 * recognised by a pattern, so the structure is what keeps them out: nothing that could hold one is printed.
 * See docs/decisions/017-sessions-lockout-and-logs.md.
 */

export type LogFields = Record<string, string | number | boolean | null | undefined>;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
// A citizen id (12 digits, sometimes grouped 3-3-6) before phones, so its digits are not taken for one.
// Neither touches digits inside a word or a UUID ("…-8000-000000000001").
const CITIZEN_ID = /(?<![\w-])\d{3}[ .]?\d{3}[ .]?\d{6}(?![\w-])/g;
// Vietnamese numbers: 0 or +84/84, then 8 to 10 digits, possibly grouped by spaces, dots or dashes.
const PHONE = /(?<![\w+-])(?:\+?84|0)(?:[ .-]?\d){8,10}(?![\w-])/g;
// PostgreSQL quotes row values in some messages: "Key (email)=(x@y.vn)", "Failing row contains (...)".
const KEY_VALUE = /Key \(([^)]*)\)=\((?:[^()]|\([^()]*\))*\)/g;
const FAILING_ROW = /Failing row contains \((?:[^()]|\([^()]*\))*\)/g;
// ...and the typed value in 'invalid input syntax for type uuid: "…"'.
const TYPED_VALUE = /(for type [\w ]+|value for enum \w+): "[^"]*"/g;
// Search words and ids travel in query strings: the path is enough to find the page.
const QUERY = /((?:https?:\/\/[^\s/?#"']+)?\/[^\s?#"']*)\?[^\s"'#]+/g;

/** Replace phone numbers, emails, citizen ids, quoted row values and query strings by placeholders. */
export function redact(text: string): string {
  return text
    .replace(KEY_VALUE, "Key ($1)=([redacted])")
    .replace(FAILING_ROW, "Failing row contains ([redacted])")
    .replace(TYPED_VALUE, '$1: "[redacted]"')
    .replace(QUERY, "$1?[query]")
    .replace(EMAIL, "[email]")
    .replace(CITIZEN_ID, "[id]")
    .replace(PHONE, "[phone]");
}

type ErrorLike = Error & {
  code?: unknown;
  constraint?: unknown;
  constraint_name?: unknown;
  table?: unknown;
  table_name?: unknown;
  column?: unknown;
  column_name?: unknown;
  query?: unknown;
  params?: unknown;
};

const oneLine = (s: string, max: number) => {
  const flat = s.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
};

/**
 * An error as safe text. drizzle's query errors put the parameters in their message ("params: …"): only
 * the SQL text (placeholders, no values) is kept. postgres.js and PGlite errors: code, constraint, table
 * and column, never detail, where, hint, query parameters.
 */
export function describeError(error: unknown, options: { stack?: boolean } = {}, depth = 0): string {
  if (!(error instanceof Error)) return redact(oneLine(typeof error === "string" ? error : safeString(error), 300));
  const e = error as ErrorLike;
  let message = String(e.message ?? "");
  if (typeof e.query === "string" && "params" in e) message = `Failed query: ${e.query}`;
  message = message.replace(/\n?params:[\s\S]*$/, "");
  const facts: string[] = [];
  const add = (label: string, value: unknown) => {
    if (typeof value === "string" || typeof value === "number") facts.push(`${label} ${String(value)}`);
  };
  add("code", e.code);
  add("constraint", e.constraint_name ?? e.constraint);
  add("table", e.table_name ?? e.table);
  add("column", e.column_name ?? e.column);
  const head = `${e.name || "Error"}${facts.length ? ` (${facts.join(", ")})` : ""}: ${oneLine(message, 400)}`;
  const frames = (options.stack === false ? "" : (e.stack ?? ""))
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 8)
    .map((line) => `    ${line.trim()}`);
  let text = [head, ...frames].join("\n");
  if (e.cause !== undefined && depth < 4) text += `\n  caused by: ${describeError(e.cause, options, depth + 1)}`;
  return redact(text);
}

function safeString(value: unknown): string {
  // Plain objects (a thrown row, a body) are never printed: only what kind of thing was thrown.
  if (value === null || value === undefined) return String(value);
  if (typeof value === "object") return `[${value.constructor?.name ?? "object"}]`;
  return String(value);
}

/** LOG_FORMAT=json: one JSON object a line, for a log shipper; readable lines otherwise (the demo). */
const json = () => process.env.LOG_FORMAT === "json";

function render(
  scope: string,
  message: string,
  fields?: LogFields,
  error?: { value: unknown; stack: boolean },
  level: "info" | "warn" | "error" = "info",
): string {
  if (json()) {
    const entry: Record<string, unknown> = { time: new Date().toISOString(), level, scope, msg: redact(message) };
    for (const [k, v] of Object.entries(fields ?? {})) {
      if (v === undefined || k in entry) continue;
      entry[k] = typeof v === "string" ? redact(oneLine(v, 200)) : v;
    }
    if (error) entry.error = describeError(error.value, { stack: error.stack });
    return JSON.stringify(entry);
  }
  let line = `[${scope}] ${redact(message)}`;
  const pairs = Object.entries(fields ?? {})
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${redact(oneLine(String(v), 200))}`);
  if (pairs.length) line += ` ${pairs.join(" ")}`;
  if (error) line += `\n  ${describeError(error.value, { stack: error.stack })}`;
  return line;
}

/**
 * `log.error("request", "a1b2c3d4 GET /officer/persons", error)`: the scope in brackets, a message, the
 * error described safely, then optional key=value fields. Info goes to stdout, warnings and errors to stderr.
 */
export const log = {
  /** Whether request lines are wanted (JSON logs: one line per answer, for the operators' log search). */
  get requestLines(): boolean {
    return json();
  },
  info(scope: string, message: string, fields?: LogFields): void {
    console.log(render(scope, message, fields));
  },
  warn(scope: string, message: string, error?: unknown, fields?: LogFields): void {
    // Warnings are expected degradations (a fallback, a retry): the error without its stack.
    console.warn(
      render(scope, message, fields, error === undefined ? undefined : { value: error, stack: false }, "warn"),
    );
  },
  error(scope: string, message: string, error?: unknown, fields?: LogFields): void {
    console.error(
      render(scope, message, fields, error === undefined ? undefined : { value: error, stack: true }, "error"),
    );
  },
};
