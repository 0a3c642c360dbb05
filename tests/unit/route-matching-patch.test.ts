import { createRequire } from "node:module";
import path from "node:path";

import { UNSAFE_flatRoutes } from "@remix-run/dev";
import * as router from "@remix-run/router";
// The ESM build of the same @remix-run/router version, which the patch leaves alone (the browser's copy):
// the reference for what matching gave before the patch.
import * as referenceBuild from "@remix-run/router/dist/router.js";
import { type ComponentType, createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

/*
 * patches/@remix-run+router+1.23.3.patch (docs/decisions/036-route-matching-patch.md) keeps the ranked
 * branches of each routes array, each compiled path pattern and the matches of each path, so Remix stops
 * re-flattening, re-ranking, recompiling and walking ~100 routes four times per document request. These tests fail when an upgrade or a reinstall
 * without `patch-package` loses it, and show that matching gives what the unpatched router gave.
 */
type Route = { id: string; path?: string; index?: boolean; caseSensitive?: boolean; children?: Route[] };
const reference = referenceBuild as unknown as typeof router;
const matchWith = (build: typeof router, routes: Route[], pathname: string) =>
  build.matchRoutes(routes as unknown as router.AgnosticRouteObject[], pathname);
const patch = (
  router as unknown as { UNSAFE_routeMatchingPatch?: { version: number; walks: number; forget: () => void } }
).UNSAFE_routeMatchingPatch;

/*
 * patches/@remix-run+react+2.17.5.patch: RemixServer keeps the server routes it builds per manifest. The
 * CommonJS files the server loads (the package's `module` field points bundlers at the unpatched ESM copy).
 */
const require = createRequire(import.meta.url);
type RemixServerModule = {
  RemixServer: ComponentType<{ context: unknown; url: string }>;
  UNSAFE_serverRoutesPatch?: { version: number; forget: () => void };
};
const remixServer = require("@remix-run/react/dist/server.js") as RemixServerModule;
const remixRoutes = require("@remix-run/react/dist/routes.js") as { createServerRoutes: (...a: unknown[]) => unknown };
const { Outlet } = require("react-router-dom") as { Outlet: ComponentType };

/** Our routes as the server builds them (server-runtime createRoutes): root, then children by parentId. */
const manifest = UNSAFE_flatRoutes(path.resolve(import.meta.dirname, "../../app"), ["**/.*", "**/*.test.*"]);
function appRoutes(): Route[] {
  const all = [{ id: "root", path: "", parentId: undefined as string | undefined }, ...Object.values(manifest)];
  const childrenOf = (parentId: string | undefined): Route[] =>
    all
      .filter((r) => r.parentId === parentId)
      .map((r) => ({
        id: r.id,
        path: r.path,
        index: (r as { index?: boolean }).index,
        caseSensitive: (r as { caseSensitive?: boolean }).caseSensitive,
        children: childrenOf(r.id),
      }));
  return childrenOf(undefined);
}

/** URLs that reach every route: its path with sample params, odd cases, trailing slashes, unknown paths. */
function samplePaths(routes: Route[]): string[] {
  const paths = new Set<string>([
    "/",
    "/nope",
    "/jobs/",
    "/JOBS",
    "/jobs//x",
    "/%E1%BA%A1",
    "/a%2Fb",
    "/officer/x/y/z",
  ]);
  const walk = (list: Route[], prefix: string) => {
    for (const r of list) {
      const full = r.path ? `${prefix}/${r.path}` : prefix;
      const url = full.replace(/:[\w-]+/g, "0b8c2a46-1d3f-4e7a-9c1e-2b7f0a9d5e11").replace(/\*$/, "a/b") || "/";
      paths.add(url);
      paths.add(`${url}/`);
      paths.add(full.replace(/:[\w-]+/g, "x") || "/");
      walk(r.children ?? [], full);
    }
  };
  walk(routes, "");
  return [...paths];
}

const ids = (matches: { route: { id?: string } }[] | null) => matches?.map((m) => m.route.id).join(" > ") ?? null;

describe("the route-matching patch of @remix-run/router", () => {
  it("is applied (npm ci runs patch-package on postinstall)", () => {
    expect(patch?.version).toBe(3);
    expect(remixServer.UNSAFE_serverRoutesPatch?.version).toBe(1);
    // The reference build is the unpatched one.
    expect((reference as Record<string, unknown>).UNSAFE_routeMatchingPatch).toBeUndefined();
  });

  it("keeps the data routes of a static render per routes array, equal to the unpatched ones", () => {
    // As Remix builds them: no children array on a route without children (an index route must have none).
    const remixRoutes = (list: Route[]): Route[] =>
      list.map(({ children, ...r }) => (children?.length ? { ...r, children: remixRoutes(children) } : r));
    const routes = remixRoutes(appRoutes());
    const mapRouteProperties = (route: unknown) => ({ hasErrorBoundary: Boolean((route as Route).index) });
    const convert = (build: typeof router, input: Route[]) => {
      const manifest: Record<string, unknown> = {};
      const dataRoutes = build.UNSAFE_convertRoutesToDataRoutes(
        input as unknown as router.AgnosticRouteObject[],
        mapRouteProperties,
        undefined,
        manifest as never,
      );
      return { dataRoutes, manifest };
    };
    const first = convert(router, routes);
    const again = convert(router, routes);
    // The same array (so the kept ranking is found), and the caller's manifest filled the same way.
    expect(again.dataRoutes).toBe(first.dataRoutes);
    expect(Object.keys(again.manifest).length).toBeGreaterThan(80);
    expect(again.manifest).toEqual(first.manifest);
    expect(again.manifest["routes/login"]).toBe(first.manifest["routes/login"]);
    // Another routes array is converted on its own, and everything equals what the unpatched router gives.
    const expected = convert(reference, routes);
    expect(convert(router, remixRoutes(appRoutes())).dataRoutes).not.toBe(first.dataRoutes);
    expect(again.dataRoutes).toEqual(expected.dataRoutes);
    expect(again.manifest).toEqual(expected.manifest);
    for (const p of samplePaths(routes)) {
      const want = reference.matchRoutes(expected.dataRoutes, p);
      expect(router.matchRoutes(again.dataRoutes, p), p).toEqual(want);
    }
    // A router (which may change its routes in place) still gets routes of its own.
    const agnostic = routes as unknown as router.AgnosticRouteObject[];
    const a = router.createRouter({ routes: agnostic, history: router.createMemoryHistory() });
    const b = router.createRouter({ routes: agnostic, history: router.createMemoryHistory() });
    expect(a.routes).not.toBe(b.routes);
    expect(a.routes).not.toBe(first.dataRoutes);
  });

  it("builds RemixServer's routes once per manifest and route modules, and renders the same page", async () => {
    const modules = {
      root: { default: () => createElement("main", null, "root ", createElement(Outlet)) },
      "routes/a": { default: () => createElement("p", null, "page a") },
    };
    const manifestRoutes = {
      root: { id: "root", path: "", hasLoader: false, module: "/root.js" },
      "routes/a": { id: "routes/a", parentId: "root", path: "a", hasLoader: false, module: "/a.js" },
    };
    const future = { v3_relativeSplatPath: true };
    const handler = router.createStaticHandler([{ id: "root", path: "", children: [{ id: "routes/a", path: "a" }] }]);
    const render = async (routeModules: Record<string, { default: ComponentType }>) => {
      const staticHandlerContext = await handler.query(new Request("http://localhost/a"));
      const context = {
        manifest: { routes: manifestRoutes, entry: { module: "/entry.js", imports: [] }, url: "/m.js", version: "1" },
        routeModules: { ...routeModules }, // a new object each request, as server-runtime hands it
        staticHandlerContext,
        future,
        isSpaMode: false,
        serverHandoffString: "{}",
      };
      return renderToString(createElement(remixServer.RemixServer, { context, url: "http://localhost/a" }));
    };
    remixServer.UNSAFE_serverRoutesPatch?.forget();
    const built = vi.spyOn(remixRoutes, "createServerRoutes");
    try {
      const html = await render(modules);
      expect(html).toBe("<main>root <p>page a</p></main>");
      expect(await render(modules)).toBe(html);
      expect(built).toHaveBeenCalledTimes(1);
      // A changed route module (a rebuild) builds the routes again and renders the new module.
      const changed = { ...modules, "routes/a": { default: () => createElement("p", null, "page a, rebuilt") } };
      expect(await render(changed)).toContain("<p>page a, rebuilt</p>");
      expect(built).toHaveBeenCalledTimes(2);
    } finally {
      built.mockRestore();
    }
  });

  it("flattens and ranks a routes array once, however often it is matched", () => {
    let reads = 0;
    const counted = (route: Route): Route => {
      const children = route.children?.map(counted);
      return Object.defineProperty({ ...route, children }, "children", {
        get: () => (reads++, children),
        enumerable: true,
      });
    };
    const routes = appRoutes().map(counted);
    matchWith(router, routes, "/login");
    const once = reads;
    expect(once).toBeGreaterThan(0);
    for (const p of ["/login", "/jobs", "/jobs/abc", "/nope"]) matchWith(router, routes, p);
    expect(reads).toBe(once);
    // Another array (a new request's render routes) is flattened on its own.
    matchWith(router, routes.slice(), "/login");
    expect(reads).toBe(once * 2);
  });

  it("walks the branches once per routes array and path, and hands out copies of the kept matches", () => {
    const routes = appRoutes();
    patch!.forget();
    const walks = () => patch!.walks;
    const before = walks();
    const first = router.matchRoutes(routes as never, "/officer/persons/0b8c2a46-1d3f-4e7a-9c1e-2b7f0a9d5e11")!;
    expect(walks()).toBe(before + 1);
    const again = router.matchRoutes(routes as never, "/officer/persons/0b8c2a46-1d3f-4e7a-9c1e-2b7f0a9d5e11")!;
    expect(walks()).toBe(before + 1);
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
    // One params object shared by the matches of a result, as matchRouteBranch gives; a caller changing it
    // changes nothing for the next caller.
    expect(new Set(again.map((m) => m.params)).size).toBe(1);
    (again[0].params as Record<string, string>).id = "changed";
    (again[0] as { pathname: string }).pathname = "/changed";
    expect(router.matchRoutes(routes as never, "/officer/persons/0b8c2a46-1d3f-4e7a-9c1e-2b7f0a9d5e11")).toEqual(first);
    // A path that matches nothing is kept too; another path, another array, or a partial match walks again.
    expect(router.matchRoutes(routes as never, "/no/such/page/at/all")?.at(-1)?.route.id).toBe("routes/$");
    router.matchRoutes(routes as never, "/no/such/page/at/all");
    expect(walks()).toBe(before + 2);
    router.matchRoutes(routes.slice() as never, "/officer/persons/0b8c2a46-1d3f-4e7a-9c1e-2b7f0a9d5e11");
    expect(walks()).toBe(before + 3);
    expect(router.matchRoutes([{ id: "a", path: "/a" }] as never, "/b")).toBeNull();
    expect(router.matchRoutes([{ id: "a", path: "/a" }] as never, "/b")).toBeNull();
  });

  it("matches every one of our routes as the unpatched router does, first call or kept", () => {
    const routes = appRoutes();
    expect(routes[0].children!.length).toBeGreaterThan(80);
    const paths = samplePaths(routes);
    expect(paths.length).toBeGreaterThan(200);
    let leaves = 0; // paths that reach a page, not the catch-all 404
    for (let round = 0; round < 3; round++) {
      for (const p of paths) {
        const expected = ids(matchWith(reference, appRoutes(), p));
        expect(ids(matchWith(router, routes, p)), p).toBe(expected);
        // Params, pathnames and bases too, from the kept matches.
        expect(matchWith(router, routes, p), p).toEqual(matchWith(reference, routes, p));
        expect(ids(matchWith(router, appRoutes(), p)), p).toBe(expected);
        if (round === 0 && expected && !expected.endsWith("routes/$")) leaves++;
      }
      patch?.forget();
    }
    expect(leaves).toBeGreaterThan(150);
  });

  it("gives the same params and pathnames as the unpatched matchPath", () => {
    for (const [pattern, pathname] of [
      ["/jobs/:id", "/jobs/42"],
      ["/jobs/:id", "/Jobs/42/"],
      [{ path: "/jobs/:id", caseSensitive: true, end: true }, "/Jobs/42"],
      [{ path: "/officer", caseSensitive: false, end: false }, "/officer/persons"],
      ["/files/*", "/files/a/b.txt"],
      ["/a/:b?/c", "/a/c"],
    ] as const) {
      for (let i = 0; i < 2; i++)
        expect(router.matchPath(pattern, pathname)).toEqual(reference.matchPath(pattern, pathname));
    }
  });

  it("forgets its rankings when lazy route discovery adds routes in place", async () => {
    const data = router
      .createRouter({
        routes: [{ id: "root", path: "/", children: [{ id: "home", index: true }] }],
        history: router.createMemoryHistory({ initialEntries: ["/"] }),
        patchRoutesOnNavigation: ({ path: to, patch: add }) => {
          if (to === "/later") add("root", [{ id: "later", path: "later" }]);
        },
      })
      .initialize();
    await data.navigate("/later");
    expect(ids(data.state.matches)).toBe("root > later");
    expect(data.state.errors).toBeNull();
    data.dispose();
  });
});

/*
 * patches/@remix-run+server-runtime+2.17.5.patch: a loader is handed the request itself when there is no
 * `index`, `_data` or `_routes` parameter to strip (two new Request objects per loader before). The CommonJS
 * file Node loads.
 */
type DataModule = {
  UNSAFE_requestCopyPatch?: { version: number };
  callRouteLoader: (args: {
    loadContext: unknown;
    loader: (args: { request: Request }) => unknown;
    params: Record<string, string>;
    request: Request;
    routeId: string;
    singleFetch: boolean;
  }) => Promise<unknown>;
};
const remixData = require("@remix-run/server-runtime/dist/data.js") as DataModule;
// The ESM build of the same file, which the patch leaves alone: what a loader got before it.
const referenceData = (await import("@remix-run/server-runtime/dist/esm/data.js" as string)) as DataModule;

describe("the request-copy patch of @remix-run/server-runtime", () => {
  const seen = async (url: string, init?: RequestInit, build: DataModule = remixData) => {
    const request = new Request(url, init);
    let got: Request | undefined;
    await build.callRouteLoader({
      loadContext: {},
      loader: ({ request: r }) => ((got = r), null),
      params: {},
      request,
      routeId: "routes/x",
      singleFetch: false,
    });
    return { request, got: got! };
  };

  it("is applied", () => {
    expect(remixData.UNSAFE_requestCopyPatch?.version).toBe(1);
  });

  it("hands a loader the request itself when there is nothing to strip", async () => {
    for (const url of ["http://x/jobs", "http://x/jobs?q=sua+xe+may&page=2", "http://x/jobs/?indexed=1&q=index"]) {
      const { request, got } = await seen(url);
      expect(got, url).toBe(request);
    }
  });

  it("strips index, _data and _routes as the unpatched build does, escaped names too", async () => {
    expect(referenceData.UNSAFE_requestCopyPatch).toBeUndefined();
    for (const [url, want] of [
      ["http://x/jobs?index&q=a", "http://x/jobs?q=a"],
      ["http://x/jobs?q=a&_data=routes%2Fjobs._index", "http://x/jobs?q=a"],
      ["http://x/jobs?%5Fdata=routes%2Fjobs&q=a", "http://x/jobs?q=a"],
      ["http://x/jobs?index=1&index&q=%C3%A1", "http://x/jobs?q=%C3%A1&index=1"],
    ]) {
      const init = { headers: { cookie: "ct_session=abc" } };
      const { request, got } = await seen(url, init);
      expect(got, url).not.toBe(request);
      expect(got.url, url).toBe(want);
      expect(got.url, url).toBe((await seen(url, init, referenceData)).got.url);
      expect(got.headers.get("cookie")).toBe("ct_session=abc");
    }
    // Where nothing is stripped, the unpatched build's copy has the same address.
    for (const url of ["http://x/jobs", "http://x/jobs?q=sua+xe+may&page=2"])
      expect((await seen(url)).got.url).toBe((await seen(url, undefined, referenceData)).got.url);
  });
});
