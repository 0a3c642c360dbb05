/**
 * The deployment test's figures in docs/RELIABILITY.md §7, between its markers (RELIABILITY_DOC=1 only:
 * figures are never typed in by hand, and an ordinary CI run leaves the document alone).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const DOC = path.resolve(import.meta.dirname, "../../../docs/RELIABILITY.md");
const START = "<!-- deployment:start -->";
const END = "<!-- deployment:end -->";

type Latency = { p50: number; p99: number; max: number };
type Figures = Record<string, unknown> & {
  rolling?: { requests: number; failed: number; posts: number; postsApplied: number; latency: Latency };
  sigkill?: {
    requests: number;
    gets: number;
    getsFailed: number;
    getsCutMidAnswer: number;
    getsDuringOutage: number;
    posts: number;
    postsNotConfirmed: number;
    postsAppliedTwice: number;
    latency: Latency;
  };
  slow?: { requests: number; failed: number; servedByFast: number; servedBySlow: number; latency: Latency };
};

export function writeDeploymentFigures(figures: Figures): void {
  const doc = fs.readFileSync(DOC, "utf8");
  if (!doc.includes(START) || !doc.includes(END)) return;
  const { rolling, sigkill, slow } = figures;
  const l = (x?: Latency) => (x ? `${x.p50} / ${x.p99} / ${x.max}` : "–");
  const block = [
    START,
    `Measured ${new Date().toISOString()} by \`RELIABILITY_DOC=1 npx vitest run --config tests/vitest.reliability.config.ts tests/reliability/deployment.test.ts\` on ${os.cpus().length} cores, Node ${process.version}, load average at start ${os
      .loadavg()
      .map((v) => v.toFixed(2))
      .join(" / ")}. Six clients in a loop (four public readers, one officer, one employer posting jobs).`,
    "",
    "| phase | requests | failed | GET latency p50 / p99 / max ms | posts |",
    "|---|---|---|---|---|",
    rolling
      ? `| rolling restart of both instances | ${rolling.requests} | ${rolling.failed} | ${l(rolling.latency)} | ${rolling.posts} sent, ${rolling.postsApplied} saved, each once |`
      : null,
    sigkill
      ? `| instance 1 SIGKILLed, restarted 4 s later | ${sigkill.requests} | ${sigkill.getsFailed} of ${sigkill.gets} GETs (${sigkill.getsDuringOutage} sent during the outage; ${sigkill.getsCutMidAnswer} answers cut mid-way by the kill) | ${l(sigkill.latency)} | ${sigkill.posts} sent, ${sigkill.postsNotConfirmed} cut by the kill, ${sigkill.postsAppliedTwice} applied twice |`
      : null,
    slow
      ? `| instance 2 slowed to a tenth of its CPU for 8 s | ${slow.requests} | ${slow.failed} | ${l(slow.latency)} | – (nginx sent ${slow.servedByFast} to the healthy instance, ${slow.servedBySlow} to the slow one) |`
      : null,
    END,
  ]
    .filter((line) => line !== null)
    .join("\n");
  fs.writeFileSync(DOC, doc.slice(0, doc.indexOf(START)) + block + doc.slice(doc.indexOf(END) + END.length));
}
