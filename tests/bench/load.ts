/**
 * The load mix of issue 7 and its runner, shared by `npm run bench:load`, the soak and `npm run reliability`:
 * public search, job and training pages, and officer pages (logged in) against a running app, through
 * autocannon on loopback. One autocannon instance per kind, all at once, so each kind keeps its own latencies
 * while the connections add up to the total asked for.
 */
import os from "node:os";

import autocannon from "autocannon";

import { mulberry32 } from "../../db/seed/marketplace";
import { type RunningApp, startApp } from "../setup/app-server";
import { DEMO, SESSION_COOKIE, sessionCookie } from "../setup/browser";
import { createDatabase, dropDatabase, uniqueName } from "../setup/postgres";
import { benchQueries } from "./queries";
import { summarize, type Summary } from "./stats";

/** One URL of the mix; officer pages carry the session of the officer whose communes they belong to. */
export type Target = { path: string; cookie?: string };
/** A kind of traffic: its share of the connections and the URLs it picks from at random. */
export type Kind = { name: string; share: number; targets: Target[] };

export type KindResult = {
  name: string;
  connections: number;
  requests: number;
  throughput: number;
  latency: Summary;
  non2xx: number;
  /** Connection errors and timeouts (autocannon counts a timeout as an error too). */
  errors: number;
  timeouts: number;
  resets: number;
  /** "status path" → count, for the responses that were not 2xx. */
  failures: Record<string, number>;
};

export type LoadResult = {
  connections: number;
  seconds: number;
  requests: number;
  throughput: number;
  latency: Summary;
  /** Everything that counts as a failure: non-2xx + connection errors (timeouts included) + resets. */
  failed: number;
  kinds: KindResult[];
  /** Lines the app logged while under load: search falling back to PostgreSQL, and errors or failures. */
  app: { searchFallbacks: number; errorLines: number };
};

export type Machine = { cores: number; cpu: string; memoryMb: number; node: string; db: DbKind; loadAverage: number[] };
export type DbKind = "pglite" | "postgres";

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
// What a browser sends: compressed HTML is what people get (the app compresses), in Vietnamese.
const BASE_HEADERS = { accept: "text/html", "accept-encoding": "gzip", "accept-language": "vi" };

export function machine(db: DbKind): Machine {
  return {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? "unknown",
    memoryMb: Math.round(os.totalmem() / 1024 / 1024),
    node: process.version,
    db,
    loadAverage: os.loadavg().map((v) => Math.round(v * 100) / 100),
  };
}

/**
 * The app as `startApp` gives it (PGlite + its own Meilisearch + demo data), or on a throwaway database of
 * a PostgreSQL server (LOAD_DB=postgres: TEST_DATABASE_URL's server, else 127.0.0.1:5432), dropped at stop.
 */
export async function startLoadApp(db: DbKind, env: Record<string, string> = {}): Promise<RunningApp & { db: DbKind }> {
  if (db === "postgres") {
    const server = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
    const name = uniqueName("ct_load");
    const url = await createDatabase(server, name);
    try {
      const app = await startApp({ env: { ...env, DATABASE_URL: url } });
      return { ...app, db, stop: () => app.stop().finally(() => dropDatabase(server, name)) };
    } catch (error) {
      await dropDatabase(server, name);
      throw error;
    }
  }
  // startApp would put the app on TEST_DATABASE_URL's server when set; PGlite was asked for.
  const saved = process.env.TEST_DATABASE_URL;
  delete process.env.TEST_DATABASE_URL;
  try {
    return { ...(await startApp({ env })), db };
  } finally {
    if (saved !== undefined) process.env.TEST_DATABASE_URL = saved;
  }
}

export const dbKindFromEnv = (): DbKind => (process.env.LOAD_DB === "postgres" ? "postgres" : "pglite");

async function get(url: string, cookie?: string): Promise<{ status: number; html: string }> {
  const res = await fetch(url, {
    headers: { ...BASE_HEADERS, ...(cookie ? { cookie: `${SESSION_COOKIE}=${cookie}` } : {}) },
    redirect: "manual",
  });
  return { status: res.status, html: await res.text() };
}

/** The distinct ids linked as `/prefix/<uuid>` on these pages (real ids, read the way a visitor finds them). */
async function linkedIds(appUrl: string, pages: string[], prefix: string, cookie?: string): Promise<string[]> {
  const ids = new Set<string>();
  const pattern = new RegExp(`href="${prefix}/(${UUID})"`, "g");
  for (const page of pages) {
    const { status, html } = await get(appUrl + page, cookie);
    if (status !== 200) throw new Error(`GET ${page}: HTTP ${status} while collecting ids`);
    for (const m of html.matchAll(pattern)) ids.add(m[1]);
  }
  return [...ids];
}

/**
 * The mix. Public search replays the benchmark's 200 searches (accented, unaccented and misspelled trade
 * words, filters, sorts, pages 1–10); job and training pages use ids listed by the public pages; officer
 * pages are each demo officer's own dashboard, person list, persons and follow-ups, with one login each
 * (before the load, so the login rate limit and lockout never meet the load).
 */
export async function prepareMix(appUrl: string): Promise<Kind[]> {
  const queries = benchQueries();
  const pages = (base: string, n: number) => Array.from({ length: n }, (_, i) => `${base}?page=${i + 1}`);
  // The app is healthy before its outbox has filled a fresh Meilisearch: wait until the lists show listings
  // and stop changing (two readings 2 s apart the same), so every run rotates the same ids (a run that read
  // the lists half-filled rotated 39 job ids where the others had 110).
  const listed = async (base: string, extra: string[], n: number) => {
    let before = "";
    for (let deadline = Date.now() + 120_000; ; await new Promise((r) => setTimeout(r, 2_000))) {
      const ids = await linkedIds(appUrl, [...pages(base, n), ...extra], base);
      const now = [...ids].sort().join(",");
      if ((ids.length >= 20 && now === before) || Date.now() > deadline) return ids;
      before = now;
    }
  };
  const jobIds = await listed("/jobs", ["/jobs?sort=newest", "/jobs?sort=wage"], 5);
  const trainingIds = await listed("/trainings", ["/trainings?sort=newest"], 3);
  const officer: Target[] = [];
  for (const identifier of [DEMO.officerLuongSon, DEMO.officerNamDa]) {
    const cookie = await sessionCookie(appUrl, identifier);
    const persons = await linkedIds(
      appUrl,
      ["/officer/persons", "/officer/persons?status=all"],
      "/officer/persons",
      cookie,
    );
    const followUps = await linkedIds(appUrl, ["/officer/follow-ups"], "/officer/follow-ups", cookie);
    const lists = [
      "/officer",
      "/officer/persons",
      "/officer/persons?status=all",
      "/officer/persons?q=nguyen",
      "/officer/follow-ups",
    ];
    for (const path of [
      ...lists,
      ...persons.map((id) => `/officer/persons/${id}`),
      ...followUps.map((id) => `/officer/follow-ups/${id}`),
    ]) {
      officer.push({ path, cookie });
    }
  }
  const kinds: Kind[] = [
    {
      name: "search: /jobs?q=…",
      share: 0.3,
      targets: queries.filter((q) => q.kind === "jobs").map((q) => ({ path: `/jobs?${q.params}` })),
    },
    {
      name: "search: /trainings?q=…",
      share: 0.1,
      targets: queries.filter((q) => q.kind === "trainings").map((q) => ({ path: `/trainings?${q.params}` })),
    },
    { name: "job page /jobs/:id", share: 0.2, targets: jobIds.map((id) => ({ path: `/jobs/${id}` })) },
    {
      name: "training page /trainings/:id",
      share: 0.1,
      targets: trainingIds.map((id) => ({ path: `/trainings/${id}` })),
    },
    { name: "officer pages (logged in)", share: 0.3, targets: officer },
  ];
  for (const kind of kinds)
    if (kind.targets.length === 0) throw new Error(`No URLs for "${kind.name}": is the demo data seeded?`);
  return kinds;
}

/** Every URL once, one at a time: a bad URL fails here with its name, not as "errors" under load. Also warms up. */
export async function preflight(appUrl: string, kinds: Kind[]): Promise<number> {
  const bad: string[] = [];
  let n = 0;
  for (const kind of kinds) {
    for (const target of kind.targets) {
      const { status } = await get(appUrl + target.path, target.cookie);
      n++;
      if (status !== 200) bad.push(`${status} ${target.path}`);
    }
  }
  if (bad.length)
    throw new Error(`Before the load, ${bad.length} URL(s) did not answer 200:\n${bad.slice(0, 20).join("\n")}`);
  return n;
}

/** `total` connections shared by the kinds' shares, each kind at least one. */
export function splitConnections(total: number, shares: number[]): number[] {
  if (total < shares.length)
    throw new Error(`At least ${shares.length} connections are needed (one per kind), not ${total}`);
  const sum = shares.reduce((a, b) => a + b, 0);
  const split = shares.map((s) => Math.max(1, Math.round((s / sum) * total)));
  // Rounding may miss the total by a few: take from or give to the largest kind.
  const largest = split.indexOf(Math.max(...split));
  split[largest] += total - split.reduce((a, b) => a + b, 0);
  return split;
}

type KindRun = { result: autocannon.Result; latencies: number[]; failures: Record<string, number> };

function runKind(
  appUrl: string,
  kind: Kind,
  connections: number,
  seconds: number,
  seed: number,
  stopper: (stop: () => void) => void,
): Promise<KindRun> {
  const rng = mulberry32(seed);
  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  const request: autocannon.Request = {
    // Each request picks its URL at random, so connections do not walk the list in step.
    setupRequest: (req, context) => {
      const target = kind.targets[Math.floor(rng() * kind.targets.length)];
      (context as { path?: string }).path = target.path;
      return {
        ...req,
        path: target.path,
        headers: { ...req.headers, ...(target.cookie ? { cookie: `${SESSION_COOKIE}=${target.cookie}` } : {}) },
      };
    },
    // The context still holds this response's URL: the next request is set up after this call.
    onResponse: (status, _body, context) => {
      if (status < 200 || status > 299) {
        const key = `${status} ${(context as { path?: string }).path}`;
        failures[key] = (failures[key] ?? 0) + 1;
      }
    },
  };
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url: appUrl, connections, duration: seconds, timeout: 10, headers: BASE_HEADERS, requests: [request] },
      (error, result) => (error ? reject(error) : resolve({ result, latencies, failures })),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
    stopper(() => instance.stop());
  });
}

/**
 * Run the mix for `seconds` with `connections` in total; returns throughput, latencies overall and per kind,
 * and every failure. `app` (optional) is read for the lines it logged meanwhile.
 */
export async function runLoad(options: {
  url: string;
  kinds: Kind[];
  connections: number;
  seconds: number;
  app?: RunningApp;
  /** Stops the clients early (the soak, when the app is gone). */
  signal?: AbortSignal;
}): Promise<LoadResult> {
  const { url, kinds, connections, seconds } = options;
  const split = splitConnections(
    connections,
    kinds.map((k) => k.share),
  );
  const logFrom = options.app?.output().length ?? 0;
  const stops: (() => void)[] = [];
  const stopAll = () => stops.forEach((stop) => stop());
  // Ctrl-C stops the clients too, so the harness's clean-up is not left waiting for them.
  process.once("SIGINT", stopAll);
  options.signal?.addEventListener("abort", stopAll);
  const started = performance.now();
  let runs: KindRun[];
  try {
    runs = await Promise.all(
      kinds.map((kind, i) => runKind(url, kind, split[i], seconds, 7 + i, (stop) => stops.push(stop))),
    );
  } finally {
    process.off("SIGINT", stopAll);
    options.signal?.removeEventListener("abort", stopAll);
  }
  const elapsed = (performance.now() - started) / 1000;
  const kindResults: KindResult[] = runs.map(({ result, latencies, failures }, i) => ({
    name: kinds[i].name,
    connections: split[i],
    requests: latencies.length,
    throughput: latencies.length / elapsed,
    latency: summarize(latencies),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    resets: result.resets,
    failures,
  }));
  const all = runs.flatMap((r) => r.latencies);
  const appLog = options.app?.output().slice(logFrom) ?? "";
  return {
    connections,
    seconds,
    requests: all.length,
    throughput: all.length / elapsed,
    latency: summarize(all),
    failed: kindResults.reduce((n, k) => n + k.non2xx + k.errors + k.resets, 0),
    kinds: kindResults,
    app: {
      searchFallbacks: appLog.match(/Meilisearch unavailable/g)?.length ?? 0,
      // Message lines only ("[scope] …"): the indented detail under a warning is part of that warning.
      errorLines: appLog
        .split("\n")
        .filter(
          (line) =>
            /^\[/.test(line) && /error|fail|uncaught|unhandled/i.test(line) && !/Meilisearch unavailable/.test(line),
        ).length,
    },
  };
}
