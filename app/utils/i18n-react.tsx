import { useRouteLoaderData } from "@remix-run/react";

import { DEFAULT_LOCALE, formatDate, formatNumber, formatVnd, type Translate, translator } from "~/i18n";

import type { Locale } from "../../db/enums";
import type { FieldError } from "./forms";

type RootData = { locale: Locale } | undefined;

export function useLocale(): Locale {
  return (useRouteLoaderData("root") as RootData)?.locale ?? DEFAULT_LOCALE;
}

/** Translation and formatting in the user's language, on the server and in the browser alike. */
export function useI18n() {
  const locale = useLocale();
  const t: Translate = translator(locale);
  return {
    locale,
    t,
    date: (d: Date | string | null | undefined) => formatDate(d, locale),
    vnd: (n: number) => formatVnd(n, locale),
    number: (n: number) => formatNumber(n, locale),
    error: (e: FieldError | undefined) => (e ? t(e.key, e.vars) : undefined),
  };
}
