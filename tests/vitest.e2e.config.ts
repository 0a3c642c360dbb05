import path from "node:path";

import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname, "..");

// `npm run test:e2e`: builds, starts the real app once (tests/setup/e2e-global.ts) and drives it with
// Debian's Chromium through playwright-core, one browser per test file.
export default defineConfig({
  root,
  resolve: { alias: { "~": path.join(root, "app") } },
  test: {
    include: ["tests/e2e/**/*.test.ts"],
    globalSetup: ["tests/setup/e2e-global.ts"],
    environment: "node",
    pool: "forks",
    // Files share one app; each uses its own accounts and unique names, so they may run side by side.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
