/**
 * The Zalo ZNS templates, as data (decision 033). ZNS sends only templates Zalo approved beforehand: the
 * words below are what we submit for approval, and each kind names the id Zalo gives back. Pure and
 * client-safe (an admin page may show the samples); the adapter that sends is zns.server.ts.
 *
 * Template ids: the defaults are placeholders ("replace with the id Zalo approved"). Set the real ids with
 * one env variable per kind, ZNS_TEMPLATE_<KIND> in capitals, e.g. ZNS_TEMPLATE_REFERRAL_NEW=312345.
 *
 * These messages reach employers and training providers on phones other people may see: they never name
 * the worker's past (no prison, sentence, offence, police file, nor words implying them), only what to do.
 */

export const ZNS_KINDS = [
  "referral_new",
  "interview_tomorrow",
  "follow_up_due",
  "verification_decided",
  "news",
] as const;
export type ZnsKind = (typeof ZNS_KINDS)[number];

/**
 * Maximum length (characters) of each parameter, by the ZNS parameter type it is registered as (Zalo's
 * parameter types: customer name 30, code/custom label 30, time 20, product/brand name 200, URL 200). We
 * register `title` as a product/brand-type parameter but keep it to 100 so the message stays short.
 */
export const ZNS_PARAM_LIMITS = {
  title: 100,
  org: 30,
  date: 20,
  link: 200,
} as const;
export type ZnsParam = keyof typeof ZNS_PARAM_LIMITS;

export type ZnsTemplate = {
  /** Zalo's id for the approved template (a placeholder until set; see ZNS_TEMPLATE_<KIND>). */
  templateId: string;
  /** The parameter names, as registered with Zalo; `link` is always last and feeds the button. */
  params: readonly ZnsParam[];
  /** The text submitted for approval, parameters written <name> as in Zalo's template editor. */
  sample: { vi: string };
};

/** Placeholder ids: replace with the id Zalo approved for each template (or set ZNS_TEMPLATE_<KIND>). */
export const DEFAULT_ZNS_TEMPLATE_IDS: Readonly<Record<ZnsKind, string>> = {
  referral_new: "000001",
  interview_tomorrow: "000002",
  follow_up_due: "000003",
  verification_decided: "000004",
  news: "000005",
};

const TEMPLATES: Record<ZnsKind, Omit<ZnsTemplate, "templateId">> = {
  referral_new: {
    params: ["title", "link"],
    sample: {
      vi:
        "Chung Tay: Có một ứng viên mới được giới thiệu cho vị trí “<title>”. " +
        "Vui lòng xem thông tin và trả lời trong 3 ngày. [Nút: Xem ứng viên → <link>]",
    },
  },
  interview_tomorrow: {
    params: ["title", "date", "link"],
    sample: {
      vi:
        "Chung Tay: Nhắc lịch phỏng vấn ngày mai <date> cho vị trí “<title>”. " +
        "Vui lòng xác nhận, hoặc báo đổi lịch nếu cần. [Nút: Xem lịch → <link>]",
    },
  },
  follow_up_due: {
    params: ["title", "link"],
    sample: {
      vi:
        "Chung Tay: Người lao động nhận vào vị trí “<title>” có còn làm việc cùng đơn vị không? " +
        "Vui lòng xác nhận, chỉ mất một phút. [Nút: Xác nhận → <link>]",
    },
  },
  verification_decided: {
    params: ["org", "link"],
    sample: {
      vi:
        "Chung Tay: Việc xác minh đơn vị <org> đã có kết quả. " +
        "Vui lòng bấm nút để xem kết quả và các bước tiếp theo. [Nút: Xem kết quả → <link>]",
    },
  },
  news: {
    params: ["link"],
    sample: { vi: "Chung Tay: Bạn có tin nhắn mới. Vui lòng bấm nút để đọc. [Nút: Đọc tin → <link>]" },
  },
};

const envName = (kind: ZnsKind) => `ZNS_TEMPLATE_${kind.toUpperCase()}`;

/** The template ids: each kind's ZNS_TEMPLATE_<KIND> from `source` when set (digits), else the placeholder. */
export function znsTemplateIds(source: Record<string, string | undefined> = {}): Record<ZnsKind, string> {
  const ids = { ...DEFAULT_ZNS_TEMPLATE_IDS };
  for (const kind of ZNS_KINDS) {
    const value = source[envName(kind)]?.trim();
    if (!value) continue;
    if (!/^\d{1,20}$/.test(value)) {
      throw new Error(`${envName(kind)}: must be the numeric template id Zalo approved, for example 312345`);
    }
    ids[kind] = value;
  }
  return ids;
}

/** The ids in use: from this process's environment on the server, the placeholders in a browser. */
export const ZNS_TEMPLATE_IDS: Readonly<Record<ZnsKind, string>> = znsTemplateIds(
  typeof process === "undefined" ? {} : process.env,
);

/** One kind's template: its id (from `ids`), parameter names and sample text. */
export function znsTemplate(kind: ZnsKind, ids: Readonly<Record<ZnsKind, string>> = ZNS_TEMPLATE_IDS): ZnsTemplate {
  return { templateId: ids[kind], ...TEMPLATES[kind] };
}

const segmenter = new Intl.Segmenter("vi", { granularity: "grapheme" });

/**
 * A parameter value ZNS will accept: one line (control characters and runs of spaces become one space),
 * NFC, and at most `max` characters. A longer value is cut at a whole letter (never between a letter and
 * its tone mark) and ends with "…".
 */
export function fitZnsParam(value: string, max: number): string {
  const clean = value
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f-\u009f\s]+/g, " ")
    .trim();
  if (clean.length <= max) return clean;
  let out = "";
  for (const { segment } of segmenter.segment(clean)) {
    if (out.length + segment.length > max - 1) break;
    out += segment;
  }
  return `${out.trimEnd()}…`;
}

/**
 * The `template` of an OutgoingMessage for ZNS: the kind's approved id and its parameters, each fitted
 * to its ZNS limit. Throws (a programming error, never a provider answer) when a parameter the template
 * needs is missing or empty, when one it does not have is given, or when the link is not an absolute
 * http(s) URL within the URL limit (a link cannot be shortened by cutting it).
 */
export function buildZnsTemplate(
  kind: ZnsKind,
  params: Record<string, string>,
  link: string,
  ids: Readonly<Record<ZnsKind, string>> = ZNS_TEMPLATE_IDS,
): { id: string; data: Record<string, string> } {
  const template = znsTemplate(kind, ids);
  const names = template.params.filter((p) => p !== "link");
  const unknown = Object.keys(params).filter((k) => !(names as string[]).includes(k));
  if (unknown.length) throw new Error(`ZNS template ${kind} has no parameter ${unknown.join(", ")}`);
  const data: Record<string, string> = {};
  for (const name of names) {
    const value = fitZnsParam(params[name] ?? "", ZNS_PARAM_LIMITS[name]);
    if (!value) throw new Error(`ZNS template ${kind} needs the parameter ${name}`);
    data[name] = value;
  }
  if (!/^https?:\/\/[^\s/]+\/\S*$/.test(link) || link.length > ZNS_PARAM_LIMITS.link) {
    throw new Error(`ZNS template ${kind}: link must be an absolute http(s) URL of at most 200 characters`);
  }
  data.link = link;
  return { id: template.templateId, data };
}
