/**
 * The production topology of deploy/ for `npm run bench:throughput` (docs/decisions/048): nginx from Debian's
 * package with the repository's site file (TLS, `least_conn`, kept-alive upstream connections) in front of
 * one app instance per core started by the systemd unit's command, one throwaway PostgreSQL database and one
 * Meilisearch, as tests/reliability/deployment.test.ts runs them (tests/reliability/support/deploy.ts). A
 * Node process renders pages on one core; this is how the product uses a machine's cores.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { launchMeilisearch } from "../../search/launcher";
import { freePort } from "../../search/launcher";
import { deploymentEnvironment, startInstance, startNginx, writeEnvironmentFile } from "../reliability/support/deploy";
import { createDatabase, dropDatabase, uniqueName } from "../setup/postgres";

export type Deployed = {
  /** nginx's HTTPS address, where the load goes. */
  url: string;
  /** The app instances' process ids (their CPU time is the app's). */
  pids: number[];
  /** nginx's master and worker process ids. */
  nginxPids: () => number[];
  stop: () => Promise<void>;
};

/** `instances` app instances (default: one per core) behind nginx, on a throwaway PostgreSQL database. */
export async function startDeployed(instances = os.cpus().length): Promise<Deployed> {
  // nginx's certificate is one made for the run: this process trusts it (fetch; autocannon does not check).
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";
  const server = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const name = uniqueName("ct_deployed");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-throughput-deployed-"));
  const stops: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch(() => {});
    await dropDatabase(server, name);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const url = await createDatabase(server, name);
    const meili = await launchMeilisearch({ dataDir: path.join(dir, "meili") });
    stops.push(() => meili.stop());
    const ports = await Promise.all(Array.from({ length: instances }, () => freePort()));
    // Debian's nginx.conf runs one worker per core.
    const nginx = await startNginx(path.join(dir, "nginx"), ports, { workerProcesses: "auto" });
    stops.push(() => nginx.stop());
    const envFile = path.join(dir, "env");
    writeEnvironmentFile(envFile, deploymentEnvironment(url, meili, nginx.https));
    const pids: number[] = [];
    for (const port of ports) {
      const instance = startInstance(port, envFile);
      stops.push(() => instance.stop());
      await instance.ready();
      const pid = instance.pid();
      if (pid) pids.push(pid);
    }
    return { url: nginx.https, pids, nginxPids: nginx.pids, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
