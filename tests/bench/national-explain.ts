import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";

import type { Database } from "../../db/client.server";
import * as schema from "../../db/schema";

/**
 * Where a report's time goes on the server: runs it once on a connection of its own with PostgreSQL's
 * auto_explain module loaded for that session (plans of every statement, with actual times, sent back as
 * notices in JSON), and answers each statement's duration with the plan nodes that took the most time
 * (exclusive of their children).
 */

export type PlanNode = { label: string; ms: number; rows: number };
export type ExplainedStatement = { ms: number; query: string; nodes: PlanNode[] };

type JsonPlan = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "CTE Name"?: string;
  "Actual Total Time"?: number;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  Plans?: JsonPlan[];
};

function nodes(plan: JsonPlan, out: PlanNode[] = []): PlanNode[] {
  const loops = plan["Actual Loops"] ?? 1;
  const total = (plan["Actual Total Time"] ?? 0) * loops;
  const children = (plan.Plans ?? []).reduce((s, c) => s + (c["Actual Total Time"] ?? 0) * (c["Actual Loops"] ?? 1), 0);
  const on = plan["Relation Name"] ?? plan["CTE Name"] ?? plan["Index Name"];
  out.push({
    label: `${plan["Node Type"]}${on ? ` on ${on}` : ""}`,
    ms: Math.max(0, total - children),
    rows: (plan["Actual Rows"] ?? 0) * loops,
  });
  for (const child of plan.Plans ?? []) nodes(child, out);
  return out;
}

export async function explainOnce(url: string, run: (db: Database) => Promise<unknown>): Promise<ExplainedStatement[]> {
  const notices: string[] = [];
  const client = postgres(url, {
    max: 1,
    onnotice: (n) => {
      if (typeof n.message === "string" && n.message.startsWith("duration:")) notices.push(n.message);
    },
  });
  try {
    await client.unsafe(`load 'auto_explain'`);
    await client.unsafe(
      `set auto_explain.log_min_duration = 0; set auto_explain.log_analyze = on; set auto_explain.log_timing = on;
       set auto_explain.log_format = json; set auto_explain.log_level = notice; set auto_explain.log_nested_statements = on;
       set client_min_messages = notice`,
    );
    notices.length = 0;
    await run(drizzle({ client, schema }) as unknown as Database);
  } finally {
    await client.end({ timeout: 5 });
  }
  return notices
    .map((message) => {
      const ms = Number(/^duration: ([\d.]+) ms/.exec(message)?.[1] ?? 0);
      const json = JSON.parse(message.slice(message.indexOf("{"))) as { "Query Text": string; Plan: JsonPlan };
      const ranked = nodes(json.Plan).sort((a, b) => b.ms - a.ms);
      return { ms, query: json["Query Text"].replace(/\s+/g, " ").trim(), nodes: ranked };
    })
    .sort((a, b) => b.ms - a.ms);
}

/** A few lines for the doc: the statements by time, and the slowest one's costliest plan nodes. */
export function describeExplained(statements: ExplainedStatement[], topNodes = 5): string {
  if (statements.length === 0) return "no statement reached the server";
  const total = statements.reduce((s, x) => s + x.ms, 0);
  const slowest = statements[0]!;
  const short = (q: string) => (q.length > 90 ? `${q.slice(0, 90)}…` : q);
  return `${statements.length} statement${statements.length === 1 ? "" : "s"}, ${total.toFixed(1)} ms of server time in all (run one after the other on one connection, under EXPLAIN ANALYZE); the slowest, ${slowest.ms.toFixed(1)} ms, \`${short(slowest.query).replace(/`/g, "'")}\`, spends it in ${slowest.nodes
    .slice(0, topNodes)
    .map((x) => `${x.label} ${x.ms.toFixed(1)} ms (${x.rows.toLocaleString("en")} rows)`)
    .join("; ")}`;
}
