/**
 * Remix 2 with the classic (esbuild) compiler: see docs/decisions/001-classic-remix-compiler.md.
 * @type {import('@remix-run/dev').AppConfig}
 */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.*"],
  serverModuleFormat: "esm",
  serverPlatform: "node",
  // app/server.ts is the Node entry (run by tsx); it is not part of the Remix bundle.
  watchPaths: ["./db/**/*.ts", "./search/**/*.ts"],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
  },
};
