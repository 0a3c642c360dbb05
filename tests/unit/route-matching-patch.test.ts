import path from "node:path";

import { UNSAFE_flatRoutes } from "@remix-run/dev";
import * as router from "@remix-run/router";
// The ESM build of the same @remix-run/router version, which the patch leaves alone (the browser's copy):
// the reference for what matching gave before the patch.
import * as referenceBuild from "@remix-run/router/dist/router.js";
import { describe, expect, it } from "vitest";

/*
 * patches/@remix-run+router+1.23.3.patch (docs/decisions/036-route-matching-patch.md) keeps the ranked
 * branches of each routes array and each compiled path pattern, so Remix stops re-flattening, re-ranking and
 * recompiling ~100 routes four times per document request. These tests fail when an upgrade or a reinstall
 * without `patch-package` loses it, and show that matching gives what the unpatched router gave.
 */
type Route = { id: string; path?: string; index?: boolean; caseSensitive?: boolean; children?: Route[] };
const reference = referenceBuild as unknown as typeof router;
const matchWith = (build: typeof router, routes: Route[], pathname: string) =>
  build.matchRoutes(routes as unknown as router.AgnosticRouteObject[], pathname);
const patch = (router as unknown as { UNSAFE_routeMatchingPatch?: { version: number; forget: () => void } })
  .UNSAFE_routeMatchingPatch;

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
    expect(patch?.version).toBe(1);
    // The reference build is the unpatched one.
    expect((reference as Record<string, unknown>).UNSAFE_routeMatchingPatch).toBeUndefined();
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
