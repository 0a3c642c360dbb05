import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, afterEach, describe, expect, it, vi } from "vitest";

import { type LaunchedMeilisearch, launchMeilisearch, meilisearchBinaryPath } from "../../search/launcher";

// The real bundled binary in throwaway directories; no database needed.
const dirs: string[] = [];
const launched: { instance: LaunchedMeilisearch; dataDir: string }[] = [];
const strays: ChildProcess[] = [];

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chungtay-launcher-"));
  dirs.push(dir);
  return dir;
}

async function launch(dataDir: string): Promise<LaunchedMeilisearch> {
  const instance = await launchMeilisearch({ dataDir });
  launched.push({ instance, dataDir });
  return instance;
}

/** Alive and not a zombie (a killed child stays in the process table until Node reaps it). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

const waitUntilGone = (pid: number) =>
  vi.waitFor(
    () => {
      if (isRunning(pid)) throw new Error(`process ${pid} still running`);
    },
    { timeout: 10_000, interval: 50 },
  );

afterEach(async () => {
  // Whatever a test left running: the instances it launched and any helper process.
  for (const { instance, dataDir } of launched.splice(0)) {
    // Only our own instance: a pid may have been reused once it exited.
    if (isRunning(instance.pid) && fs.readFileSync(`/proc/${instance.pid}/cmdline`, "utf8").includes(dataDir)) {
      process.kill(instance.pid, "SIGKILL");
    }
  }
  for (const child of strays.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe("meilisearchBinaryPath", () => {
  it("resolves the bundled executable", () => {
    const binary = meilisearchBinaryPath();
    expect(path.isAbsolute(binary)).toBe(true);
    expect(() => fs.accessSync(binary, fs.constants.X_OK)).not.toThrow();
    const version = spawnSync(binary, ["--version"], { encoding: "utf8" });
    expect(version.status).toBe(0);
    expect(version.stdout).toMatch(/^meilisearch \d+\.\d+\.\d+/);
  });
});

describe("launchMeilisearch", () => {
  it("starts a protected Meilisearch on 127.0.0.1, keeps its key and data across restarts, and stops it", async () => {
    const dir = tempDir();
    const first = await launch(dir);
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await fetch(`${first.url}/health`)).json()).toEqual({ status: "available" });

    // The master key is required, and it is kept beside the data, readable by us only.
    expect((await fetch(`${first.url}/indexes`)).status).toBe(401);
    const auth = { Authorization: `Bearer ${first.masterKey}`, "Content-Type": "application/json" };
    expect((await fetch(`${first.url}/indexes`, { headers: auth })).status).toBe(200);
    expect(fs.statSync(path.join(dir, "master-key")).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(path.join(dir, "meilisearch.pid"), "utf8")).toBe(String(first.pid));

    const created = await fetch(`${first.url}/indexes`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ uid: "kept", primaryKey: "id" }),
    });
    const { taskUid } = (await created.json()) as { taskUid: number };
    await vi.waitFor(
      async () => {
        const task = (await (await fetch(`${first.url}/tasks/${taskUid}`, { headers: auth })).json()) as {
          status: string;
        };
        if (task.status !== "succeeded") throw new Error(task.status);
      },
      { timeout: 10_000, interval: 50 },
    );

    await first.stop();
    expect(isRunning(first.pid)).toBe(false);
    expect(fs.existsSync(path.join(dir, "meilisearch.pid"))).toBe(false);
    await expect(fetch(`${first.url}/health`)).rejects.toThrow();

    const second = await launch(dir);
    expect(second.masterKey).toBe(first.masterKey);
    expect(second.pid).not.toBe(first.pid);
    const kept = await fetch(`${second.url}/indexes/kept`, {
      headers: { Authorization: `Bearer ${second.masterKey}` },
    });
    expect(kept.status).toBe(200);
    await second.stop();
    expect(isRunning(second.pid)).toBe(false);
  });

  it("starts again after a crash left a pid file behind", async () => {
    const dir = tempDir();
    const crashed = await launch(dir);
    process.kill(crashed.pid, "SIGKILL");
    await waitUntilGone(crashed.pid);
    expect(fs.readFileSync(path.join(dir, "meilisearch.pid"), "utf8")).toBe(String(crashed.pid));

    const next = await launch(dir);
    expect(await (await fetch(`${next.url}/health`)).json()).toEqual({ status: "available" });
    expect(next.masterKey).toBe(crashed.masterKey);
    await next.stop();
  });

  it("stops an instance a crashed app left running on the same data before starting", async () => {
    const dir = tempDir();
    const orphan = await launch(dir);
    const next = await launch(dir);
    await waitUntilGone(orphan.pid);
    expect(await (await fetch(`${next.url}/health`)).json()).toEqual({ status: "available" });
    expect(fs.readFileSync(path.join(dir, "meilisearch.pid"), "utf8")).toBe(String(next.pid));
    await next.stop();
    expect(isRunning(next.pid)).toBe(false);
  });

  it("never kills a process that is not Meilisearch, whatever the pid file says", async () => {
    const dir = tempDir();
    const bystander = spawn("sleep", ["60"], { stdio: "ignore" });
    strays.push(bystander);
    fs.writeFileSync(path.join(dir, "meilisearch.pid"), String(bystander.pid));
    const instance = await launch(dir);
    expect(isRunning(bystander.pid!)).toBe(true);
    expect(bystander.exitCode).toBeNull();
    expect(bystander.signalCode).toBeNull();
    await instance.stop();
  });

  it("ignores a pid file with garbage in it", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "meilisearch.pid"), "not a pid\n");
    const instance = await launch(dir);
    expect(await (await fetch(`${instance.url}/health`)).json()).toEqual({ status: "available" });
    await instance.stop();
  });
});
