import { describe, expect, it } from "vitest";

import { exportsAction, routeFileNames, routeSource } from "../setup/route-files";
import { ENTITLED, POLICY, type Role, ROLES } from "./policy-table";
import { send, subjectAppForFile, subjectDetailsIn } from "./support/app";
import { ACTOR_OF, cells, classify, postUrl, routeUrl } from "./support/walk";

/*
 * Walks the whole policy table (./policy-table.ts) against the running app: every route file × the nine
 * roles, GET and POST, over HTTP with real sessions. Besides the answer of each cell, no role that is not
 * entitled to the subject (and no refused cell of one that is) may find the subject's name, phone or citizen
 * id in what it got; the `shows` cells are the positive controls that make that absence mean something.
 */

const run = subjectAppForFile("policy", () => {
  const cellCount = Object.keys(POLICY).length * ROLES.length * 2; // GET and POST (405 where there is no action)
  return `${Object.keys(POLICY).length} routes, ${cellCount} cells`;
});

const REFUSED = new Set(["login", "403", "404", "405"]);

/**
 * Who must not find the subject's details in an answer: every role but the entitled ones, and the entitled
 * officer and admin wherever they are refused or the page holds counts only. The subject themself is exempt:
 * the header of every page they see carries their own name.
 */
function mustNotShow(role: Role, answer: string, aggregate: boolean): boolean {
  if (role === "person") return false;
  if (!ENTITLED.includes(role)) return true;
  return REFUSED.has(answer) || aggregate;
}

describe("the policy table", () => {
  it("has a row for every route file, and none for a file that is gone", () => {
    const files = routeFileNames();
    expect(files.length, "the route discovery finds the app's routes").toBeGreaterThanOrEqual(80);
    expect(
      files.filter((f) => !(f in POLICY)),
      "route files without a row in tests/reliability/policy-table.ts: decide who may reach them",
    ).toEqual([]);
    expect(
      Object.keys(POLICY).filter((f) => !files.includes(f)),
      "rows for route files that no longer exist",
    ).toEqual([]);
  });

  it.each(Object.keys(POLICY))("%s", async (file) => {
    const row = POLICY[file];
    expect(!!row.post, `${file}: a row has a POST column exactly when the route exports an action`).toBe(
      exportsAction(routeSource(file)),
    );
    const expected = { get: cells(row.get), post: cells(row.post ?? ROLES.map(() => "405").join(" ")) };
    const url = routeUrl(file, row, run.app.ids);
    const got = { get: {} as Record<Role, string>, post: {} as Record<Role, string> };
    const leaks: string[] = [];
    const missing: string[] = [];
    for (const method of ["GET", "POST"] as const) {
      const target = method === "GET" ? url : postUrl(file, url);
      for (const role of ROLES) {
        const cookie =
          role === "anon"
            ? undefined
            : method === "POST" && row.ownSession
              ? await run.app.login(ACTOR_OF[role])
              : run.app.cookies[ACTOR_OF[role]];
        const res = await send(run.app.url, method, target, { cookie, body: method === "POST" ? row.body : undefined });
        run.requests++;
        // Remix hands the action the URL without ?index: that is where a login brings the user back.
        const answer = classify(role, url, res);
        got[method === "GET" ? "get" : "post"][role] = answer;
        const details = subjectDetailsIn(res.text);
        if (details.length && mustNotShow(role, answer, !!row.aggregate))
          leaks.push(`${method} ${role} (${answer}): ${details.join(", ")}`);
        if (method === "GET") {
          const detail = row.shows?.[role];
          if (detail && !details.includes(detail)) missing.push(`${role} does not see the subject's ${detail}`);
          const text = row.showsText?.[role];
          if (text && !res.text.includes(text)) missing.push(`${role} does not see "${text}"`);
        }
      }
    }
    expect(
      { ...got, leaks, missing },
      `${url}\nexpected:\n  GET  ${row.get}\n  POST ${row.post ?? "(405 for all)"}\ngot:\n  GET  ${ROLES.map((r) => got.get[r]).join(" | ")}\n  POST ${ROLES.map((r) => got.post[r]).join(" | ")}`,
    ).toEqual({
      ...expected,
      leaks: [],
      missing: [],
    });
  });
});
