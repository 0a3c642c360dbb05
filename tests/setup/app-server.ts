import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { freePort } from "../../search/launcher";
import { createDatabase, dropDatabase, uniqueName } from "./postgres";

export type RunningApp = { url: string; dataDir: string; stop: () => Promise<void>; output: () => string };

const root = path.resolve(import.meta.dirname, "../..");

/**
 * The real product as a user gets it: `tsx app/server.ts` on a free port with its own DATA_DIR (PGlite and
 * the launched Meilisearch), or a throwaway database on TEST_DATABASE_URL's server, in demo mode unless
 * options.env says otherwise. Needs `npm run build`.
 */
export async function startApp(options: { env?: Record<string, string> } = {}): Promise<RunningApp> {
  if (!fs.existsSync(path.join(root, "build/index.js"))) throw new Error("No build: run `npm run build` first");
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "chungtay-app-"));
  const port = await freePort();
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    // The demo, seeded, also on a throwaway PostgreSQL database: with DATABASE_URL the app would otherwise
    // start in production mode, which never seeds and refuses demo accounts (docs/decisions/040). A test
    // of the production start passes APP_MODE=production in options.env.
    APP_MODE: "demo",
  };
  // The runner's own settings never leak in; a test that wants an external database or Meilisearch
  // (two instances sharing them, a fault test) passes DATABASE_URL / MEILI_URL in options.env.
  delete env.MEILI_URL;
  delete env.MEILI_MASTER_KEY;
  delete env.DATABASE_URL;
  delete env.DEMO_DATA;
  Object.assign(env, options.env);
  let dropDb: (() => Promise<void>) | undefined;
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl && !options.env?.DATABASE_URL) {
    const name = uniqueName("ct_e2e");
    env.DATABASE_URL = await createDatabase(serverUrl, name);
    dropDb = () => dropDatabase(serverUrl, name);
  }

  // Its own process group, so teardown can kill the app and the Meilisearch it launched together.
  const child: ChildProcess = spawn(path.join(root, "node_modules/.bin/tsx"), ["app/server.ts"], {
    cwd: root,
    env: env as NodeJS.ProcessEnv,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (output += c.toString()));

  const url = `http://localhost:${port}`;
  const killGroup = () => {
    try {
      if (child.pid) process.kill(-child.pid, "SIGKILL");
    } catch {
      /* already gone */
    }
  };
  // If the test runner itself dies, do not leave the app and its Meilisearch behind.
  process.once("exit", killGroup);
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      process.off("exit", killGroup);
      if (child.exitCode === null && child.signalCode === null) {
        // remix/express linger after SIGTERM; tests do not wait for a graceful stop.
        const exited = new Promise((r) => child.once("exit", r));
        killGroup();
        await exited;
      } else {
        killGroup(); // the app is gone; its Meilisearch may not be
      }
      await dropDb?.();
      fs.rmSync(dataDir, { recursive: true, force: true });
    })());

  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`The app exited during start:\n${output}`);
    }
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return { url, dataDir, stop, output: () => output };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`The app did not become healthy in 90 s:\n${output}`);
}
