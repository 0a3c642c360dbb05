import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterEach, describe, expect, it, vi } from "vitest";

describe("the test clock file (browser tests move a running app's today)", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-clock-"));
  const file = path.join(dir, "clock");
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("adds the file's offset in days, follows changes, and is real time without a file", async () => {
    vi.stubEnv("TEST_CLOCK_FILE", file);
    vi.resetModules();
    const clock = await import("~/utils/clock.server");
    const real = Date.now();
    expect(Math.abs(clock.now().getTime() - real)).toBeLessThan(5_000);

    fs.writeFileSync(file, "365");
    expect(clock.now().getTime() - Date.now()).toBeGreaterThan(364 * 86_400_000);
    // A later write is seen (the file's mtime changes).
    fs.writeFileSync(file, "30");
    fs.utimesSync(file, new Date(), new Date(Date.now() + 10_000));
    const days = (clock.now().getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThan(30.1);

    fs.writeFileSync(file, "not a number");
    fs.utimesSync(file, new Date(), new Date(Date.now() + 20_000));
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(5_000);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("is ignored when the variable is not set", async () => {
    vi.resetModules();
    const clock = await import("~/utils/clock.server");
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(5_000);
  });
});
