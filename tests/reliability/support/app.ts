import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll } from "vitest";

import { type DatabaseHandle, openDatabase, useDatabase } from "../../../db/client.server";
import { runMigrations } from "../../../db/migrate";
import { seedDemoData } from "../../../db/seed/demo";
import { type RunningApp, startApp } from "../../setup/app-server";
import { SESSION_COOKIE, sessionCookie } from "../../setup/browser";
import { createDatabase, dropDatabase, uniqueName } from "../../setup/postgres";
import { workbookText } from "../../setup/route-files";
import { type Accounts, buildSubject, SUBJECT, type SubjectIds } from "./fixtures";

export type Actor = keyof Accounts;

export type SubjectApp = {
  url: string;
  ids: SubjectIds;
  accounts: Accounts;
  /** The Cookie header of one logged-in session per actor. */
  cookies: Record<Actor, string>;
  /** A fresh session (for requests that end theirs, such as POST /logout). */
  login: (actor: Actor) => Promise<string>;
  app: RunningApp;
  stop: () => Promise<void>;
};

/**
 * The real app (tests/setup/app-server.ts) on a database that holds the demo data and the subject
 * (./fixtures.ts). The database is prepared in this process first and closed, then the app opens it: PGlite in
 * a DATA_DIR of our own by default, or a throwaway database on TEST_DATABASE_URL's server.
 */
export async function startSubjectApp(): Promise<SubjectApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "chungtay-policy-"));
  const serverUrl = process.env.TEST_DATABASE_URL;
  const dbName = serverUrl ? uniqueName("ct_rel") : undefined;
  const cleanup = async () => {
    if (serverUrl && dbName) await dropDatabase(serverUrl, dbName);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  let env: Record<string, string>;
  let handle: DatabaseHandle | undefined;
  let prepared: Awaited<ReturnType<typeof buildSubject>>;
  try {
    if (serverUrl && dbName) {
      const url = await createDatabase(serverUrl, dbName);
      handle = await openDatabase({ url, max: 2 });
      env = { DATABASE_URL: url, DEMO_DATA: "true" };
    } else {
      handle = await openDatabase({ dataDir: path.join(dataDir, "pglite") });
      env = { DATA_DIR: dataDir };
    }
    await runMigrations(handle);
    useDatabase(handle);
    await seedDemoData(handle.db);
    prepared = await buildSubject(handle.db);
  } catch (error) {
    await handle?.close();
    await cleanup();
    throw error;
  } finally {
    useDatabase(undefined);
  }
  await handle.close();

  let app: RunningApp;
  try {
    app = await startApp({ env });
  } catch (error) {
    await cleanup();
    throw error;
  }
  const login = async (actor: Actor) => {
    const { identifier, password } = prepared.accounts[actor];
    return `${SESSION_COOKIE}=${await sessionCookie(app.url, identifier, password)}`;
  };
  const cookies = {} as Record<Actor, string>;
  try {
    for (const actor of Object.keys(prepared.accounts) as Actor[]) cookies[actor] = await login(actor);
  } catch (error) {
    const log = app.output().slice(-4000);
    await app.stop();
    await cleanup();
    throw new Error(`${(error as Error).message}\nThe app's output:\n${log}`);
  }
  return {
    url: app.url,
    ids: prepared.ids,
    accounts: prepared.accounts,
    cookies,
    login,
    app,
    stop: async () => {
      await app.stop();
      await cleanup();
    },
  };
}

/** A test file's run: its app, and the requests it counts. */
export type FileRun = { app: SubjectApp; requests: number };

/** The file's app, started before its tests (up to 5 minutes) and stopped after them with a line saying what the file did. */
export function subjectAppForFile(tag: string, summary: () => string): FileRun {
  const run = { requests: 0 } as FileRun;
  const started = Date.now();
  beforeAll(async () => {
    run.app = await startSubjectApp();
  }, 300_000);
  afterAll(async () => {
    await run.app?.stop();
    console.log(
      `[${tag}] ${summary()}, ${run.requests} requests, ${((Date.now() - started) / 1000).toFixed(0)} s in all`,
    );
  });
  return run;
}

export type Answer = { status: number; location: string | null; contentType: string; text: string };

/** One request as a browser would send it: same-origin POSTs carry Origin (the CSRF check), nothing follows redirects. */
export async function send(
  appUrl: string,
  method: "GET" | "POST",
  pathAndQuery: string,
  options: { cookie?: string; body?: Record<string, string | string[]> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.Cookie = options.cookie;
  let body: URLSearchParams | undefined;
  if (method === "POST") {
    headers.Origin = appUrl;
    headers["Content-Type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams();
    for (const [name, value] of Object.entries(options.body ?? {}))
      for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  }
  const res = await fetch(`${appUrl}${pathAndQuery}`, { method, headers, body, redirect: "manual" });
  const contentType = res.headers.get("Content-Type") ?? "";
  return {
    status: res.status,
    location: res.headers.get("Location"),
    contentType,
    text: await readable(res, contentType),
  };
}

/**
 * What a reader of the answer finds in it: the text, or every cell of a workbook (an XLSX file is a zip).
 * A NUL byte fails the request: React 18.3's streaming renderer pads a 2 KB chunk with zeros when a
 * multi-byte character does not fit at its end (github.com/facebook/react/issues/31134); the app now renders
 * each page whole into one string (app/entry.server.tsx), which never pads. Left in, they break letters on
 * screen and could split a name in two, hiding a leak from the checks below.
 */
async function readable(res: Response, contentType: string): Promise<string> {
  if (!contentType.includes("spreadsheetml")) {
    const text = await res.text();
    if (text.includes("\u0000"))
      throw new Error(`A NUL byte in the answer (${contentType}) at ${text.indexOf("\u0000")}`);
    return text;
  }
  return workbookText(await res.arrayBuffer());
}

/** The subject's identifying details found in a text (an empty list when none is there). */
export function subjectDetailsIn(text: string): string[] {
  const found: string[] = [];
  if (text.normalize("NFC").includes(SUBJECT.fullName)) found.push("name");
  if (text.includes(SUBJECT.phone) || text.includes(SUBJECT.phoneGrouped)) found.push("phone");
  if (text.includes(SUBJECT.citizenId)) found.push("citizen id");
  return found;
}
