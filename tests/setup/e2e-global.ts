import type { TestProject } from "vitest/node";

import { startApp } from "./app-server";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the one real app every e2e file drives, e.g. http://localhost:41234. */
    appUrl: string;
  }
}

/**
 * Once per e2e run: the built app with its own data (PGlite and Meilisearch in a temp dir, or a
 * throwaway database on TEST_DATABASE_URL's server), stopped and removed when the run ends.
 */
export default async function setup(project: TestProject) {
  // For a quick look at a server you already run (it will get test accounts and organisations).
  if (process.env.E2E_APP_URL) {
    project.provide("appUrl", process.env.E2E_APP_URL.replace(/\/$/, ""));
    return;
  }
  const app = await startApp();
  project.provide("appUrl", app.url);
  return async () => {
    if (process.env.E2E_APP_LOG) console.log(app.output());
    await app.stop();
  };
}
