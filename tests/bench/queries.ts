import { mulberry32 } from "../../db/seed/marketplace";

/**
 * 200 public searches as people type them: trade words without accents, with accents, misspelled, or no
 * words at all with filters (province, trade group, wage, benefit), in every sort and on later pages.
 * Returned as the query strings of /jobs and /trainings URLs.
 */
const JOB_WORDS = [
  "sua xe may",
  "sửa xe máy",
  "sua xe",
  "tho sua xe may",
  "sua xe mya",
  "tho han",
  "thợ hàn",
  "han dien",
  "tho hna",
  "han co2",
  "phu bep",
  "phụ bếp",
  "dau bep",
  "nau an",
  "phu bpe",
  "may cong nghiep",
  "may công nghiệp",
  "cong nhan may",
  "may cng nghiep",
  "lai xe tai",
  "lái xe tải",
  "tai xe",
  "lai xe nang",
  "lai xe tia",
  "phu ho",
  "phụ hồ",
  "tho xay",
  "thợ hồ",
  "tho dien",
  "điện dân dụng",
  "dien lanh",
  "sua dieu hoa",
  "boc xep",
  "bốc xếp",
  "thu kho",
  "ve sinh cong nghiep",
  "tạp vụ",
  "bao ve",
  "giao hang",
  "shipper",
  "hai ca phe",
  "cham soc ca phe",
  "chan nuoi",
  "trong rau",
  "tho moc",
  "đan mây tre",
  "che bien thuy san",
  "dong goi",
  "lap rap",
  "rua xe",
  "pha che",
  "phuc vu nha hang",
  "thợ tiện",
  "cop pha",
  "son nha",
  "may xuc",
  "sua dien thoai",
  "khong can kinh nghiem",
  "bao an o",
  "viec lam thoi vu",
];
const TRAINING_WORDS = [
  "sua xe may",
  "hoc nghe han",
  "may cong nghiep",
  "nau an",
  "dien dan dung",
  "lai xe",
  "cat toc",
  "dien lanh",
  "ca phe",
  "chan nuoi",
  "sửa điện thoại",
  "tho moc",
  "hoc nghe mien phi",
  "xe nang",
];
const PROVINCES = ["01", "79", "31", "25", "68", "38", "40", "66", "48", "92", "24", "56"];
const GROUPS = ["5", "6", "7", "8", "9"];

export type BenchQuery = { kind: "jobs" | "trainings"; params: string };

export function benchQueries(seed = 3): BenchQuery[] {
  const rng = mulberry32(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rng() * items.length)];
  const page = () => String(pick([1, 1, 1, 1, 1, 2, 2, 3, 5, 10]));
  const out: BenchQuery[] = [];
  for (let i = 0; i < 150; i++) {
    const p = new URLSearchParams();
    const text = i % 10 < 7 ? JOB_WORDS[i % JOB_WORDS.length] : "";
    if (text) p.set("q", text);
    // Browsing without words always narrows by something; searches sometimes do.
    const filters = text ? pick([0, 0, 1, 1, 2]) : pick([1, 2, 3]);
    for (const f of new Set(
      Array.from({ length: filters }, () => pick(["province", "province", "group", "wage", "benefit", "type"])),
    )) {
      if (f === "province") p.set("province", pick(PROVINCES));
      if (f === "group") p.set("group", pick(GROUPS));
      if (f === "wage") p.set("wage", pick(["5000000", "6000000", "7000000", "8000000", "10000000"]));
      if (f === "benefit") p.append("benefit", pick(["meals", "accommodation", "social_insurance"]));
      if (f === "type") p.append("type", pick(["full_time", "seasonal", "part_time"]));
    }
    const sort = pick(["", "", "", "newest", "wage", "start", "relevance"]);
    if (sort) p.set("sort", sort);
    p.set("page", page());
    out.push({ kind: "jobs", params: p.toString() });
  }
  for (let i = 0; i < 50; i++) {
    const p = new URLSearchParams();
    if (i % 10 < 6) p.set("q", TRAINING_WORDS[i % TRAINING_WORDS.length]);
    if (rng() < 0.5) p.set("province", pick(PROVINCES));
    if (rng() < 0.2) p.set("group", pick(["5", "6", "7", "8"]));
    if (rng() < 0.2) p.set("level", pick(["short_course", "so_cap", "trung_cap"]));
    if (rng() < 0.25) p.set("free", "1");
    if (rng() < 0.2) p.append("support", pick(["boarding", "meals", "fee_waiver"]));
    const sort = pick(["", "", "newest", "start", "cost"]);
    if (sort) p.set("sort", sort);
    p.set("page", page());
    out.push({ kind: "trainings", params: p.toString() });
  }
  return out;
}
