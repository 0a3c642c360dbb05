import { ROLE_HOME } from "~/auth/permissions.server";

import { routePath } from "../../setup/route-files";
import { type Answer, ANSWERS, type Cells, type Role, ROLES, type Row } from "../policy-table";
import type { Actor, Answer as HttpAnswer } from "./app";
import type { SubjectIds } from "./fixtures";

/** A table line: nine answers in ROLES order. */
export function cells(line: string): Cells {
  const words = line.trim().split(/\s+/);
  if (words.length !== ROLES.length || words.some((w) => !(ANSWERS as readonly string[]).includes(w))) {
    throw new Error(`a table line needs ${ROLES.length} answers from ${ANSWERS.join(" ")}: "${line}"`);
  }
  return Object.fromEntries(ROLES.map((r, i) => [r, words[i]])) as Cells;
}

/** The account each column logs in as. */
export const ACTOR_OF: Record<Exclude<Role, "anon">, Actor> = {
  person: "person",
  employer: "employer",
  provider: "provider",
  offA: "officerA",
  offB: "officerB",
  admX: "adminX",
  admY: "adminY",
  nat: "national",
};
const ACCOUNT_ROLE: Record<Exclude<Role, "anon">, keyof typeof ROLE_HOME> = {
  person: "person",
  employer: "employer",
  provider: "provider",
  offA: "officer",
  offB: "officer",
  admX: "admin",
  admY: "admin",
  nat: "national",
};

/** The URL of a row's route file (tests/setup/route-files.ts routePath), the subject's person and grant unless the row says otherwise. */
export function routeUrl(file: string, row: Row, ids: SubjectIds): string {
  if (row.path) return row.path + (row.query?.(ids) ?? "");
  return routePath(file, row.params?.(ids) ?? { id: ids.person, grantId: ids.grant }) + (row.query?.(ids) ?? "");
}

/** The answer in the table's words, or a description of what came instead (which then fails the row). */
export function classify(role: Role, url: string, res: HttpAnswer): string {
  if (res.status === 200) return "ok";
  if (res.status >= 300 && res.status < 400) {
    const location = res.location ?? "";
    if (location.startsWith("/login?"))
      return location === `/login?redirectTo=${encodeURIComponent(url)}` ? "login" : `login elsewhere: ${location}`;
    if (location === "/") return "to/";
    const home = role === "anon" ? null : ROLE_HOME[ACCOUNT_ROLE[role]];
    if (home && (location === home || location.startsWith(`${home}/`) || location.startsWith(`${home}?`)))
      return "home";
    return `${res.status} → ${location}`;
  }
  const word: Record<number, Answer> = { 400: "bad", 403: "403", 404: "404", 405: "405" };
  return word[res.status] ?? `status ${res.status}`;
}

/** POSTs to an index route say `?index`, as Remix's <Form> does, or the parent route would answer. */
export function postUrl(file: string, url: string): string {
  if (!/(^|\.)_index\.tsx?$/.test(file)) return url;
  return url.includes("?") ? `${url}&index` : `${url}?index`;
}
