import { vi } from "~/i18n/vi";
import type { FormValues } from "~/utils/forms";

/**
 * A small concurrent load for fault tests: a few workers, each asking its own source for the next request
 * and sending it as soon as the previous one answered, recording what came back (status, which kind of
 * page, request id) so a test can assert on what visitors saw before, during and after a fault.
 */

export type LoadRequest = {
  /** What the request stands for in reports, e.g. "search:jobs" or "write:job". */
  name: string;
  path: string;
  method?: "GET" | "POST";
  /** A form post (sent url-encoded with our Origin, as the browser's form would). */
  form?: FormValues;
  /** The session cookie value (ct_session), if the request is made by a logged-in user. */
  cookie?: string;
  /** Another app instance than the load's own (two instances behind one database). */
  baseUrl?: string;
};

/** none: no HTTP answer at all (reset, refused, timeout); stack: a raw stack trace reached the visitor. */
export type PageKind = "page" | "fallback" | "unavailable" | "error" | "json" | "redirect" | "stack" | "none";

export type Sample = {
  name: string;
  baseUrl: string;
  method: string;
  path: string;
  startedAt: number;
  endedAt: number;
  status: number | null;
  kind: PageKind;
  requestId: string | null;
  retryAfter: string | null;
  /** The request id appears in the body (friendly error pages show it). */
  idInBody: boolean;
  /** Why there was no answer, or the start of an unexpected body: for failure messages. */
  detail?: string;
};

/** What a worker does after an answer: nothing, or update its own state (e.g. a job it toggles). */
export type Worker = { next: () => Promise<LoadRequest>; after?: (sample: Sample) => void | Promise<void> };

export type MixedLoad = {
  samples: Sample[];
  /** Note the time of an event (e.g. "killed") to split samples into phases. */
  mark: (label: string) => number;
  marks: Record<string, number>;
  /** Stop sending, wait for the requests in flight, return every sample. */
  stop: () => Promise<Sample[]>;
};

export const SESSION_COOKIE = "ct_session";
const FALLBACK_TEXT = vi["search.fallback"];
const UNAVAILABLE_TEXT = vi["error.unavailable.title"];
// "    at fn (/path/file.ts:12:5)": what a leaked stack trace looks like in a page.
const STACK_LINE = /\n\s+at .+\(?[^\s()]+:\d+:\d+\)?/;

export function formBody(values: FormValues): URLSearchParams {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  }
  return body;
}

export function classify(status: number, contentType: string, body: string): PageKind {
  if (STACK_LINE.test(body)) return "stack";
  if (status >= 300 && status < 400) return "redirect";
  if (contentType.includes("json")) return "json";
  if (body.includes(UNAVAILABLE_TEXT)) return "unavailable";
  if (body.includes(FALLBACK_TEXT)) return "fallback";
  if (body.includes('class="error-page"')) return "error";
  return "page";
}

/** One request, answered or not within `timeoutMs` (a hang is recorded as "none" with detail "timeout"). */
export async function send(defaultBaseUrl: string, request: LoadRequest, timeoutMs = 15_000): Promise<Sample> {
  const baseUrl = request.baseUrl ?? defaultBaseUrl;
  const method = request.method ?? (request.form ? "POST" : "GET");
  const headers: Record<string, string> = { "User-Agent": "chung-tay-fault-test" };
  if (request.cookie) headers.Cookie = `${SESSION_COOKIE}=${request.cookie}`;
  if (method === "POST") {
    headers.Origin = baseUrl;
    headers["Content-Type"] = "application/x-www-form-urlencoded";
  }
  const startedAt = Date.now();
  const base = { name: request.name, baseUrl, method, path: request.path, startedAt };
  try {
    const res = await fetch(`${baseUrl}${request.path}`, {
      method,
      headers,
      body: request.form ? formBody(request.form) : undefined,
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = await res.text();
    const kind = classify(res.status, res.headers.get("content-type") ?? "", body);
    const requestId = res.headers.get("x-request-id");
    return {
      ...base,
      endedAt: Date.now(),
      status: res.status,
      kind,
      requestId,
      retryAfter: res.headers.get("retry-after"),
      idInBody: !!requestId && body.includes(requestId),
      detail: res.status >= 400 || kind === "stack" ? body.slice(0, 400) : undefined,
    };
  } catch (error) {
    const e = error as Error & { cause?: { code?: string } };
    const detail = e.name === "TimeoutError" ? "timeout" : (e.cause?.code ?? e.message);
    return {
      ...base,
      endedAt: Date.now(),
      status: null,
      kind: "none",
      requestId: null,
      retryAfter: null,
      idInBody: false,
      detail,
    };
  }
}

export function startMixedLoad(baseUrl: string, workers: Worker[], options: { timeoutMs?: number } = {}): MixedLoad {
  const samples: Sample[] = [];
  const marks: Record<string, number> = {};
  let stopped = false;
  const loops = workers.map(async (worker) => {
    while (!stopped) {
      const sample = await send(baseUrl, await worker.next(), options.timeoutMs);
      samples.push(sample);
      await worker.after?.(sample);
      // A worker whose request was refused at once must not spin: give the others (and the app) air.
      if (sample.status === null || sample.status >= 500) await new Promise((r) => setTimeout(r, 50));
    }
  });
  return {
    samples,
    marks,
    mark: (label) => (marks[label] = Date.now()),
    stop: async () => {
      stopped = true;
      await Promise.all(loops);
      return samples;
    },
  };
}

/** Samples that started after `from` and ended before `to` (either bound optional). */
export function between(samples: Sample[], from?: number, to?: number): Sample[] {
  return samples.filter((s) => (from === undefined || s.startedAt >= from) && (to === undefined || s.endedAt <= to));
}

/** "search:jobs 200 fallback ×12, write:job 503 unavailable ×3": a summary for failure messages and docs. */
export function summarize(samples: Sample[]): string {
  const counts = new Map<string, number>();
  for (const s of samples) {
    const key = `${s.name} ${s.status ?? s.detail} ${s.kind}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()].map(([k, n]) => `${k} ×${n}`).join(", ");
}
