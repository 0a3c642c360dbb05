import { foldWords } from "~/utils/text";

/**
 * Words no message that leaves the app may contain (SMS, Zalo, e-mail): a phone is often shared with a
 * family, so a message never names prison, a sentence, an offence, the police file, or what implies them.
 * Checked by tests/unit/outside-messages.test.ts on every template, and at run time on every rendered
 * message (app/modules/notifications/outside-render.server.ts), because a listing title or an interview
 * place is typed by an organisation.
 *
 * Vietnamese is matched with its tone marks on whole syllables ("tù" is prison, "từ" is "from"), and again
 * without them for the phrases of two or more syllables, because an SMS may be sent without diacritics.
 */
const VIETNAMESE = [
  "tù",
  "nhà tù",
  "trại giam",
  "tạm giam",
  "giam giữ",
  "phạm nhân",
  "tù nhân",
  "án",
  "bản án",
  "án tích",
  "tiền án",
  "tiền sự",
  "thụ án",
  "mãn hạn",
  "tội",
  "tội phạm",
  "phạm tội",
  "tội danh",
  "hình sự",
  "công an",
  "cải tạo",
  "tái hòa nhập",
  "tái hoà nhập",
  "hoàn lương",
  "đặc xá",
  "hồ sơ",
  "lý lịch tư pháp",
  "quản chế",
  "bị cáo",
  "bị can",
  "phạm pháp",
  "vi phạm pháp luật",
];

/** Ordinary words that contain a forbidden syllable: "dự án" is a project, "phương án" a plan. */
const HARMLESS = ["dự án", "phương án", "đáp án", "giáo án", "đề án", "tội nghiệp"];

const ENGLISH = [
  "prison",
  "prisoner",
  "jail",
  "gaol",
  "inmate",
  "sentence",
  "sentenced",
  "offence",
  "offense",
  "offender",
  "ex-offender",
  "crime",
  "criminal",
  "convict",
  "convicted",
  "conviction",
  "police",
  "parole",
  "probation",
  "incarceration",
  "incarcerated",
  "detention",
  "custody",
  "release",
  "released",
  "reintegration",
  "rehabilitation",
  "court",
  "record",
];

const LETTER = "\\p{L}\\p{M}";
const wordPattern = (phrase: string) =>
  new RegExp(`(?<![${LETTER}])${phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![${LETTER}])`, "u");

const exact = [...VIETNAMESE, ...ENGLISH].map((word) => ({ word, pattern: wordPattern(word) }));
const folded = VIETNAMESE.filter((w) => w.includes(" ")).map((word) => ({
  word,
  pattern: wordPattern(foldWords(word)),
}));

/** The forbidden words a text contains (empty: it may leave the app). */
export function forbiddenWordsIn(text: string): string[] {
  let lower = text.normalize("NFC").toLowerCase();
  for (const harmless of HARMLESS) lower = lower.replaceAll(harmless, " ");
  const asFolded = foldWords(lower);
  const found = new Set<string>();
  for (const { word, pattern } of exact) if (pattern.test(lower)) found.add(word);
  for (const { word, pattern } of folded) if (pattern.test(asFolded)) found.add(word);
  return [...found];
}

export function maySendOutside(text: string): boolean {
  return forbiddenWordsIn(text).length === 0;
}
