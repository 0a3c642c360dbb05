import { type MessageKey, translator } from "~/i18n";

import type { Locale } from "../../../db/enums";
import { forbiddenWordsIn } from "./forbidden-words";

export type Rendered = { text: string; fellBack: boolean };

/**
 * An outside message in the recipient's language, with its link. The template is safe (a unit test checks
 * every one), but a parameter is typed by someone (a listing title, an interview place): if the filled text
 * names a forbidden word, the message falls back to the plain "you have news" with the same link, so a
 * family member reading the phone learns nothing. The link itself is random and is not checked.
 */
export function renderOutside(
  locale: Locale,
  key: MessageKey,
  params: Record<string, string | number>,
  link: string,
): Rendered {
  const t = translator(locale);
  const text = t(key, { ...params, link });
  if (forbiddenWordsIn(text.replaceAll(link, " ")).length === 0) return { text, fellBack: false };
  return { text: t("out.news", { link }), fellBack: true };
}

/** A text the app wrote itself (a reset code): it must pass the same check, or it is a bug, not a fallback. */
export function assertSafeOutside(text: string, link?: string): string {
  const found = forbiddenWordsIn(link ? text.replaceAll(link, " ") : text);
  if (found.length > 0) throw new Error(`outside message names forbidden words: ${found.join(", ")}`);
  return text;
}
