import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { LOCALE_COOKIE } from "~/i18n";

import { openDatabase } from "../../db/client.server";
import { runMigrations } from "../../db/migrate";
import { seedDemoData } from "../../db/seed/demo";
import { findDemoAccounts } from "../../db/seed/demo-accounts";
import { type RunningApp, startApp } from "../setup/app-server";
import { SESSION_COOKIE, sessionCookie } from "../setup/browser";
import { postgresServerUrl } from "../setup/fault-checks";
import { createDatabase, dropDatabase, uniqueName } from "../setup/postgres";

/*
 * Issue 15 §1, the real processes (docs/decisions/040): the demo start listens on 127.0.0.1 only, with its
 * ribbon and its first log line; a production start refuses a database holding demo accounts and names
 * the settings it misses; `npm run demo:remove` empties a demo-only database; `npm run admin:create` on an
 * empty database, then a production start, serves an empty province whose admin can log in.
 */

const root = path.resolve(import.meta.dirname, "../..");
const TSX = path.join(root, "node_modules/.bin/tsx");
const serverUrl = postgresServerUrl();
const created: string[] = [];
const dataDirs: string[] = [];
const apps: RunningApp[] = [];

const PRODUCTION = { APP_MODE: "production", PUBLIC_URL: "https://chungtay.example.vn", TRUST_PROXY: "false" };

/** The environment of a command or app under test: none of the runner's own app settings leak in. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined) continue;
    if (
      /^(APP_MODE|DATABASE_URL|TEST_DATABASE_URL|DATA_DIR|MEILI_.*|DEMO_DATA|DEV_OUTBOX|HOST|PORT|PUBLIC_URL|TRUST_PROXY|HOOKS_TOKEN|ADMIN_PASSWORD|NODE_OPTIONS)$/.test(
        k,
      )
    )
      continue;
    env[k] = v;
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "chungtay-modes-"));
  dataDirs.push(dataDir);
  return { ...env, NODE_ENV: "production", DATA_DIR: dataDir, ...extra } as NodeJS.ProcessEnv;
}

/** Run `tsx <script> ...args` to its end (a hung one is killed after 120 s): exit code and all output. */
function run(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(TSX, [script, ...args], { cwd: root, env: cleanEnv(env), stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (out += c.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

async function freshDatabase(): Promise<string> {
  const name = uniqueName("ct_modes");
  created.push(name);
  return createDatabase(serverUrl, name);
}

beforeAll(() => {
  if (!fs.existsSync(path.join(root, "build/index.js"))) throw new Error("No build: run `npm run build` first");
});

afterAll(async () => {
  for (const app of apps) await app.stop();
  for (const name of created) await dropDatabase(serverUrl, name);
  for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe("the demo start", () => {
  let app: RunningApp;
  beforeAll(async () => {
    // As `npm start` runs it: no HOST (a blank value counts as unset), no database server.
    app = await startApp({ env: { HOST: "", APP_MODE: "" } });
    apps.push(app);
  });

  it("says DEMO in its first log line", () => {
    const first = app
      .output()
      .split("\n")
      .find((line) => line.trim() !== "");
    expect(first).toMatch(/DEMO mode: demo data .*not for real people\. Listening on 127\.0\.0\.1/);
  });

  it("answers on 127.0.0.1 and on no other address of this machine", async () => {
    const port = new URL(app.url).port;
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).ok).toBe(true);
    const others = Object.values(os.networkInterfaces())
      .flat()
      .filter((a) => a && a.family === "IPv4" && !a.internal)
      .map((a) => a!.address);
    expect(others.length, "this machine needs a non-loopback address for this check").toBeGreaterThan(0);
    for (const address of others)
      await expect(fetch(`http://${address}:${port}/healthz`)).rejects.toThrow(/fetch failed/);
  });

  it("shows the demo ribbon on every page, first thing after the skip link, in either language", async () => {
    for (const page of ["/", "/jobs", "/login", "/no-such-page"]) {
      const html = await (await fetch(`${app.url}${page}`)).text();
      expect(html, page).toMatch(
        /<aside class="demo-ribbon" aria-label="Dữ liệu mẫu"[^>]*><p[^>]*><strong>Dữ liệu mẫu:<\/strong>/,
      );
      expect(html.indexOf("demo-ribbon"), page).toBeLessThan(html.indexOf("site-header"));
    }
    const english = await (await fetch(`${app.url}/`, { headers: { Cookie: `${LOCALE_COOKIE}=en` } })).text();
    expect(english).toMatch(/<strong>Demo data:<\/strong>/);
  });
});

describe("a production start", () => {
  it("names every missing setting and stops before opening anything", async () => {
    const { code, out } = await run("app/server.ts", [], { APP_MODE: "production" });
    expect(code).toBe(1);
    expect(out).toMatch(/PRODUCTION mode/);
    for (const name of ["DATABASE_URL", "PUBLIC_URL", "TRUST_PROXY"])
      expect(out).toMatch(new RegExp(`^\\s+${name}: `, "m"));
    expect(out).not.toMatch(/Meilisearch started|Database ready/);
  });

  it("refuses a database holding demo accounts, saying how to remove them; demo:remove empties it", async () => {
    const url = await freshDatabase();
    const handle = await openDatabase({ url, max: 2 });
    try {
      await runMigrations(handle);
      await seedDemoData(handle.db);
    } finally {
      await handle.close();
    }
    const refused = await run("app/server.ts", [], { ...PRODUCTION, DATABASE_URL: url });
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/Refusing to start in production: this database holds \d+ demo account/);
    expect(refused.out).toContain("npm run demo:remove -- --yes");
    expect(refused.out).not.toMatch(/Ready in/);

    const asked = await run("db/seed/demo-remove.ts", [], { DATABASE_URL: url });
    expect(asked.code).toBe(2);
    expect(asked.out).toMatch(/Run again with --yes/);
    const removed = await run("db/seed/demo-remove.ts", ["--yes"], { DATABASE_URL: url });
    expect(removed.out).toMatch(/Demo data removed: \d+ demo accounts/);
    expect(removed.code).toBe(0);

    const after = await openDatabase({ url, max: 2 });
    try {
      expect(await findDemoAccounts(after.db)).toEqual([]);
    } finally {
      await after.close();
    }
  });

  it("after admin:create on an empty database, serves an empty province whose admin can log in", async () => {
    const url = await freshDatabase();
    const password = "Lâm Đồng mở cửa 2026";
    const args = ["--province", "68", "--email", "admin@soldtbxh.lamdong.gov.vn", "--name", "Trương Thị Minh Thư"];
    const made = await run("app/cli/admin-create.ts", args, { DATABASE_URL: url, ADMIN_PASSWORD: password });
    expect(made.out).toMatch(/Created the provincial admin admin@soldtbxh\.lamdong\.gov\.vn for .*Lâm Đồng/);
    expect(made.code).toBe(0);
    expect(made.out).not.toContain(password);
    const again = await run("app/cli/admin-create.ts", args, { DATABASE_URL: url, ADMIN_PASSWORD: password });
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/exists already/);
    const demoAddress = await run(
      "app/cli/admin-create.ts",
      ["--province", "68", "--email", "a@x.test", "--name", "A B"],
      {
        DATABASE_URL: url,
        ADMIN_PASSWORD: password,
      },
    );
    expect(demoAddress.code).toBe(1);

    const app = await startApp({ env: { ...PRODUCTION, DATABASE_URL: url } });
    apps.push(app);
    expect(app.output()).toMatch(/PRODUCTION mode: no demo data/);
    expect(app.output()).not.toMatch(/Demo data seeded/);
    const home = await (await fetch(`${app.url}/`)).text();
    expect(home).not.toContain("demo-ribbon");
    const jobs = await (await fetch(`${app.url}/jobs`)).text();
    expect(jobs).not.toMatch(/Cường Thịnh|Thợ sửa xe máy/);

    await expect(sessionCookie(app.url, "admin@chungtay.test")).rejects.toThrow(/Could not log in/);
    const cookie = `${SESSION_COOKIE}=${await sessionCookie(app.url, "admin@soldtbxh.lamdong.gov.vn", password)}`;
    const admin = await fetch(`${app.url}/admin`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect(admin.status).toBe(200);
    const page = await admin.text();
    expect(page).toContain("Trương Thị Minh Thư");
    expect(page).not.toContain("demo-ribbon");
  });
});
