import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { freePort } from "../../search/launcher";
import { spawnApp } from "./app-process";
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

  const app = spawnApp(path.join(root, "node_modules/.bin/tsx"), ["app/server.ts"], { cwd: root, env });
  const url = `http://localhost:${port}`;
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      app.release();
      // remix/express linger after SIGTERM; tests do not wait for a graceful stop. A gone app's Meilisearch
      // may still be there: the group is killed either way.
      app.killGroup();
      await app.exit;
      await dropDb?.();
      fs.rmSync(dataDir, { recursive: true, force: true });
    })());
  try {
    await app.waitHealthy(url, "The app");
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, dataDir, stop, output: app.output };
}
