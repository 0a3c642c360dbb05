import { DEFAULT_LOCALE, type Translate, translator } from "~/i18n";

import type { Locale } from "../../db/enums";

type Match = { id: string; data: unknown };

/** meta() runs outside React: read the visitor's language from the root loader's data. */
export function metaTranslator(matches: readonly Match[]): Translate {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined;
  return translator(root?.locale ?? DEFAULT_LOCALE);
}

export function pageTitle(title: string): string {
  return `${title} · Chung Tay`;
}
