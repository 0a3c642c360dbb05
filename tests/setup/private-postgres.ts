import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { freePort } from "../../search/launcher";

/**
 * A PostgreSQL cluster a test owns, so it can stop and start it under a running app (the shared server on
 * 5432 belongs to everyone). initdb in a temp dir, its own port on 127.0.0.1, no Unix socket. As root we
 * run the binaries as the `postgres` OS user (PostgreSQL refuses to run as root).
 */
export type PrivatePostgres = {
  port: number;
  /** postgres://postgres@127.0.0.1:<port>/<database> */
  url: (database?: string) => string;
  /** pg_ctl stop -m fast: running sessions are terminated (57P01), new connections refused. */
  stop: () => Promise<void>;
  start: () => Promise<void>;
  /** Stop (immediately) if running and delete the directory: safe to call twice and after a failure. */
  destroy: () => Promise<void>;
  log: () => string;
};

/** Where pg_ctl and initdb live, or null when this machine has no PostgreSQL server binaries. */
export function postgresBinDir(): string | null {
  const candidates: string[] = [];
  try {
    candidates.push(execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim());
  } catch {
    /* no pg_config on the PATH */
  }
  candidates.push("/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/17/bin");
  return (
    candidates.find((dir) => fs.existsSync(path.join(dir, "pg_ctl")) && fs.existsSync(path.join(dir, "initdb"))) ?? null
  );
}

const isRoot = () => process.getuid?.() === 0;

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error("No PostgreSQL server binaries (pg_ctl, initdb) found");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-pg-"));
  const dataDir = path.join(dir, "data");
  const logFile = path.join(dir, "server.log");
  const command = (tool: string, args: string[]): [string, string[]] =>
    isRoot() ? ["runuser", ["-u", "postgres", "--", path.join(bin, tool), ...args]] : [path.join(bin, tool), args];
  // Asynchronous, so a load running in this process keeps going while the server stops and starts.
  const run = async (tool: string, args: string[]) => {
    await promisify(execFile)(...command(tool, args), { timeout: 120_000 });
  };
  // Only for process exit, where nothing asynchronous runs any more.
  const runSync = (tool: string, args: string[]) => {
    execFileSync(...command(tool, args), { stdio: ["ignore", "pipe", "pipe"], timeout: 60_000 });
  };
  let running = false;
  const port = await freePort();
  try {
    if (isRoot()) execFileSync("chown", ["-R", "postgres:postgres", dir]);
    await run("initdb", [
      "-D",
      dataDir,
      "-U",
      "postgres",
      "--auth=trust",
      "-E",
      "UTF8",
      "--locale=C.UTF-8",
      "--no-sync",
    ]);
    // Small and quick: a test cluster, never a copy of anyone's data. fsync off only saves time here.
    const options = [
      `-p ${port}`,
      "-c listen_addresses=127.0.0.1",
      "-c unix_socket_directories=''",
      "-c fsync=off",
      "-c shared_buffers=32MB",
      "-c max_connections=60",
    ].join(" ");
    const start = async () => {
      await run("pg_ctl", ["-D", dataDir, "-l", logFile, "-o", options, "-w", "-t", "60", "start"]);
      running = true;
    };
    const stop = async () => {
      await run("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "-t", "60", "stop"]);
      running = false;
    };
    await start();
    let destroyed = false;
    // If the test runner dies first, do not leave a cluster behind (pg_ctl detaches it from us).
    const stopOnExit = () => {
      if (!running) return;
      try {
        runSync("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "-t", "30", "stop"]);
      } catch {
        /* already stopped */
      }
      fs.rmSync(dir, { recursive: true, force: true });
    };
    process.once("exit", stopOnExit);
    return {
      port,
      url: (database = "postgres") => `postgres://postgres@127.0.0.1:${port}/${database}`,
      stop,
      start,
      destroy: async () => {
        if (destroyed) return;
        destroyed = true;
        process.off("exit", stopOnExit);
        if (running) {
          try {
            await run("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "-t", "30", "stop"]);
          } catch {
            /* already stopped */
          }
        }
        fs.rmSync(dir, { recursive: true, force: true });
      },
      log: () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8") : ""),
    };
  } catch (error) {
    if (running) {
      try {
        await run("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
      } catch {
        /* not running */
      }
    }
    const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8") : "";
    fs.rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? "";
    throw new Error(`Could not start a private PostgreSQL: ${(error as Error).message}\n${stderr}\n${log}`);
  }
}
