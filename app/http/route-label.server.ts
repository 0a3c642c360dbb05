/**
 * Which Remix route answered, for the latency histogram of /metrics: a route id ("routes/jobs.$id"), never
 * the URL. Document requests are named by the entry (app/entry.server.tsx, the deepest match), data
 * requests by their `_data` id, resource routes (exports, /healthz, hooks) by wrapping their loader and
 * action here. Only ids of the build count, so a made-up `_data` cannot add a label.
 */
import type { AppLoadContext, ServerBuild } from "@remix-run/node";

export function labelResourceRoutes(build: ServerBuild): ServerBuild {
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    if (route.module.default != null) {
      routes[id] = route;
      continue;
    }
    const module = { ...route.module };
    const named =
      <A extends { context: AppLoadContext }, R>(fn: (args: A) => R) =>
      (args: A) => {
        args.context.setRouteId?.(id);
        return fn(args);
      };
    if (module.loader) module.loader = named(module.loader);
    if (module.action) module.action = named(module.action);
    routes[id] = { ...route, module };
  }
  return { ...build, routes };
}

/** A setter for the load context: keeps an id of the build, ignores anything else. */
export function routeIdSetter(build: ServerBuild, set: (id: string) => void): (id: string | null | undefined) => void {
  return (id) => {
    if (id && Object.hasOwn(build.routes, id)) set(id);
  };
}
