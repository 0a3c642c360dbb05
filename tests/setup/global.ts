import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";

import { openDatabase, PGLITE_EXTENSIONS } from "../../db/client.server";
import { runMigrations } from "../../db/migrate";
import { launchMeilisearch } from "../../search/launcher";
import { createDatabase, dropDatabase, uniqueName } from "./postgres";

declare module "vitest" {
  export interface ProvidedContext {
    meiliUrl: string;
    meiliKey: string;
    indexPrefix: string;
    /** Set when TEST_DATABASE_URL points at a real server: the migrated template database. */
    pgServerUrl: string | null;
    pgTemplate: string | null;
    /** Otherwise: a migrated PGlite data directory dump that each test file loads. */
    pgliteSnapshot: string | null;
  }
}

/**
 * Once per run: one real Meilisearch, and one migrated database (a PostgreSQL template, or a PGlite
 * snapshot). Each test file then gets its own copy (tests/setup/integration.ts).
 */
export default async function setup(project: TestProject) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "chungtay-test-"));
  const cleanups: (() => Promise<void>)[] = [async () => fs.rmSync(tmp, { recursive: true, force: true })];

  const meili = await launchMeilisearch({ dataDir: path.join(tmp, "meili") });
  cleanups.unshift(() => meili.stop());
  project.provide("meiliUrl", meili.url);
  project.provide("meiliKey", meili.masterKey);
  project.provide("indexPrefix", `t${process.pid}_`);

  const serverUrl = process.env.TEST_DATABASE_URL || null;
  if (serverUrl) {
    const template = uniqueName("ct_tpl");
    const url = await createDatabase(serverUrl, template);
    cleanups.unshift(() => dropDatabase(serverUrl, template));
    await runMigrations({ url });
    project.provide("pgServerUrl", serverUrl);
    project.provide("pgTemplate", template);
    project.provide("pgliteSnapshot", null);
  } else {
    const pglite = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
    const handle = await openDatabase({ pglite });
    await runMigrations(handle);
    const dump = await pglite.dumpDataDir("none");
    const file = path.join(tmp, "pglite-snapshot.tar");
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    await handle.close();
    project.provide("pgServerUrl", null);
    project.provide("pgTemplate", null);
    project.provide("pgliteSnapshot", file);
  }

  return async () => {
    for (const cleanup of cleanups) await cleanup();
  };
}
