import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { type Area, AREAS } from "~/i18n/areas";
import { en } from "~/i18n/en";
import { loadAreaModule } from "~/i18n/loaders";
import { areasFor, ROUTE_AREAS, SIGNED_IN } from "~/i18n/route-areas";
import { vi } from "~/i18n/vi";

import { keysByRoute, keysNamedIn } from "../setup/i18n-usage";
import { routeFileNames } from "../setup/route-files";

/*
 * Decision 035: the browser loads, for a page, "core" and the areas ROUTE_AREAS names for its routes. These
 * tests keep that map whole: every route has an entry, and every key a route's browser code names (its own
 * file and the components it imports) lives in an area the map gives it.
 */

const CATALOGUES = path.resolve(import.meta.dirname, "../../app/i18n/catalogues");

async function areaMessages(lang: "vi" | "en", area: Area): Promise<Record<string, string>> {
  return ((await import(`../../app/i18n/catalogues/${lang}/${area}.ts`)) as { messages: Record<string, string> })
    .messages;
}

describe("catalogue areas", () => {
  it("are one file per language and area, and nothing else", () => {
    for (const lang of ["vi", "en"]) {
      const files = fs.readdirSync(path.join(CATALOGUES, lang)).map((f) => f.replace(/\.ts$/, ""));
      expect(files.sort(), lang).toEqual([...AREAS].sort());
    }
    expect(fs.readdirSync(CATALOGUES).sort()).toEqual(["en", "vi"]);
  });

  it("hold each key once, the same keys in both languages, and make up the whole catalogue", async () => {
    const seen = new Map<string, Area>();
    for (const area of AREAS) {
      const viKeys = Object.keys(await areaMessages("vi", area)).sort();
      expect(Object.keys(await areaMessages("en", area)).sort(), area).toEqual(viKeys);
      for (const key of viKeys) {
        expect(seen.get(key), `${key} is in ${seen.get(key)} and ${area}`).toBeUndefined();
        seen.set(key, area);
      }
    }
    expect([...seen.keys()].sort()).toEqual(Object.keys(vi).sort());
    expect(Object.keys(en).length).toBe(seen.size);
  });

  it("keep the words that arrive as data where the pages showing them load them", async () => {
    // The notifications page shows any notify.* key stored with a notification; formatQuarter (in ~/i18n,
    // used on many pages) says "reports.form.quarter".
    const notifications = Object.keys(await areaMessages("vi", "notifications"));
    expect(Object.keys(vi).filter((k) => k.startsWith("notify.") && !notifications.includes(k))).toEqual([]);
    expect(ROUTE_AREAS["routes/notifications"]).toContain("notifications");
    expect(Object.keys(await areaMessages("vi", "core"))).toContain("reports.form.quarter");
  });

  it("each have a browser loader in both languages that gives the area's strings", async () => {
    for (const lang of ["vi", "en"] as const) {
      for (const area of AREAS) {
        const loaded = await loadAreaModule(lang, area);
        expect(loaded.messages, `${lang}/${area}`).toEqual(await areaMessages(lang, area));
      }
    }
  });
});

describe("ROUTE_AREAS (app/i18n/route-areas.ts)", () => {
  const ids = routeFileNames().map((f) => `routes/${f.replace(/\.tsx?$/, "")}`);

  it("has an entry for the root and every route file, and none for a route that is gone", () => {
    expect(
      ids.filter((id) => !(id in ROUTE_AREAS)),
      "route files without an entry",
    ).toEqual([]);
    expect(
      Object.keys(ROUTE_AREAS).filter((id) => id !== "root" && id !== SIGNED_IN && !ids.includes(id)),
      "entries without a route file",
    ).toEqual([]);
  });

  it("gives every route the areas of the keys its browser code names", async () => {
    const areaOf = new Map<string, Area>();
    for (const area of AREAS) for (const key of Object.keys(await areaMessages("vi", area))) areaOf.set(key, area);
    const missing: string[] = [];
    for (const [id, keys] of keysByRoute([...areaOf.keys()])) {
      // The root's header for someone logged in has "menu" too; a route's own words must not rely on it.
      const loaded = new Set(areasFor(id === "root" ? ["root", SIGNED_IN] : ["root", id]));
      const lacking = [...keys].filter((k) => !loaded.has(areaOf.get(k)!));
      if (lacking.length) {
        const areas = [...new Set(lacking.map((k) => areaOf.get(k)))].join(", ");
        missing.push(`${id}: needs ${areas} (for ${lacking.slice(0, 3).join(", ")}…)`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("always loads core first", () => {
    expect(areasFor([])).toEqual(["core"]);
    expect(areasFor(["root", "routes/jobs._index"])[0]).toBe("core");
    expect(areasFor(["root", "routes/no-such-route"])).toEqual(["core"]);
  });
});

describe("the usage reader the map is checked with", () => {
  const keys = ["jobs.title", "employmentType.full_time", "employmentType.part_time", "support.activity.kind.x"];

  it("finds literal keys and keys built from a template", () => {
    expect([...keysNamedIn(`t("jobs.title"); t(\`employmentType.\${v}\`)`, keys)].sort()).toEqual([
      "employmentType.full_time",
      "employmentType.part_time",
      "jobs.title",
    ]);
  });

  it("lets a ${…} stand for one word, not for a deeper key", () => {
    expect([...keysNamedIn("t(`support.${v}`)", keys)]).toEqual([]);
    expect([...keysNamedIn("t(`support.activity.kind.${v}`)", keys)]).toEqual(["support.activity.kind.x"]);
  });
});
