import type { Locale } from "../../db/enums";
import type { Area } from "./areas";

export type AreaModule = Promise<{ messages: Readonly<Record<string, string>> }>;

/**
 * One dynamic import per language and area: the browser build (esbuild, code splitting) makes each its own
 * small chunk, fetched only when a page needs it. Spelled out because esbuild 0.17 (the classic Remix
 * compiler's) cannot split a template-string import. The public pages' areas are here, in every page's first
 * download; the others' loaders (hashed file names, ~0.5 KB) are fetched with them (loaders-more.ts).
 */
const FIRST: Record<Locale, Partial<Record<Area, () => AreaModule>>> = {
  vi: {
    core: () => import("./catalogues/vi/core"),
    menu: () => import("./catalogues/vi/menu"),
    home: () => import("./catalogues/vi/home"),
    auth: () => import("./catalogues/vi/auth"),
    search: () => import("./catalogues/vi/search"),
    listing: () => import("./catalogues/vi/listing"),
    figures: () => import("./catalogues/vi/figures"),
  },
  en: {
    core: () => import("./catalogues/en/core"),
    menu: () => import("./catalogues/en/menu"),
    home: () => import("./catalogues/en/home"),
    auth: () => import("./catalogues/en/auth"),
    search: () => import("./catalogues/en/search"),
    listing: () => import("./catalogues/en/listing"),
    figures: () => import("./catalogues/en/figures"),
  },
};

/** The chunk of one language's area. */
export async function loadAreaModule(locale: Locale, area: Area): AreaModule {
  const first = FIRST[locale][area];
  if (first) return first();
  const { MORE_LOADERS } = await import("./loaders-more");
  return MORE_LOADERS[locale][area]!();
}
