import { en } from "./en";
import { vi } from "./vi";

/**
 * Both languages' whole catalogues, for everything that runs on the server (SSR, modules, the worker, CLI
 * scripts, tests): `translator(locale)` translates every key synchronously from these. A `.server` module,
 * so the classic Remix compiler replaces it with an empty module in the browser build (decision 035): the
 * browser gets only the areas its pages load.
 */
export const ALL_MESSAGES = { vi, en };
