/**
 * Demo marketplace: about 40 verified employers and 10 training providers in eight provinces, with 230 jobs
 * and 60 course intakes written in everyday Vietnamese. Deterministic (a seeded PRNG, dates relative to the
 * seed day), so the demo is always open whenever it is seeded. `generateJobs` / `generateTrainings` are pure
 * and also feed the search benchmark (tests/bench). Mostly data: the catalogue is the bulk of this file.
 */
import { and, eq, inArray, lte } from "drizzle-orm";

import { refreshJobSearchText } from "~/modules/jobs/search-rows.server";
import { refreshTrainingSearchText } from "~/modules/trainings/search-rows.server";
import { now as clockNow, todayIso } from "~/utils/clock.server";
import { addDays } from "~/utils/dates";

import { touch } from "../../search/facade.server";
import type { Executor } from "../client.server";
import {
  appUser,
  type EmploymentType,
  job,
  type JobBenefit,
  minimumWage,
  type OffenceCategory,
  organization,
  type OrganizationKind,
  type RecordStance,
  trainingLeadsToJob,
  trainingSlot,
  type TrainingSupport,
  wageZone,
} from "../schema";

export type JobInsert = typeof job.$inferInsert;
export type TrainingInsert = typeof trainingSlot.$inferInsert;

// ---------------------------------------------------------------------------------------------------
// Randomness and dates
// ---------------------------------------------------------------------------------------------------

/** mulberry32: a tiny seeded PRNG, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
function sample<T>(rng: Rng, items: readonly T[], n: number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, Math.min(n, copy.length));
}
function weighted<T extends string>(rng: Rng, weights: Partial<Record<T, number>>): T {
  const entries = Object.entries(weights) as [T, number][];
  let r = rng() * entries.reduce((s, [, w]) => s + w, 0);
  for (const [k, w] of entries) if ((r -= w) < 0) return k;
  return entries[0][0];
}
/** A version-4-shaped UUID from the PRNG: ids are known before insert (links) and stable across runs. */
function uuid(rng: Rng): string {
  const hex = Array.from({ length: 4 }, () =>
    Math.floor(rng() * 2 ** 32)
      .toString(16)
      .padStart(8, "0"),
  ).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${"89ab"[int(rng, 0, 3)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
const DAY_MS = 86_400_000;
const round = (vnd: number, step = 100_000) => Math.round(vnd / step) * step;

// ---------------------------------------------------------------------------------------------------
// Places (real codes from db/data/vn-admin-units-2025.csv)
// ---------------------------------------------------------------------------------------------------

export type Place = { code: string; name: string; provinceCode: string };

const PLACE_LIST: Record<string, [string, string][]> = {
  "25": [
    ["07900", "Phường Việt Trì"],
    ["07954", "Phường Phong Châu"],
    ["08707", "Phường Vĩnh Yên"],
    ["08740", "Phường Phúc Yên"],
    ["04795", "Phường Hòa Bình"],
    ["04924", "Xã Lương Sơn"],
    ["08494", "Xã Lâm Thao"],
    ["08542", "Xã Thanh Sơn"],
    ["08620", "Xã Long Cốc"],
    ["08230", "Xã Phù Ninh"],
    ["05089", "Xã Cao Phong"],
    ["08869", "Xã Tam Dương"],
  ],
  "68": [
    ["24697", "Xã Nam Đà"],
    ["24688", "Xã Krông Nô"],
    ["24703", "Xã Nâm Nung"],
    ["24712", "Xã Quảng Phú"],
    ["24670", "Xã Đắk Mil"],
    ["24640", "Xã Cư Jút"],
    ["24611", "Phường Bắc Gia Nghĩa"],
    ["24781", "Phường Xuân Hương - Đà Lạt"],
    ["24846", "Phường Lang Biang - Đà Lạt"],
    ["24787", "Phường Cam Ly - Đà Lạt"],
    ["24823", "Phường 1 Bảo Lộc"],
    ["24958", "Xã Đức Trọng"],
    ["25000", "Xã Di Linh"],
    ["24868", "Xã Nam Ban Lâm Hà"],
  ],
  "38": [
    ["14797", "Phường Hạc Thành"],
    ["14812", "Phường Bỉm Sơn"],
    ["16654", "Phường Nghi Sơn"],
    ["16531", "Phường Sầm Sơn"],
    ["16228", "Xã Như Thanh"],
    ["16234", "Xã Xuân Du"],
    ["15499", "Xã Thọ Xuân"],
    ["15664", "Xã Triệu Sơn"],
    ["15865", "Xã Hoằng Hóa"],
    ["16279", "Xã Nông Cống"],
    ["15469", "Xã Yên Định"],
  ],
  "31": [
    ["11311", "Phường Hồng Bàng"],
    ["11329", "Phường Ngô Quyền"],
    ["11383", "Phường Lê Chân"],
    ["11413", "Phường Hải An"],
    ["11443", "Phường Kiến An"],
    ["11455", "Phường Đồ Sơn"],
    ["11560", "Phường Thủy Nguyên"],
    ["11581", "Phường An Dương"],
    ["11629", "Xã An Lão"],
    ["11755", "Xã Tiên Lãng"],
    ["10525", "Phường Hải Dương"],
    ["10546", "Phường Chí Linh"],
  ],
  "01": [
    ["00004", "Phường Ba Đình"],
    ["00145", "Phường Long Biên"],
    ["00331", "Phường Hoàng Mai"],
    ["00376", "Xã Sóc Sơn"],
    ["00454", "Xã Đông Anh"],
    ["00565", "Xã Gia Lâm"],
    ["09022", "Xã Mê Linh"],
    ["09556", "Phường Hà Đông"],
    ["09574", "Phường Sơn Tây"],
    ["10273", "Xã Phú Xuyên"],
    ["10183", "Xã Thường Tín"],
  ],
  "79": [
    ["27442", "Phường Bình Tân"],
    ["26824", "Phường Thủ Đức"],
    ["26884", "Phường Gò Vấp"],
    ["27004", "Phường Tân Bình"],
    ["27553", "Xã Củ Chi"],
    ["27559", "Xã Hóc Môn"],
    ["27637", "Xã Bình Chánh"],
    ["25760", "Phường Bình Dương"],
    ["25747", "Phường Thủ Dầu Một"],
    ["25888", "Phường Tân Uyên"],
    ["25942", "Phường Dĩ An"],
  ],
  "66": [
    ["24133", "Phường Buôn Ma Thuột"],
    ["24121", "Phường Tân Lập"],
    ["24154", "Phường Thành Nhất"],
    ["24169", "Phường Ea Kao"],
    ["24175", "Xã Hòa Phú"],
    ["24277", "Xã Ea Tul"],
    ["24305", "Phường Buôn Hồ"],
    ["24373", "Xã Ea Kar"],
    ["24490", "Xã Krông Pắc"],
  ],
  "40": [
    ["16681", "Phường Thành Vinh"],
    ["16690", "Phường Trường Vinh"],
    ["16702", "Phường Vinh Phú"],
    ["16732", "Phường Cửa Lò"],
    ["17110", "Phường Hoàng Mai"],
    ["16939", "Phường Thái Hòa"],
    ["17179", "Xã Quỳnh Lưu"],
    ["17464", "Xã Diễn Châu"],
    ["17506", "Xã Yên Thành"],
    ["17662", "Xã Đô Lương"],
    ["17935", "Xã Nam Đàn"],
  ],
};

/** The demo's places, by province. */
export const DEMO_PLACES: Map<string, Place[]> = new Map(
  Object.entries(PLACE_LIST).map(([provinceCode, list]) => [
    provinceCode,
    list.map(([code, name]) => ({ code, name, provinceCode })),
  ]),
);
const placeByCode = new Map([...DEMO_PLACES.values()].flat().map((p) => [p.code, p]));
const place = (code: string): Place => {
  const p = placeByCode.get(code);
  if (!p) throw new Error(`Unknown demo commune ${code}`);
  return p;
};

const STREETS = [
  "Lê Lợi",
  "Trần Hưng Đạo",
  "Hùng Vương",
  "Nguyễn Trãi",
  "Quang Trung",
  "Lê Duẩn",
  "Hai Bà Trưng",
  "Trần Phú",
  "Nguyễn Huệ",
  "Lý Thường Kiệt",
  "Phan Đình Phùng",
  "Ngô Quyền",
];

/** "Số 12 đường Lê Lợi", "Tổ dân phố 5" in a ward; "Thôn 3", "Xóm 7", "Khu 4" in a rural commune. */
export function streetAddress(rng: Rng, p: Place): string {
  if (p.name.startsWith("Phường")) {
    return rng() < 0.55
      ? `Số ${int(rng, 1, 320)} đường ${pick(rng, STREETS)}`
      : `${p.provinceCode === "79" ? "Khu phố" : "Tổ dân phố"} ${int(rng, 1, 18)}`;
  }
  const village = p.provinceCode === "40" || p.provinceCode === "38" ? "Xóm" : p.provinceCode === "25" ? "Khu" : "Thôn";
  return `${village} ${int(rng, 1, 12)}`;
}

/** Where a mobile class meets: the village or residential group's cultural house. */
function villageHall(rng: Rng, p: Place): string {
  if (p.name.startsWith("Phường")) return `Nhà văn hóa tổ dân phố ${int(rng, 1, 18)}`;
  return `Nhà văn hóa ${p.provinceCode === "40" || p.provinceCode === "38" ? "xóm" : p.provinceCode === "25" ? "khu" : "thôn"} ${int(rng, 1, 12)}`;
}

// ---------------------------------------------------------------------------------------------------
// Trades: what a job of each occupation looks like
// ---------------------------------------------------------------------------------------------------

type Trade = {
  titles: string[];
  duties: string[];
  skills: string[];
  /** Typical monthly range for full-time work in a zone III commune (VND). */
  wage: [number, number];
  types?: Partial<Record<EmploymentType, number>>;
  benefits?: Partial<Record<JobBenefit, number>>;
  exclusion?: { categories: OffenceCategory[]; reason: string };
};

const M = 1_000_000;
const DRIVING_EXCLUSION = {
  categories: ["traffic"] as OffenceCategory[],
  reason: "Vị trí lái xe: không nhận người đang bị cấm hành nghề lái xe hoặc bị tước giấy phép lái xe theo bản án.",
};

export const TRADES: Record<string, Trade> = {
  "72311": {
    titles: ["Thợ sửa xe máy", "Thợ sửa chữa, bảo dưỡng xe máy", "Thợ máy xe số, xe tay ga"],
    duties: [
      "Sửa chữa, bảo dưỡng xe số và xe tay ga: thay nhớt, thay má phanh, vá săm, chỉnh côn.",
      "Kiểm tra, tìm bệnh xe và báo giá cho khách trước khi sửa.",
      "Có thợ cả kèm cặp, hướng dẫn thêm về xe phun xăng điện tử.",
    ],
    skills: [
      "thay nhớt",
      "sửa phanh",
      "vá săm",
      "bảo dưỡng xe tay ga",
      "chỉnh côn",
      "sửa điện xe máy",
      "phun xăng điện tử",
    ],
    wage: [4.5 * M, 8 * M],
    types: { full_time: 8, apprenticeship: 2 },
    benefits: { meals: 0.6 },
  },
  "72310": {
    titles: ["Thợ sửa chữa ô tô", "Kỹ thuật viên bảo dưỡng ô tô", "Thợ gầm ô tô"],
    duties: [
      "Bảo dưỡng định kỳ, thay dầu, kiểm tra hệ thống phanh và gầm xe cho khách.",
      "Tháo lắp, sửa chữa động cơ và hộp số theo hướng dẫn của tổ trưởng.",
      "Xưởng có cầu nâng và máy chẩn đoán, được đào tạo thêm khi vào làm.",
    ],
    skills: ["bảo dưỡng ô tô", "sửa gầm", "thay dầu", "đọc lỗi bằng máy chẩn đoán", "sửa điều hòa ô tô"],
    wage: [6 * M, 11 * M],
    types: { full_time: 8, apprenticeship: 2 },
  },
  "72130": {
    titles: ["Thợ gò hàn, sơn xe ô tô", "Thợ sơn xe máy, ô tô"],
    duties: ["Gò, nắn, bả matít và sơn lại vỏ xe bị móp méo.", "Pha màu sơn, chà nhám và đánh bóng sau khi sơn."],
    skills: ["gò tôn", "bả matít", "pha sơn", "đánh bóng"],
    wage: [6 * M, 10 * M],
  },
  "72120": {
    titles: ["Thợ hàn", "Thợ hàn điện", "Thợ hàn kết cấu thép", "Thợ hàn MIG/CO2"],
    duties: [
      "Hàn khung nhà xưởng, cửa sắt, lan can theo bản vẽ.",
      "Hàn que và hàn CO2 các chi tiết kết cấu thép tại xưởng và công trình.",
      "Được trang bị đủ mặt nạ hàn, găng tay và quần áo bảo hộ.",
    ],
    skills: ["hàn que", "hàn CO2", "hàn MIG", "đọc bản vẽ", "cắt sắt", "mài"],
    wage: [6 * M, 12 * M],
    types: { full_time: 8, apprenticeship: 2 },
  },
  "72140": {
    titles: ["Thợ gia công kết cấu thép", "Thợ làm cửa sắt, khung nhà thép"],
    duties: [
      "Cắt, khoan, lắp dựng khung thép tiền chế và cửa cổng sắt.",
      "Lắp mái tôn, khung kèo tại công trình cùng tổ thợ.",
    ],
    skills: ["cắt sắt", "khoan", "lắp dựng khung thép", "lợp tôn"],
    wage: [6 * M, 10 * M],
  },
  "72230": {
    titles: ["Thợ tiện", "Thợ phay, tiện cơ khí", "Công nhân cơ khí chính xác"],
    duties: [
      "Đứng máy tiện, máy phay gia công chi tiết theo bản vẽ.",
      "Đo kiểm kích thước bằng thước cặp, panme; ghi sổ giao ca.",
    ],
    skills: ["máy tiện", "máy phay", "đọc bản vẽ", "thước cặp", "panme"],
    wage: [6.5 * M, 11 * M],
  },
  "71120": {
    titles: ["Thợ xây", "Thợ xây dân dụng", "Thợ xây, trát hoàn thiện"],
    duties: [
      "Xây tường, trát vữa, lát nền cho công trình nhà ở dân dụng.",
      "Làm theo tổ đội, có cai thợ giao việc hằng ngày; công trình trong tỉnh.",
    ],
    skills: ["xây tường", "trát", "lát nền", "đọc bản vẽ đơn giản"],
    wage: [7 * M, 12 * M],
    types: { full_time: 6, seasonal: 3 },
  },
  "93130": {
    titles: ["Phụ hồ", "Lao động phổ thông công trình xây dựng", "Phụ hồ công trình"],
    duties: [
      "Trộn vữa, vận chuyển gạch, cát, xi măng phục vụ thợ xây.",
      "Dọn dẹp mặt bằng công trình cuối ngày; không cần kinh nghiệm.",
      "Trả lương theo ngày công, chốt lương nửa tháng một lần.",
    ],
    skills: ["trộn vữa", "bốc vác vật liệu", "dọn dẹp công trình"],
    wage: [5.5 * M, 8 * M],
    types: { full_time: 6, seasonal: 4 },
  },
  "71140": {
    titles: ["Thợ cốp pha", "Thợ bê tông, cốp pha", "Thợ sắt, cốp pha công trình"],
    duties: [
      "Lắp dựng, tháo dỡ cốp pha và buộc cốt thép cho sàn, cột, dầm.",
      "Đổ và đầm bê tông theo chỉ dẫn của kỹ thuật công trình.",
    ],
    skills: ["lắp cốp pha", "buộc sắt", "đầm bê tông"],
    wage: [7 * M, 11 * M],
  },
  "71220": {
    titles: ["Thợ ốp lát gạch", "Thợ ốp lát, trát hoàn thiện"],
    duties: ["Ốp lát gạch nền, gạch tường nhà vệ sinh và bếp.", "Căn chỉnh mạch, vệ sinh bề mặt sau khi lát."],
    skills: ["lát gạch", "ốp tường", "trát", "căn mạch"],
    wage: [7.5 * M, 12 * M],
  },
  "71310": {
    titles: ["Thợ sơn nhà", "Thợ sơn bả hoàn thiện"],
    duties: [
      "Bả matít, chà nhám và lăn sơn tường trong nhà, ngoài trời.",
      "Làm việc trên giàn giáo có dây an toàn; được phát đồ bảo hộ.",
    ],
    skills: ["bả matít", "lăn sơn", "phun sơn", "chà nhám"],
    wage: [6.5 * M, 10 * M],
  },
  "71320": {
    titles: ["Thợ phun sơn công nghiệp", "Thợ sơn tàu, sơn kết cấu thép"],
    duties: [
      "Làm sạch bề mặt, phun sơn chống gỉ cho kết cấu thép và vỏ tàu.",
      "Làm đúng quy trình an toàn khi dùng sơn và dung môi.",
    ],
    skills: ["phun sơn", "phun cát", "pha sơn"],
    wage: [7 * M, 11 * M],
  },
  "71260": {
    titles: ["Thợ điện nước", "Thợ lắp đặt điện nước dân dụng"],
    duties: [
      "Lắp đặt, sửa chữa đường ống cấp thoát nước và thiết bị vệ sinh.",
      "Đi sửa chữa tại nhà khách hàng trong xã và các xã lân cận.",
    ],
    skills: ["lắp ống nước", "hàn ống nhiệt", "sửa máy bơm", "lắp thiết bị vệ sinh"],
    wage: [6 * M, 10 * M],
  },
  "71270": {
    titles: ["Thợ điện lạnh", "Thợ sửa chữa, lắp đặt điều hòa"],
    duties: [
      "Lắp đặt, vệ sinh và nạp gas điều hòa, tủ lạnh cho hộ gia đình.",
      "Kiểm tra, thay block, tụ điện và bo mạch hư hỏng.",
    ],
    skills: ["lắp điều hòa", "nạp gas", "vệ sinh máy lạnh", "sửa tủ lạnh"],
    wage: [6.5 * M, 12 * M],
  },
  "74110": {
    titles: ["Thợ điện dân dụng", "Thợ điện công trình", "Thợ lắp đặt điện nhà ở"],
    duties: [
      "Đi dây, lắp ổ cắm, công tắc, đèn và tủ điện cho nhà ở.",
      "Kiểm tra, sửa chữa sự cố điện tại nhà khách hàng.",
      "Tuân thủ quy định an toàn điện; có chứng chỉ nghề là lợi thế.",
    ],
    skills: ["đi dây điện", "lắp tủ điện", "đọc sơ đồ điện", "an toàn điện", "đồng hồ vạn năng"],
    wage: [6 * M, 10 * M],
    types: { full_time: 8, apprenticeship: 2 },
  },
  "74120": {
    titles: ["Thợ điện công nghiệp", "Thợ điện bảo trì nhà máy"],
    duties: [
      "Bảo trì, sửa chữa hệ thống điện, động cơ và tủ điều khiển trong nhà máy.",
      "Trực ca, ghi nhật ký vận hành và báo sự cố cho trưởng ca.",
    ],
    skills: ["bảo trì điện", "tủ điều khiển", "động cơ điện", "an toàn điện"],
    wage: [7 * M, 12 * M],
  },
  "74210": {
    titles: ["Thợ sửa điện thoại", "Kỹ thuật viên sửa chữa điện tử"],
    duties: ["Thay màn hình, pin, chân sạc và sửa lỗi phần mềm điện thoại.", "Tư vấn, báo giá cho khách tại quầy."],
    skills: ["thay màn hình", "thay pin", "hàn linh kiện", "cài phần mềm"],
    wage: [5 * M, 9 * M],
  },
  "75220": {
    titles: ["Thợ mộc", "Thợ mộc đồ gỗ nội thất", "Công nhân chà nhám, sơn đồ gỗ"],
    duties: ["Gia công, lắp ráp tủ, bàn ghế gỗ theo đơn hàng.", "Vận hành máy cưa, máy bào, máy chà nhám an toàn."],
    skills: ["máy cưa", "máy bào", "lắp ráp đồ gỗ", "sơn PU"],
    wage: [6 * M, 10 * M],
  },
  "75310": {
    titles: ["Thợ may đo", "Thợ may mẫu", "Thợ may áo dài, âu phục"],
    duties: ["Đo, cắt và may quần áo theo số đo của khách.", "Sửa chữa, chỉnh sửa quần áo may sẵn."],
    skills: ["đo cắt", "máy 1 kim", "sửa quần áo", "đọc rập"],
    wage: [5 * M, 9 * M],
  },
  "75360": {
    titles: ["Công nhân may mũ giày", "Công nhân giày da"],
    duties: ["May mũ giày, gò đế theo dây chuyền.", "Kiểm tra đường may, cắt chỉ thừa trước khi chuyển công đoạn."],
    skills: ["may mũ giày", "gò đế", "dán keo"],
    wage: [5.5 * M, 8.5 * M],
  },
  "75110": {
    titles: ["Công nhân chế biến thủy sản", "Công nhân sơ chế hải sản", "Công nhân chế biến thịt"],
    duties: [
      "Sơ chế, phân loại, cấp đông tôm cá theo ca.",
      "Làm trong xưởng lạnh, được phát ủng, găng tay, quần áo bảo hộ.",
    ],
    skills: ["sơ chế hải sản", "phân loại", "cấp đông", "vệ sinh an toàn thực phẩm"],
    wage: [5.5 * M, 8.5 * M],
    types: { full_time: 7, seasonal: 3 },
  },
  "75430": {
    titles: ["Nhân viên kiểm hàng (QC)", "Công nhân kiểm tra chất lượng sản phẩm"],
    duties: [
      "Kiểm tra đường may, kích thước, nhãn mác trên dây chuyền.",
      "Ghi phiếu lỗi và báo tổ trưởng để sửa kịp thời.",
    ],
    skills: ["kiểm hàng", "đọc thông số", "ghi chép"],
    wage: [5.5 * M, 8 * M],
  },
  "73170": {
    titles: ["Thợ đan mây tre", "Công nhân đan lát thủ công"],
    duties: ["Đan giỏ, khay, chao đèn mây tre xuất khẩu theo mẫu.", "Thạo việc có thể nhận hàng về làm tại nhà."],
    skills: ["đan mây", "đan tre", "xử lý nguyên liệu"],
    wage: [4 * M, 6.5 * M],
    types: { full_time: 5, part_time: 5 },
  },
  "81530": {
    titles: ["Công nhân may công nghiệp", "Công nhân may", "Công nhân may (nhận người chưa biết nghề)"],
    duties: [
      "May các công đoạn áo sơ mi, quần âu trên dây chuyền.",
      "Người chưa biết nghề được đào tạo 1–2 tháng có hưởng lương.",
      "Làm giờ hành chính, tăng ca tự nguyện được tính lương ngoài giờ.",
    ],
    skills: ["máy 1 kim", "máy vắt sổ", "đọc thông số", "may công đoạn"],
    wage: [5.5 * M, 9 * M],
    benefits: { accommodation: 0.4, social_insurance: 0.95, meals: 0.6 },
  },
  "81410": {
    titles: ["Công nhân vận hành máy ép nhựa", "Công nhân sản xuất bao bì nhựa"],
    duties: ["Đứng máy ép nhựa, lấy sản phẩm và cắt ba via.", "Làm 3 ca xoay vòng, có phụ cấp ca đêm."],
    skills: ["vận hành máy ép", "cắt ba via", "kiểm tra sản phẩm"],
    wage: [6 * M, 9 * M],
  },
  "81600": {
    titles: ["Công nhân vận hành máy chế biến", "Công nhân sơ chế, rang xay cà phê"],
    duties: [
      "Vận hành máy sấy, máy rang, máy đóng gói theo ca.",
      "Vệ sinh máy cuối ca theo quy trình an toàn thực phẩm.",
    ],
    skills: ["vận hành máy", "đóng gói", "vệ sinh an toàn thực phẩm"],
    wage: [5.5 * M, 8.5 * M],
  },
  "82190": {
    titles: ["Công nhân lắp ráp", "Công nhân lắp ráp linh kiện"],
    duties: [
      "Lắp ráp linh kiện, kiểm tra và đóng gói sản phẩm trên dây chuyền.",
      "Không yêu cầu kinh nghiệm, được đào tạo tại chỗ.",
    ],
    skills: ["lắp ráp", "đóng gói", "làm đúng quy trình"],
    wage: [5.5 * M, 8.5 * M],
  },
  "83210": {
    titles: ["Nhân viên giao hàng xe máy", "Giao hàng nội thành bằng xe máy"],
    duties: [
      "Nhận hàng tại kho và giao cho khách trong khu vực.",
      "Cần có xe máy và giấy phép lái xe hạng A1; được hỗ trợ tiền xăng.",
    ],
    skills: ["lái xe máy", "thuộc đường", "dùng ứng dụng giao hàng"],
    wage: [6 * M, 10 * M],
    types: { full_time: 6, part_time: 4 },
  },
  "83220": {
    titles: ["Lái xe ô tô con", "Tài xế xe 7 chỗ", "Lái xe đưa đón công nhân"],
    duties: ["Lái xe đưa đón khách, cán bộ công ty theo lịch.", "Giữ xe sạch sẽ, kiểm tra xe trước mỗi chuyến."],
    skills: ["bằng lái B", "lái xe an toàn", "thuộc đường"],
    wage: [7 * M, 11 * M],
    exclusion: DRIVING_EXCLUSION,
  },
  "83320": {
    titles: ["Lái xe tải", "Tài xế xe tải hạng C", "Lái xe tải giao hàng nội tỉnh"],
    duties: [
      "Lái xe tải chở hàng từ kho đến đại lý trong tỉnh và các tỉnh lân cận.",
      "Kiểm tra xe, ký nhận chứng từ giao hàng với khách.",
      "Cần giấy phép lái xe hạng C còn hiệu lực.",
    ],
    skills: ["bằng lái C", "lái xe tải", "giao nhận hàng"],
    wage: [8 * M, 14 * M],
    exclusion: DRIVING_EXCLUSION,
  },
  "83420": {
    titles: ["Lái máy xúc", "Thợ vận hành máy xúc, máy ủi"],
    duties: ["Vận hành máy xúc đào đất, san lấp mặt bằng công trình.", "Bảo dưỡng máy hằng ngày và ghi sổ ca máy."],
    skills: ["vận hành máy xúc", "chứng chỉ vận hành", "bảo dưỡng máy"],
    wage: [9 * M, 15 * M],
  },
  "83440": {
    titles: ["Lái xe nâng", "Công nhân vận hành xe nâng trong kho"],
    duties: [
      "Vận hành xe nâng bốc xếp pallet hàng hóa trong kho.",
      "Cần chứng chỉ vận hành xe nâng; chưa có được công ty hỗ trợ đi học.",
    ],
    skills: ["xe nâng", "xếp pallet", "chứng chỉ xe nâng"],
    wage: [7 * M, 11 * M],
  },
  "51200": {
    titles: ["Đầu bếp", "Đầu bếp món Việt", "Bếp chính nhà hàng", "Nấu ăn bếp ăn công nghiệp"],
    duties: [
      "Nấu các món cơm niêu, món kho, món xào cho khách nhà hàng.",
      "Lên thực đơn hằng ngày và kiểm tra nguyên liệu nhập vào.",
      "Giữ bếp sạch sẽ, đúng quy định vệ sinh an toàn thực phẩm.",
    ],
    skills: ["nấu món Việt", "sơ chế", "lên thực đơn", "vệ sinh an toàn thực phẩm"],
    wage: [6 * M, 12 * M],
    benefits: { meals: 0.95 },
  },
  "94120": {
    titles: ["Phụ bếp", "Phụ bếp, rửa bát", "Nhân viên sơ chế bếp"],
    duties: [
      "Sơ chế rau, thịt, cá và chuẩn bị nguyên liệu cho bếp chính.",
      "Rửa dụng cụ, dọn dẹp bếp sau mỗi ca.",
      "Không cần kinh nghiệm, được đầu bếp hướng dẫn tận tình.",
    ],
    skills: ["sơ chế", "rửa bát", "giữ vệ sinh bếp"],
    wage: [4.5 * M, 7 * M],
    types: { full_time: 6, part_time: 4 },
    benefits: { meals: 0.95 },
  },
  "51310": {
    titles: ["Nhân viên phục vụ nhà hàng", "Phục vụ bàn"],
    duties: ["Đón khách, ghi món, bưng bê và dọn bàn.", "Làm theo ca, ưu tiên người nhanh nhẹn, thân thiện."],
    skills: ["phục vụ bàn", "giao tiếp", "ghi món"],
    wage: [4.5 * M, 7 * M],
    types: { full_time: 5, part_time: 5 },
    benefits: { meals: 0.9 },
  },
  "51320": {
    titles: ["Nhân viên pha chế", "Pha chế cà phê, trà sữa"],
    duties: ["Pha chế cà phê, trà, nước ép theo công thức của quán.", "Được dạy công thức trong tuần đầu."],
    skills: ["pha chế", "máy pha cà phê", "giữ vệ sinh quầy"],
    wage: [4.5 * M, 7 * M],
    types: { full_time: 5, part_time: 5 },
  },
  "54140": {
    titles: ["Nhân viên bảo vệ", "Bảo vệ nhà xưởng", "Bảo vệ ca đêm"],
    duties: ["Trông giữ xe, kiểm soát người ra vào tại nhà máy.", "Tuần tra theo ca, ghi sổ giao ca."],
    skills: ["tuần tra", "ghi sổ", "phòng cháy chữa cháy cơ bản"],
    wage: [6 * M, 8.5 * M],
    exclusion: {
      categories: ["property", "violence"],
      reason:
        "Hợp đồng bảo vệ với khách hàng không cho bố trí người có án về xâm phạm sở hữu hoặc gây thương tích vào vị trí này.",
    },
  },
  "61110": {
    titles: ["Công nhân trồng rau", "Lao động trồng rau nhà kính", "Công nhân nhà kính trồng hoa, rau"],
    duties: [
      "Gieo trồng, tưới, bón phân và thu hoạch rau trong nhà kính.",
      "Làm theo hướng dẫn của kỹ sư nông nghiệp; được tập huấn VietGAP.",
    ],
    skills: ["gieo trồng", "tưới nhỏ giọt", "thu hoạch", "đóng gói rau"],
    wage: [5 * M, 7.5 * M],
    types: { full_time: 6, seasonal: 4 },
    benefits: { accommodation: 0.5 },
  },
  "61120": {
    titles: ["Công nhân chăm sóc cà phê", "Lao động hái cà phê", "Công nhân trồng, chăm sóc hồ tiêu"],
    duties: [
      "Làm cỏ, bón phân, tỉa cành và tưới nước cho vườn cây của hợp tác xã.",
      "Thu hái, phơi sấy nông sản trong mùa vụ; trả công theo sản lượng hoặc ngày công.",
      "Có lán trại cho người ở xa và hỗ trợ tiền ăn trong mùa thu hoạch.",
    ],
    skills: ["tỉa cành", "bón phân", "thu hoạch", "phơi sấy", "tưới nước"],
    wage: [5 * M, 8 * M],
    types: { full_time: 4, seasonal: 6 },
    benefits: { accommodation: 0.5, meals: 0.5 },
  },
  "61130": {
    titles: ["Nhân viên chăm sóc cây cảnh", "Công nhân làm vườn, cắt tỉa cây xanh"],
    duties: [
      "Chăm sóc, cắt tỉa cây cảnh và thảm cỏ trong khuôn viên.",
      "Ươm cây giống, thay chậu và tưới cây hằng ngày.",
    ],
    skills: ["cắt tỉa", "ươm cây", "tưới cây"],
    wage: [5 * M, 7.5 * M],
  },
  "61210": {
    titles: ["Công nhân chăn nuôi", "Công nhân trại heo", "Công nhân trại gà"],
    duties: [
      "Cho ăn, vệ sinh chuồng trại và theo dõi sức khỏe đàn vật nuôi.",
      "Tiêm phòng theo lịch dưới sự hướng dẫn của cán bộ thú y.",
      "Ở tại trại, được bao ăn ở.",
    ],
    skills: ["cho ăn", "vệ sinh chuồng trại", "tiêm phòng", "theo dõi vật nuôi"],
    wage: [5.5 * M, 9 * M],
    benefits: { accommodation: 0.7, meals: 0.6 },
  },
  "92110": {
    titles: ["Lao động nông nghiệp", "Lao động phổ thông nông trại"],
    duties: ["Làm cỏ, bón phân, thu hoạch nông sản theo phân công.", "Trả công theo ngày, có thể làm theo mùa vụ."],
    skills: ["làm cỏ", "thu hoạch", "bốc vác"],
    wage: [4.5 * M, 7 * M],
    types: { full_time: 4, seasonal: 6 },
  },
  "92120": {
    titles: ["Lao động chăn nuôi", "Phụ trại chăn nuôi"],
    duties: [
      "Dọn chuồng, chuẩn bị thức ăn và phụ giúp công nhân chăn nuôi.",
      "Không cần kinh nghiệm; được bao ăn ở tại trại.",
    ],
    skills: ["dọn chuồng", "chuẩn bị thức ăn"],
    wage: [4.5 * M, 7 * M],
    benefits: { accommodation: 0.8, meals: 0.8 },
  },
  "92160": {
    titles: ["Lao động phổ thông nuôi trồng thủy sản", "Công nhân phân loại hải sản"],
    duties: ["Cho tôm cá ăn, kiểm tra ao nuôi và phụ giúp thu hoạch.", "Phân loại, rửa và xếp hải sản vào thùng đá."],
    skills: ["cho ăn", "kiểm tra ao", "phân loại hải sản"],
    wage: [5 * M, 7.5 * M],
  },
  "93210": {
    titles: ["Công nhân đóng gói", "Công nhân đóng gói sản phẩm"],
    duties: ["Đóng gói, dán nhãn và xếp thùng thành phẩm.", "Việc nhẹ, phù hợp cả nam và nữ; không cần kinh nghiệm."],
    skills: ["đóng gói", "dán nhãn", "kiểm đếm"],
    wage: [5 * M, 7.5 * M],
    types: { full_time: 7, part_time: 3 },
  },
  "93290": {
    titles: ["Lao động phổ thông", "Công nhân sản xuất", "Công nhân phụ xưởng"],
    duties: [
      "Phụ các công đoạn sản xuất, vận chuyển nguyên liệu trong xưởng.",
      "Được hướng dẫn tại chỗ; chăm chỉ sẽ được lên thợ chính.",
    ],
    skills: ["bốc xếp", "vận chuyển nội bộ", "dọn dẹp"],
    wage: [5 * M, 7.5 * M],
  },
  "93330": {
    titles: ["Công nhân bốc xếp", "Nhân viên bốc xếp kho", "Bốc xếp hàng hóa tại cảng"],
    duties: ["Bốc xếp hàng hóa lên xuống xe container, xe tải.", "Sắp xếp hàng trong kho theo hướng dẫn của thủ kho."],
    skills: ["bốc xếp", "sắp xếp kho", "sức khỏe tốt"],
    wage: [6 * M, 9 * M],
    types: { full_time: 7, part_time: 3 },
  },
  "43210": {
    titles: ["Nhân viên kho", "Thủ kho", "Nhân viên kiểm đếm hàng hóa"],
    duties: ["Nhập, xuất hàng và kiểm đếm số lượng theo phiếu.", "Ghi sổ, nhập số liệu vào phần mềm quản lý kho."],
    skills: ["kiểm đếm", "ghi sổ", "phần mềm kho", "sắp xếp kho"],
    wage: [6 * M, 9 * M],
  },
  "91120": {
    titles: ["Nhân viên vệ sinh công nghiệp", "Tạp vụ", "Nhân viên vệ sinh tòa nhà"],
    duties: [
      "Lau dọn văn phòng, hành lang, nhà vệ sinh theo ca.",
      "Dùng máy chà sàn và hóa chất tẩy rửa đúng hướng dẫn.",
    ],
    skills: ["lau dọn", "máy chà sàn", "hóa chất tẩy rửa"],
    wage: [5 * M, 7 * M],
    types: { full_time: 6, part_time: 4 },
  },
  "91210": {
    titles: ["Nhân viên giặt là", "Công nhân giặt ủi"],
    duties: [
      "Giặt, sấy, là ga gối và đồng phục cho khách sạn.",
      "Phân loại đồ giặt và kiểm tra vết bẩn trước khi giặt.",
    ],
    skills: ["giặt máy", "là ủi", "phân loại đồ giặt"],
    wage: [4.8 * M, 7 * M],
  },
  "91220": {
    titles: ["Nhân viên rửa xe", "Thợ rửa xe, chăm sóc xe"],
    duties: ["Rửa xe máy, ô tô bằng máy xịt áp lực, hút bụi nội thất.", "Làm theo ca, có thưởng theo số xe."],
    skills: ["rửa xe", "hút bụi", "đánh bóng"],
    wage: [4.5 * M, 7 * M],
    types: { full_time: 6, part_time: 4 },
  },
  "96210": {
    titles: ["Nhân viên giao hàng", "Nhân viên chuyển phát", "Nhân viên giao nhận bưu phẩm"],
    duties: ["Nhận bưu phẩm tại bưu cục và giao đến tận tay người nhận.", "Thu tiền hộ (COD) và nộp lại cuối ngày."],
    skills: ["lái xe máy", "thuộc đường", "dùng điện thoại thông minh"],
    wage: [6 * M, 10 * M],
    types: { full_time: 6, part_time: 4 },
  },
};

const FAIR_CHANCE_LINES = [
  "Chào đón người đã chấp hành xong án phạt tù muốn làm lại cuộc sống.",
  "Đơn vị đã ký cam kết cơ hội công bằng: không phân biệt người từng có án.",
];
const BENEFIT_LINES: Record<JobBenefit, string[]> = {
  meals: ["Bao cơm trưa tại chỗ.", "Được bao ăn trưa và ăn tối."],
  accommodation: ["Có phòng ở miễn phí cho người ở xa.", "Hỗ trợ chỗ ở tại nhà tập thể."],
  social_insurance: ["Ký hợp đồng lao động và đóng bảo hiểm xã hội đầy đủ."],
};
const GENERAL_LINES = [
  "Làm 8 tiếng mỗi ngày, nghỉ Chủ nhật.",
  "Lương trả đúng hạn vào ngày 10 hằng tháng.",
  "Thử việc 1 tháng, hưởng đủ lương.",
  "Ưu tiên người ở gần nơi làm việc.",
];
const EXPERIENCE = [
  "",
  "Không cần kinh nghiệm.",
  "Có kinh nghiệm từ 6 tháng là lợi thế.",
  "Đã học nghề sơ cấp hoặc có tay nghề tương đương.",
  "Chưa có kinh nghiệm sẽ được hướng dẫn.",
];

// ---------------------------------------------------------------------------------------------------
// Courses: what a training intake of each trade looks like
// ---------------------------------------------------------------------------------------------------

type LevelCode = "short_course" | "so_cap" | "trung_cap" | "cao_dang";
type Course = {
  titles: string[];
  levels: [LevelCode, number, number][];
  lines: string[];
  /** Jobs a graduate can take (for training_leads_to_job). */
  leadsTo: string[];
};

export const COURSES: Record<string, Course> = {
  "72311": {
    titles: ["Sửa chữa xe máy", "Sửa chữa, bảo dưỡng xe máy", "Sửa chữa xe máy phun xăng điện tử"],
    levels: [
      ["short_course", 8, 12],
      ["so_cap", 13, 24],
    ],
    lines: [
      "Học viên thực hành tháo lắp động cơ, hệ thống điện và phanh trên xe số, xe tay ga.",
      "Thời gian thực hành chiếm 80% chương trình, lớp ít người.",
    ],
    leadsTo: ["72311"],
  },
  "72120": {
    titles: ["Hàn điện cơ bản", "Hàn công nghệ cao (MIG/MAG)", "Kỹ thuật hàn"],
    levels: [
      ["short_course", 8, 12],
      ["so_cap", 13, 26],
      ["trung_cap", 52, 78],
    ],
    lines: [
      "Thực hành hàn que, hàn CO2 ở các tư thế hàn bằng, hàn đứng, hàn ngang.",
      "Học viên được phát đồ bảo hộ và vật tư thực hành.",
    ],
    leadsTo: ["72120", "72140"],
  },
  "81530": {
    titles: ["May công nghiệp", "May công nghiệp theo đơn đặt hàng doanh nghiệp", "May dân dụng"],
    levels: [
      ["short_course", 6, 12],
      ["so_cap", 13, 20],
    ],
    lines: [
      "Học sử dụng máy 1 kim, máy vắt sổ và may hoàn chỉnh áo sơ mi, quần âu.",
      "Lớp học ngay tại xưởng của doanh nghiệp đối tác.",
    ],
    leadsTo: ["81530", "75310", "75360"],
  },
  "51200": {
    titles: ["Kỹ thuật chế biến món ăn", "Nấu ăn nhà hàng", "Nấu ăn gia đình và bếp ăn tập thể"],
    levels: [
      ["short_course", 8, 12],
      ["so_cap", 13, 24],
      ["trung_cap", 52, 78],
    ],
    lines: [
      "Học sơ chế, cắt tỉa, nấu các món ăn Việt thông dụng và món tiệc.",
      "Có phần an toàn vệ sinh thực phẩm và tính giá thành món ăn.",
    ],
    leadsTo: ["51200", "94120"],
  },
  "74110": {
    titles: ["Điện dân dụng", "Lắp đặt điện nhà ở", "Điện dân dụng và điện nước"],
    levels: [
      ["short_course", 10, 12],
      ["so_cap", 13, 26],
      ["trung_cap", 52, 104],
    ],
    lines: [
      "Học đi dây, lắp bảng điện, tủ điện và sửa chữa thiết bị điện gia đình.",
      "Chú trọng an toàn điện; thực hành trên mô hình nhà ở.",
    ],
    leadsTo: ["74110", "71260", "74120"],
  },
  "74120": {
    titles: ["Điện công nghiệp"],
    levels: [
      ["trung_cap", 78, 104],
      ["cao_dang", 104, 130],
    ],
    lines: [
      "Học lắp đặt, vận hành và bảo trì hệ thống điện, động cơ trong nhà máy.",
      "Thực tập tại doanh nghiệp trong học kỳ cuối.",
    ],
    leadsTo: ["74120", "74110"],
  },
  "71270": {
    titles: ["Sửa chữa điện lạnh", "Lắp đặt, sửa chữa điều hòa"],
    levels: [
      ["short_course", 8, 12],
      ["so_cap", 13, 20],
    ],
    lines: [
      "Học lắp đặt, vệ sinh, nạp gas và sửa chữa điều hòa, tủ lạnh.",
      "Thực hành trên máy thật do trung tâm trang bị.",
    ],
    leadsTo: ["71270"],
  },
  "72310": {
    titles: ["Công nghệ ô tô", "Bảo dưỡng, sửa chữa ô tô"],
    levels: [
      ["so_cap", 13, 26],
      ["cao_dang", 104, 130],
    ],
    lines: [
      "Học bảo dưỡng động cơ, gầm, hệ thống điện ô tô trên xưởng thực hành.",
      "Thực tập tại gara đối tác trước khi tốt nghiệp.",
    ],
    leadsTo: ["72310", "72130"],
  },
  "83320": {
    titles: ["Đào tạo lái xe ô tô hạng C1", "Lái xe tải hạng C"],
    levels: [["so_cap", 16, 22]],
    lines: [
      "Học luật giao thông, cấu tạo xe và thực hành lái trên sân tập, đường trường.",
      "Trung tâm tổ chức sát hạch cấp giấy phép lái xe cuối khóa.",
    ],
    leadsTo: ["83320", "83220"],
  },
  "61120": {
    titles: ["Kỹ thuật trồng và chăm sóc cà phê", "Trồng, chăm sóc hồ tiêu"],
    levels: [["short_course", 4, 8]],
    lines: [
      "Học chọn giống, bón phân, tỉa cành, phòng trừ sâu bệnh và thu hái đúng kỹ thuật.",
      "Học thực hành ngay tại vườn của hợp tác xã.",
    ],
    leadsTo: ["61120", "92110"],
  },
  "61210": {
    titles: ["Kỹ thuật chăn nuôi gia cầm", "Chăn nuôi heo an toàn sinh học"],
    levels: [["short_course", 4, 10]],
    lines: [
      "Học làm chuồng, phối trộn thức ăn và phòng bệnh cho vật nuôi.",
      "Cuối khóa có tư vấn vay vốn để tự chăn nuôi tại gia đình.",
    ],
    leadsTo: ["61210", "92120"],
  },
  "71120": {
    titles: ["Kỹ thuật xây dựng – nề hoàn thiện", "Nề, ốp lát"],
    levels: [
      ["short_course", 8, 12],
      ["so_cap", 13, 20],
    ],
    lines: [
      "Học xây, trát, ốp lát và đọc bản vẽ nhà ở đơn giản.",
      "Thực hành tại công trình của doanh nghiệp xây dựng đối tác.",
    ],
    leadsTo: ["71120", "71220", "93130"],
  },
  "51410": {
    titles: ["Cắt tóc nam", "Cắt tóc, uốn nhuộm"],
    levels: [
      ["short_course", 8, 12],
      ["so_cap", 13, 20],
    ],
    lines: [
      "Học các kiểu cắt tóc nam nữ cơ bản, gội, uốn, nhuộm.",
      "Cuối khóa được hỗ trợ dụng cụ để mở tiệm nhỏ tại nhà.",
    ],
    leadsTo: ["51410"],
  },
  "74210": {
    titles: ["Sửa chữa điện thoại di động"],
    levels: [["short_course", 8, 12]],
    lines: [
      "Học thay màn hình, pin, chân sạc và xử lý lỗi phần mềm thường gặp.",
      "Thực hành trên máy thật, mỗi học viên một bàn sửa.",
    ],
    leadsTo: ["74210"],
  },
  "51310": {
    titles: ["Nghiệp vụ phục vụ nhà hàng", "Phục vụ bàn và đón tiếp khách"],
    levels: [["short_course", 4, 10]],
    lines: ["Học chào đón khách, ghi món, bày bàn và phục vụ tiệc.", "Thực tập tại nhà hàng, khách sạn đối tác."],
    leadsTo: ["51310", "51320"],
  },
  "75220": {
    titles: ["Mộc dân dụng", "Mộc mỹ nghệ"],
    levels: [["so_cap", 13, 24]],
    lines: [
      "Học dùng máy cưa, bào, đục và làm bàn ghế, tủ gỗ hoàn chỉnh.",
      "Sản phẩm học viên làm ra được xưởng đối tác thu mua.",
    ],
    leadsTo: ["75220"],
  },
  "83440": {
    titles: ["Vận hành xe nâng hàng"],
    levels: [["short_course", 2, 4]],
    lines: [
      "Học cấu tạo, vận hành an toàn xe nâng và xếp dỡ pallet.",
      "Cấp chứng chỉ vận hành xe nâng sau khi đạt kiểm tra.",
    ],
    leadsTo: ["83440", "93330"],
  },
};

const TRAINING_SUPPORT_LINES: Record<TrainingSupport, string> = {
  free: "Học miễn phí theo chương trình đào tạo nghề của tỉnh.",
  fee_waiver:
    "Người đã chấp hành xong án phạt tù được miễn, giảm học phí theo chính sách hỗ trợ tái hòa nhập cộng đồng.",
  boarding: "Có ký túc xá miễn phí cho học viên ở xa.",
  meals: "Hỗ trợ tiền ăn trong thời gian học.",
  stipend: "Hỗ trợ tiền đi lại 30.000 đồng mỗi ngày học.",
};
const TRAINING_LINES = [
  "Có thể vay vốn Ngân hàng Chính sách xã hội đến 4 triệu đồng/tháng để học nghề.",
  "Cuối khóa được cấp chứng chỉ và giới thiệu việc làm.",
  "Không yêu cầu bằng cấp đầu vào; biết đọc, biết viết là học được.",
];
const SCHEDULES = [
  "Sáng thứ Hai đến thứ Sáu (7h30–11h30)",
  "Chiều thứ Hai đến thứ Bảy (13h30–17h00)",
  "Cả ngày, nghỉ Chủ nhật",
  "Buổi tối 18h00–21h00, 5 buổi mỗi tuần",
  "Thứ Bảy và Chủ nhật hằng tuần",
];
const LEVEL_SUFFIX: Record<LevelCode, string> = {
  short_course: "",
  so_cap: " – sơ cấp",
  trung_cap: " – trung cấp",
  cao_dang: " – cao đẳng",
};
const COST_BY_LEVEL: Record<LevelCode, [number, number]> = {
  short_course: [1.5 * M, 4.5 * M],
  so_cap: [3 * M, 8 * M],
  trung_cap: [8 * M, 16 * M],
  cao_dang: [12 * M, 25 * M],
};

// ---------------------------------------------------------------------------------------------------
// The generators (pure: same inputs and seed, same rows)
// ---------------------------------------------------------------------------------------------------

export type GenEmployer = {
  id: string;
  kind: OrganizationKind;
  fairChance: boolean;
  place: Place;
  address: string;
  /** Occupation codes (keys of TRADES) this employer hires for. */
  trades: string[];
  /** Local wording of titles for a trade ("hái chè" rather than "hái cà phê"). */
  titles?: Record<string, string[]>;
};
export type GenProvider = { id: string; place: Place; address: string; courses: string[] };
/** The monthly regional minimum wage of a place (0 when unknown). */
export type MinimumWageLookup = (provinceCode: string, communeCode: string) => number;

type GenCommon = {
  count: number;
  seed: number;
  /** The seed day (YYYY-MM-DD, Vietnam) and instant: dates are spread from here. */
  today: string;
  now: Date;
  /** Other communes work may be in (construction sites, farms, mobile classes). */
  places: Map<string, Place[]>;
  /** One in this many rows is not open (draft, filled, closed or expired); 0 for none. */
  notOpenEvery?: number;
};

const OPENINGS: Record<OrganizationKind, [number, number]> = {
  household_business: [1, 2],
  workshop: [1, 4],
  cooperative: [2, 15],
  company: [2, 20],
  training_centre: [1, 1],
  school: [1, 1],
  police: [1, 1],
};
const KIND_WEIGHT: Record<OrganizationKind, number> = {
  company: 8,
  cooperative: 5,
  workshop: 4,
  household_business: 3,
  training_centre: 0,
  school: 0,
  police: 0,
};

function publishedBefore(rng: Rng, now: Date, maxDays: number): Date {
  return new Date(now.getTime() - int(rng, 0, maxDays) * DAY_MS - int(rng, 0, 20) * 3_600_000);
}

/** Wages for a trade at a place: scaled by the zone, pro rata for part time, never under the minimum for full time. */
function wages(rng: Rng, trade: Trade, type: EmploymentType, minimum: number): { wageMin: number; wageMax: number } {
  const zoneFactor = minimum ? Math.min(1.28, Math.max(0.9, minimum / 4_140_000)) : 1;
  const [lo, hi] = [trade.wage[0] * zoneFactor, trade.wage[1] * zoneFactor];
  let wageMin = round(lo + rng() * (hi - lo) * 0.4);
  let wageMax = rng() < 0.1 ? wageMin : round(wageMin + (hi - lo) * (0.3 + rng() * 0.5));
  if (type === "part_time") [wageMin, wageMax] = [round(wageMin * 0.55), round(wageMax * 0.55)];
  if (type === "apprenticeship") [wageMin, wageMax] = [round(lo * 0.8), round(lo)];
  if ((type === "full_time" || type === "apprenticeship") && wageMin < minimum)
    wageMin = Math.ceil(minimum / 10_000) * 10_000;
  return { wageMin, wageMax: Math.max(wageMin, wageMax) };
}

function jobTitle(base: string, type: EmploymentType): string {
  if (type === "apprenticeship") return `Học việc ${base.charAt(0).toLocaleLowerCase("vi")}${base.slice(1)} (có lương)`;
  if (type === "part_time") return `${base} (bán thời gian)`;
  if (type === "seasonal" && !base.includes("thời vụ")) return `${base} (thời vụ)`;
  return base;
}

/**
 * N jobs for these employers: every employer first gets one job per trade it hires for, then the rest
 * are spread by organisation size. Dates fall 2–90 days after `today`; one in `notOpenEvery` is a draft,
 * filled, closed or expired job.
 */
export function generateJobs(
  options: GenCommon & { employers: GenEmployer[]; minimumWage: MinimumWageLookup },
): JobInsert[] {
  const { employers, count, today, now } = options;
  const rng = mulberry32(options.seed);
  const plan: [GenEmployer, string][] = employers.flatMap((e) => e.trades.map((t) => [e, t] as [GenEmployer, string]));
  const weights = employers.map((e) => KIND_WEIGHT[e.kind] + e.trades.length);
  const totalWeight = weights.reduce((s, w) => s + w, 0);
  while (plan.length < count) {
    let r = rng() * totalWeight;
    const e = employers[weights.findIndex((w) => (r -= w) < 0)] ?? employers[0];
    plan.push([e, pick(rng, e.trades)]);
  }
  const rows: JobInsert[] = [];
  for (let i = 0; i < count; i++) {
    const [employer, code] = plan[i];
    const trade = TRADES[code];
    if (!trade) throw new Error(`No trade template for occupation ${code}`);
    const type = weighted(rng, trade.types ?? { full_time: 1 });
    // Construction sites, farms and drivers' routes are often elsewhere in the province.
    const offSite = /^(71|93|61|92|83)/.test(code) && rng() < 0.35;
    const where = offSite
      ? pick(rng, options.places.get(employer.place.provinceCode) ?? [employer.place])
      : employer.place;
    const address = offSite ? streetAddress(rng, where) : employer.address;
    const { wageMin, wageMax } = wages(rng, trade, type, options.minimumWage(where.provinceCode, where.code));
    const benefitOdds: Record<JobBenefit, number> = {
      meals: 0.35,
      accommodation: 0.2,
      social_insurance: employer.kind === "company" ? 0.85 : 0.25,
      ...trade.benefits,
    };
    const benefits = (Object.keys(benefitOdds) as JobBenefit[]).filter((b) => rng() < benefitOdds[b]);
    const extras = [
      ...(employer.fairChance ? [pick(rng, FAIR_CHANCE_LINES)] : []),
      ...benefits.filter(() => rng() < 0.6).map((b) => pick(rng, BENEFIT_LINES[b])),
      pick(rng, GENERAL_LINES),
    ];
    const duties = sample(rng, trade.duties, int(rng, 1, 2));
    const description = [...duties, ...extras.slice(0, 4 - duties.length)].join(" ");
    const [minOpen, maxOpen] = OPENINGS[employer.kind];
    const exclusion = trade.exclusion && rng() < 0.7 ? trade.exclusion : undefined;
    const closeIn = int(rng, 2, 90);
    const publishedAt = publishedBefore(rng, now, 30);
    const row: JobInsert = {
      id: uuid(rng),
      organizationId: employer.id,
      title: jobTitle(pick(rng, employer.titles?.[code] ?? trade.titles), type),
      occupationCode: code,
      description,
      provinceCode: where.provinceCode,
      communeCode: where.code,
      workplaceAddress: address,
      wageMin,
      wageMax,
      employmentType: type,
      openings: type === "seasonal" ? int(rng, minOpen, maxOpen * 2) : int(rng, minOpen, maxOpen),
      skills: sample(rng, trade.skills, int(rng, 2, 4)),
      experience: pick(rng, EXPERIENCE),
      benefits,
      startsAt: rng() < 0.4 ? null : addDays(today, int(rng, 3, closeIn + 14)),
      closesAt: addDays(today, closeIn),
      excludedOffenceCategories: exclusion?.categories ?? [],
      exclusionReason: exclusion?.reason ?? "",
      status: "open",
      publishedAt,
      createdAt: new Date(publishedAt.getTime() - int(rng, 0, 3) * DAY_MS),
      updatedAt: publishedAt,
    };
    const every = options.notOpenEvery ?? 0;
    if (every && i % every === every - 1) {
      const state = (["draft", "filled", "closed", "expired"] as const)[Math.floor(i / every) % 4];
      if (state === "draft") Object.assign(row, { status: "draft", publishedAt: null, updatedAt: row.createdAt });
      if (state === "filled") Object.assign(row, { status: "filled", closedReason: "filled" });
      if (state === "closed") Object.assign(row, { status: "closed", closedReason: "closed" });
      if (state === "expired") {
        const closed = addDays(today, -int(rng, 1, 30));
        const published = new Date(new Date(`${closed}T03:00:00Z`).getTime() - 30 * DAY_MS);
        Object.assign(row, {
          status: "closed",
          closedReason: "expired",
          closesAt: closed,
          startsAt: null,
          publishedAt: published,
          createdAt: published,
          updatedAt: published,
        });
      }
    }
    rows.push(row);
  }
  return rows;
}

/**
 * M course intakes for these providers: each provider first gets one intake per course it teaches. Some
 * are free, some waive fees, some give boarding or meals; a quarter of short courses are mobile classes
 * held in a village hall elsewhere in the province.
 */
export function generateTrainings(options: GenCommon & { providers: GenProvider[] }): TrainingInsert[] {
  const { providers, count, today, now } = options;
  const rng = mulberry32(options.seed);
  const plan: [GenProvider, string][] = providers.flatMap((p) => p.courses.map((c) => [p, c] as [GenProvider, string]));
  while (plan.length < count) {
    const p = pick(rng, providers);
    plan.push([p, pick(rng, p.courses)]);
  }
  const rows: TrainingInsert[] = [];
  for (let i = 0; i < count; i++) {
    const [provider, code] = plan[i];
    const course = COURSES[code];
    if (!course) throw new Error(`No course template for occupation ${code}`);
    const [level, minWeeks, maxWeeks] = pick(rng, course.levels);
    const durationWeeks = int(rng, minWeeks, maxWeeks);
    const r = rng();
    const funding =
      level === "cao_dang" ? (r < 0.5 ? "fee_waiver" : "paid") : r < 0.35 ? "free" : r < 0.65 ? "fee_waiver" : "paid";
    const [costLo, costHi] = COST_BY_LEVEL[level];
    const costVnd = funding === "free" ? 0 : round(costLo + rng() * (costHi - costLo));
    const support: TrainingSupport[] = [
      ...(funding === "free" ? (["free"] as const) : funding === "fee_waiver" ? (["fee_waiver"] as const) : []),
      ...(rng() < 0.3 ? (["boarding"] as const) : []),
      ...(rng() < 0.4 ? (["meals"] as const) : []),
      ...(rng() < 0.2 ? (["stipend"] as const) : []),
    ];
    const mobile = level === "short_course" && rng() < 0.25;
    const where = mobile
      ? pick(rng, options.places.get(provider.place.provinceCode) ?? [provider.place])
      : provider.place;
    const lines = [
      ...sample(rng, course.lines, int(rng, 1, 2)),
      ...support.slice(0, 1).map((s) => TRAINING_SUPPORT_LINES[s]),
      ...(mobile ? ["Lớp mở tại nhà văn hóa thôn, học viên không phải đi xa."] : [pick(rng, TRAINING_LINES)]),
    ];
    const deadlineIn = int(rng, 2, 90);
    const publishedAt = publishedBefore(rng, now, 30);
    const row: TrainingInsert = {
      id: uuid(rng),
      organizationId: provider.id,
      title: `${pick(rng, course.titles)}${LEVEL_SUFFIX[level]}`,
      occupationCode: code,
      levelCode: level,
      description: lines.slice(0, 4).join(" "),
      durationWeeks,
      schedule: pick(rng, SCHEDULES),
      applicationDeadline: addDays(today, deadlineIn),
      startsAt: addDays(today, deadlineIn + int(rng, 3, 21)),
      seats: level === "short_course" || level === "so_cap" ? int(rng, 15, 35) : int(rng, 25, 45),
      costVnd,
      support,
      provinceCode: where.provinceCode,
      communeCode: where.code,
      address: mobile ? villageHall(rng, where) : provider.address,
      status: "open",
      publishedAt,
      createdAt: publishedAt,
      updatedAt: publishedAt,
    };
    const every = options.notOpenEvery ?? 0;
    if (every && i % every === every - 1) {
      if (Math.floor(i / every) % 2 === 0) Object.assign(row, { status: "draft", publishedAt: null });
      else Object.assign(row, { status: "closed", closedReason: "closed" });
    }
    rows.push(row);
  }
  return rows;
}

/** Link some open intakes to open partner jobs in the same province that the course prepares for. */
export function linkTrainingsToJobs(
  trainings: Pick<TrainingInsert, "id" | "occupationCode" | "provinceCode" | "status">[],
  jobs: Pick<JobInsert, "id" | "occupationCode" | "provinceCode" | "status">[],
  seed: number,
  share = 0.6,
): { trainingSlotId: string; jobId: string }[] {
  const rng = mulberry32(seed);
  const openJobs = new Map<string, string[]>();
  for (const j of jobs) {
    if (j.status !== "open") continue;
    const key = `${j.provinceCode}|${j.occupationCode}`;
    if (!openJobs.has(key)) openJobs.set(key, []);
    openJobs.get(key)!.push(j.id!);
  }
  const links: { trainingSlotId: string; jobId: string }[] = [];
  for (const t of trainings) {
    if (t.status !== "open" || rng() >= share) continue;
    const candidates = (COURSES[t.occupationCode]?.leadsTo ?? [t.occupationCode]).flatMap(
      (c) => openJobs.get(`${t.provinceCode}|${c}`) ?? [],
    );
    for (const jobId of sample(rng, candidates, int(rng, 1, 3))) links.push({ trainingSlotId: t.id!, jobId });
  }
  return links;
}

// ---------------------------------------------------------------------------------------------------
// The demo's organisations
// ---------------------------------------------------------------------------------------------------

type OrgSpec = {
  name: string;
  kind: OrganizationKind;
  commune: string;
  address: string;
  about: string;
  pledge?: boolean;
  stance: RecordStance;
  /** Employers: occupations hired for; providers: courses taught. */
  trades: string[];
  titles?: Record<string, string[]>;
};

const EMPLOYERS: OrgSpec[] = [
  // Phú Thọ
  {
    name: "Công ty TNHH May mặc Hưng Phát Phú Thọ",
    kind: "company",
    commune: "07900",
    address: "Lô C2, Khu công nghiệp Thụy Vân",
    about: "Xưởng may gia công hàng xuất khẩu, khoảng 400 công nhân.",
    pledge: true,
    stance: "case_by_case",
    trades: ["81530", "75430", "93210"],
  },
  {
    name: "Hợp tác xã Chè Long Cốc",
    kind: "cooperative",
    commune: "08620",
    address: "Khu 6",
    about: "Hợp tác xã trồng và chế biến chè búp trên đồi Long Cốc.",
    pledge: true,
    stance: "yes",
    trades: ["61120", "92110"],
    titles: { "61120": ["Công nhân chăm sóc, hái chè", "Lao động hái chè", "Công nhân chăm sóc vườn chè"] },
  },
  {
    name: "Xưởng mộc Đức Thịnh",
    kind: "workshop",
    commune: "08494",
    address: "Khu 3",
    about: "Xưởng đóng đồ gỗ nội thất theo đơn đặt hàng.",
    stance: "yes",
    trades: ["75220", "93290"],
  },
  {
    name: "Nhà hàng Cơm niêu Hương Quê",
    kind: "household_business",
    commune: "07954",
    address: "Số 28 đường Lê Lợi",
    about: "Nhà hàng cơm niêu, món quê, phục vụ khách đoàn và cỗ cưới.",
    pledge: true,
    stance: "yes",
    trades: ["51200", "94120", "51310"],
  },
  {
    name: "Công ty Cổ phần Xây dựng Lương Sơn",
    kind: "company",
    commune: "04924",
    address: "Tiểu khu 4",
    about: "Thi công nhà ở, trường học và đường giao thông nông thôn.",
    stance: "case_by_case",
    trades: ["71120", "93130", "71140"],
  },
  // Lâm Đồng
  {
    name: "Hợp tác xã Cà phê Nâm Nung",
    kind: "cooperative",
    commune: "24703",
    address: "Thôn 3",
    about: "Hợp tác xã cà phê, hồ tiêu của đồng bào M'nông và Kinh.",
    pledge: true,
    stance: "yes",
    trades: ["61120", "92110", "61210"],
  },
  {
    name: "Xưởng cơ khí Minh Phát",
    kind: "workshop",
    commune: "24688",
    address: "Thôn 5, Quốc lộ 28",
    about: "Gia công cửa sắt, nhà khung thép, máy nông nghiệp.",
    pledge: true,
    stance: "case_by_case",
    trades: ["72120", "72140", "72230"],
  },
  {
    name: "Công ty TNHH Rau hoa Đà Lạt Xanh",
    kind: "company",
    commune: "24846",
    address: "Số 45 đường Mai Anh Đào",
    about: "Trồng rau, hoa nhà kính theo chuẩn VietGAP.",
    stance: "case_by_case",
    trades: ["61110", "93210", "61130"],
  },
  {
    name: "Khách sạn Hoa Sơn Đà Lạt",
    kind: "company",
    commune: "24781",
    address: "Số 12 đường Trần Quốc Toản",
    about: "Khách sạn 80 phòng gần hồ Xuân Hương.",
    stance: "case_by_case",
    trades: ["51200", "94120", "91120", "91210"],
  },
  {
    name: "Công ty TNHH Vận tải Bảo Lộc",
    kind: "company",
    commune: "24823",
    address: "Số 86 đường Trần Phú",
    about: "Vận tải hàng nông sản, chè và cà phê đi các tỉnh.",
    stance: "case_by_case",
    trades: ["83320", "83440", "93330", "43210"],
  },
  {
    name: "Hộ kinh doanh Điện nước Thành Công",
    kind: "household_business",
    commune: "24958",
    address: "Thôn 7",
    about: "Nhận lắp đặt, sửa chữa điện nước, điện lạnh dân dụng.",
    pledge: true,
    stance: "yes",
    trades: ["74110", "71260", "71270"],
  },
  // Thanh Hóa
  {
    name: "Công ty TNHH May mặc Việt Tiến Thanh Hóa",
    kind: "company",
    commune: "16228",
    address: "Cụm công nghiệp Bến Sung",
    about: "Nhà máy may hàng xuất khẩu, hơn 1.000 lao động địa phương.",
    pledge: true,
    stance: "case_by_case",
    trades: ["81530", "75310", "75430", "93210"],
  },
  {
    name: "Công ty TNHH Giày da Bỉm Sơn",
    kind: "company",
    commune: "14812",
    address: "Khu công nghiệp Bỉm Sơn",
    about: "Sản xuất giày thể thao xuất khẩu.",
    stance: "case_by_case",
    trades: ["75360", "81530", "82190"],
  },
  {
    name: "Công ty Cổ phần Xây lắp Nghi Sơn",
    kind: "company",
    commune: "16654",
    address: "Số 56 đường Tôn Đức Thắng",
    about: "Xây lắp công trình công nghiệp trong khu kinh tế Nghi Sơn.",
    stance: "case_by_case",
    trades: ["71120", "93130", "71140", "83420", "72120"],
  },
  {
    name: "Nhà hàng Hải sản Biển Xanh Sầm Sơn",
    kind: "household_business",
    commune: "16531",
    address: "Số 5 đường Hồ Xuân Hương",
    about: "Nhà hàng hải sản ven biển, đông khách mùa hè.",
    stance: "yes",
    trades: ["51200", "94120", "51310"],
  },
  {
    name: "Hợp tác xã Nông nghiệp Xuân Du",
    kind: "cooperative",
    commune: "16234",
    address: "Thôn 2",
    about: "Trồng rau màu, nuôi gà đồi và cung ứng vật tư nông nghiệp.",
    pledge: true,
    stance: "yes",
    trades: ["61110", "61210", "92110", "92120"],
  },
  {
    name: "Công ty TNHH Cơ khí Hạc Thành",
    kind: "company",
    commune: "14797",
    address: "Số 120 đường Bà Triệu",
    about: "Cơ khí chế tạo và sửa chữa ô tô tải.",
    stance: "no",
    trades: ["72120", "72230", "74120", "72310"],
  },
  // Hải Phòng
  {
    name: "Công ty Cổ phần Logistics Cảng Hải An",
    kind: "company",
    commune: "11413",
    address: "Số 208 đường Đình Vũ",
    about: "Kho bãi và vận chuyển container sau cảng.",
    stance: "no",
    trades: ["93330", "83440", "83320", "43210"],
  },
  {
    name: "Công ty TNHH Đóng tàu Thủy Nguyên",
    kind: "company",
    commune: "11560",
    address: "Tổ dân phố 9",
    about: "Đóng mới và sửa chữa tàu vận tải sông biển.",
    pledge: true,
    stance: "case_by_case",
    trades: ["72120", "72140", "71320", "74120"],
  },
  {
    name: "Xưởng sửa chữa ô tô Kiến An",
    kind: "workshop",
    commune: "11443",
    address: "Số 71 đường Trần Thành Ngọ",
    about: "Gara sửa chữa, sơn gò và chăm sóc ô tô.",
    pledge: true,
    stance: "yes",
    trades: ["72310", "72130", "91220"],
  },
  {
    name: "Công ty TNHH Vệ sinh Công nghiệp Sao Biển",
    kind: "company",
    commune: "11383",
    address: "Số 15 đường Tô Hiệu",
    about: "Dịch vụ vệ sinh tòa nhà, nhà xưởng và giặt là.",
    stance: "yes",
    trades: ["91120", "91210"],
  },
  {
    name: "Công ty TNHH Chế biến Thủy sản Đồ Sơn",
    kind: "company",
    commune: "11455",
    address: "Tổ dân phố 3",
    about: "Chế biến, cấp đông hải sản xuất khẩu.",
    stance: "case_by_case",
    trades: ["75110", "81600", "93210", "92160"],
  },
  // Hà Nội
  {
    name: "Công ty TNHH Xây dựng Đông Anh",
    kind: "company",
    commune: "00454",
    address: "Thôn Lại Đà",
    about: "Thi công nhà dân dụng và nhà xưởng ở phía bắc Hà Nội.",
    stance: "case_by_case",
    trades: ["71120", "93130", "71220", "71310"],
  },
  {
    name: "Công ty Cổ phần Chuyển phát Long Biên",
    kind: "company",
    commune: "00145",
    address: "Số 102 đường Nguyễn Văn Cừ",
    about: "Chuyển phát nhanh nội thành và các tỉnh lân cận.",
    stance: "no",
    trades: ["96210", "83210", "93330"],
  },
  {
    name: "Công ty TNHH Suất ăn Công nghiệp Minh Anh",
    kind: "company",
    commune: "09022",
    address: "Khu công nghiệp Quang Minh",
    about: "Nấu suất ăn cho công nhân các khu công nghiệp.",
    pledge: true,
    stance: "yes",
    trades: ["51200", "94120", "91120"],
  },
  {
    name: "Công ty TNHH Điện lạnh Hoàng Mai",
    kind: "company",
    commune: "00331",
    address: "Số 44 đường Tam Trinh",
    about: "Lắp đặt, bảo dưỡng điều hòa cho hộ gia đình và văn phòng.",
    stance: "case_by_case",
    trades: ["71270", "74110", "74210"],
  },
  {
    name: "Xưởng mây tre đan Phú Xuyên",
    kind: "workshop",
    commune: "10273",
    address: "Thôn Phú Túc",
    about: "Làng nghề mây tre giang đan, hàng xuất khẩu.",
    pledge: true,
    stance: "yes",
    trades: ["73170", "93290"],
  },
  {
    name: "Công ty TNHH Dịch vụ Bảo vệ Thăng Long",
    kind: "company",
    commune: "09556",
    address: "Số 9 đường Quang Trung",
    about: "Dịch vụ bảo vệ nhà máy, công trình và tòa nhà.",
    stance: "no",
    trades: ["54140", "91120"],
  },
  // TP Hồ Chí Minh
  {
    name: "Công ty TNHH May thêu Bình Tân",
    kind: "company",
    commune: "27442",
    address: "Số 210 đường Kinh Dương Vương",
    about: "May và thêu hàng thời trang cho thị trường trong nước.",
    pledge: true,
    stance: "case_by_case",
    trades: ["81530", "75310", "93210"],
  },
  {
    name: "Công ty Cổ phần Gỗ Bình Dương",
    kind: "company",
    commune: "25760",
    address: "Khu phố 4",
    about: "Sản xuất bàn ghế gỗ xuất khẩu.",
    stance: "case_by_case",
    trades: ["75220", "83440", "93290", "82190"],
  },
  {
    name: "Công ty TNHH Vận tải Hóc Môn",
    kind: "company",
    commune: "27559",
    address: "Ấp 3",
    about: "Vận tải hàng hóa và đưa đón công nhân.",
    stance: "case_by_case",
    trades: ["83320", "83220", "93330"],
  },
  {
    name: "Quán cơm tấm Sài Gòn Xưa",
    kind: "household_business",
    commune: "27004",
    address: "Số 35 đường Cộng Hòa",
    about: "Quán cơm tấm bán từ sáng đến khuya.",
    pledge: true,
    stance: "yes",
    trades: ["51200", "94120", "51310", "51320"],
  },
  {
    name: "Công ty TNHH Nhựa Tân Uyên",
    kind: "company",
    commune: "25888",
    address: "Khu phố 7",
    about: "Sản xuất bao bì và đồ gia dụng bằng nhựa.",
    stance: "case_by_case",
    trades: ["81410", "82190", "75430", "93210"],
  },
  {
    name: "Xưởng dịch vụ xe Thủ Đức",
    kind: "workshop",
    commune: "26824",
    address: "Số 18 đường Võ Văn Ngân",
    about: "Sửa chữa xe máy, ô tô và rửa xe.",
    pledge: true,
    stance: "yes",
    trades: ["72310", "72311", "91220"],
  },
  // Đắk Lắk
  {
    name: "Hợp tác xã Cà phê Ea Tul",
    kind: "cooperative",
    commune: "24277",
    address: "Thôn 4",
    about: "Hợp tác xã cà phê bền vững, có xưởng sơ chế.",
    pledge: true,
    stance: "yes",
    trades: ["61120", "92110", "81600"],
  },
  {
    name: "Công ty TNHH Chế biến Nông sản Buôn Ma Thuột",
    kind: "company",
    commune: "24133",
    address: "Số 150 đường Lê Duẩn",
    about: "Rang xay cà phê và chế biến hạt điều, hồ tiêu.",
    stance: "case_by_case",
    trades: ["81600", "93210", "83440", "43210"],
  },
  {
    name: "Tiệm sửa xe máy Tuấn Hưng",
    kind: "household_business",
    commune: "24305",
    address: "Tổ dân phố 6",
    about: "Sửa xe máy, xe điện, vá vỏ lưu động.",
    pledge: true,
    stance: "yes",
    trades: ["72311", "91220"],
  },
  {
    name: "Hợp tác xã Chăn nuôi Ea Kar",
    kind: "cooperative",
    commune: "24373",
    address: "Thôn 10",
    about: "Chăn nuôi bò, heo và gà theo chuỗi liên kết.",
    stance: "yes",
    trades: ["61210", "92120"],
  },
  // Nghệ An
  {
    name: "Công ty TNHH Dệt may Hoàng Mai Nghệ An",
    kind: "company",
    commune: "17110",
    address: "Khu công nghiệp Hoàng Mai",
    about: "Nhà máy may xuất khẩu, đưa đón công nhân bằng xe của công ty.",
    pledge: true,
    stance: "case_by_case",
    trades: ["81530", "75430", "93210"],
  },
  {
    name: "Công ty Cổ phần Xây dựng Cửa Lò",
    kind: "company",
    commune: "16732",
    address: "Số 27 đường Bình Minh",
    about: "Xây dựng khách sạn, nhà ở và công trình điện.",
    stance: "case_by_case",
    trades: ["71120", "93130", "71140", "74110"],
  },
];

const PROVIDERS: OrgSpec[] = [
  {
    name: "Trung tâm GDNN-GDTX Như Thanh",
    kind: "training_centre",
    commune: "16228",
    address: "Thôn Hải Tiến",
    about: "Dạy nghề ngắn hạn cho lao động nông thôn miền núi.",
    pledge: true,
    stance: "yes",
    trades: ["81530", "72120", "72311", "61210"],
  },
  {
    name: "Trường Cao đẳng Nghề Phú Thọ",
    kind: "school",
    commune: "07900",
    address: "Số 2155 đại lộ Hùng Vương",
    about: "Đào tạo nghề cơ khí, điện, ô tô từ sơ cấp đến cao đẳng.",
    stance: "case_by_case",
    trades: ["72120", "74110", "74120", "72310"],
  },
  {
    name: "Trung tâm GDNN-GDTX Lương Sơn",
    kind: "training_centre",
    commune: "04924",
    address: "Tiểu khu 1",
    about: "Lớp nghề ngắn hạn và bổ túc văn hóa.",
    pledge: true,
    stance: "yes",
    trades: ["81530", "51200", "71120"],
  },
  {
    name: "Trường Cao đẳng Nghề Đà Lạt",
    kind: "school",
    commune: "24787",
    address: "Số 1 đường Hoàng Văn Thụ",
    about: "Đào tạo nghề du lịch, điện, điện lạnh.",
    stance: "case_by_case",
    trades: ["51200", "74110", "71270", "51310"],
  },
  {
    name: "Trường Cao đẳng Việt – Đức Nghệ An",
    kind: "school",
    commune: "16690",
    address: "Số 2 đường Nguyễn Trường Tộ",
    about: "Đào tạo nghề kỹ thuật theo mô hình song hành với doanh nghiệp.",
    stance: "case_by_case",
    trades: ["72120", "74110", "72311", "72310"],
  },
  {
    name: "Trung tâm Dạy nghề và Hỗ trợ nông dân Đắk Lắk",
    kind: "training_centre",
    commune: "24154",
    address: "Số 47 đường Y Wang",
    about: "Tập huấn kỹ thuật trồng trọt, chăn nuôi và nghề phi nông nghiệp.",
    pledge: true,
    stance: "yes",
    trades: ["61120", "61210", "72311"],
  },
  {
    name: "Trường Cao đẳng Du lịch Hải Phòng",
    kind: "school",
    commune: "11329",
    address: "Số 18 đường Lạch Tray",
    about: "Đào tạo nghề nấu ăn, phục vụ nhà hàng, khách sạn.",
    stance: "case_by_case",
    trades: ["51200", "51310"],
  },
  {
    name: "Trung tâm Đào tạo lái xe Kiến An",
    kind: "training_centre",
    commune: "11443",
    address: "Số 5 đường Phan Đăng Lưu",
    about: "Đào tạo, sát hạch lái xe ô tô và vận hành xe nâng.",
    stance: "no",
    trades: ["83320", "83440"],
  },
  {
    name: "Trường Cao đẳng Nghề TP. Hồ Chí Minh",
    kind: "school",
    commune: "26884",
    address: "Số 38 đường Nguyễn Văn Lượng",
    about: "Đào tạo may, điện, hàn và sửa chữa điện tử.",
    pledge: true,
    stance: "case_by_case",
    trades: ["81530", "74110", "72120", "74210"],
  },
  {
    name: "Trung tâm GDNN-GDTX Sóc Sơn",
    kind: "training_centre",
    commune: "00376",
    address: "Thôn Đông Hạ",
    about: "Dạy nghề cho lao động ngoại thành, miễn phí cho đối tượng chính sách.",
    pledge: true,
    stance: "yes",
    trades: ["51200", "81530", "74110", "51410"],
  },
];

/** How many organisations the marketplace seed adds (the demo seed's own six come on top). */
export const MARKETPLACE_ORGANIZATIONS = EMPLOYERS.length + PROVIDERS.length;
export const MARKETPLACE_JOBS = 230;
export const MARKETPLACE_TRAININGS = 60;
const SEED = 20_260_101;

/** Already seeded and reused: the repair shop of the press story and the Krông Nô vocational centre. */
export const REPAIR_SHOP = "Tiệm sửa xe máy Cường Thịnh";
const KRONG_NO_CENTRE = "Trung tâm Giáo dục nghề nghiệp Krông Nô";

// ---------------------------------------------------------------------------------------------------
// Seeding
// ---------------------------------------------------------------------------------------------------

/**
 * The regional minimum in force on `today` for any place, from the `wage_zone` and `minimum_wage` tables
 * (the rule of reference.server.ts minimumWageFor, read through the caller's transaction).
 */
export async function loadMinimumWages(tx: Executor, today: string): Promise<MinimumWageLookup> {
  const zones = await tx.select().from(wageZone);
  const amounts = await tx.select().from(minimumWage).where(lte(minimumWage.effectiveFrom, today));
  const byZone = new Map<string, number>();
  for (const a of [...amounts].sort((x, y) => x.effectiveFrom.localeCompare(y.effectiveFrom)))
    byZone.set(a.zone, a.monthlyVnd);
  const zoneOf = new Map(zones.map((z) => [`${z.provinceCode}|${z.communeCode}`, z.zone]));
  return (provinceCode, communeCode) => {
    const zone = zoneOf.get(`${provinceCode}|${communeCode}`) ?? zoneOf.get(`${provinceCode}|`);
    return zone ? (byZone.get(zone) ?? 0) : 0;
  };
}

async function insertChunks<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/**
 * Seed the demo marketplace inside the caller's transaction: organisations, jobs, intakes, links, their
 * search text and one outbox row each (the sync worker indexes them). Idempotent: false when present.
 */
export async function seedMarketplace(tx: Executor): Promise<boolean> {
  const [marker] = await tx
    .select({ id: organization.id })
    .from(organization)
    .where(eq(organization.name, EMPLOYERS[0].name))
    .limit(1);
  if (marker) return false;
  const now = clockNow();
  const today = todayIso(now);
  const rng = mulberry32(SEED);
  const [admin] = await tx.select({ id: appUser.id }).from(appUser).where(eq(appUser.role, "admin")).limit(1);

  const specs = [
    ...EMPLOYERS.map((s) => ({ ...s, role: "employer" as const })),
    ...PROVIDERS.map((s) => ({ ...s, role: "training_provider" as const })),
  ];
  const taxPrefix: Record<string, string> = {
    "25": "26",
    "68": "58",
    "38": "28",
    "31": "02",
    "01": "01",
    "79": "03",
    "66": "60",
    "40": "29",
  };
  const inserted = await tx
    .insert(organization)
    .values(
      specs.map((s) => {
        const p = place(s.commune);
        const verifiedAt = publishedBefore(rng, now, 200);
        return {
          role: s.role,
          kind: s.kind,
          name: s.name,
          taxCode:
            s.kind === "household_business" && rng() < 0.5
              ? null
              : `${taxPrefix[p.provinceCode]}${String(int(rng, 0, 99_999_999)).padStart(8, "0")}`,
          provinceCode: p.provinceCode,
          communeCode: p.code,
          address: s.address,
          contactName: `${pick(rng, ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"])} ${pick(rng, ["Văn", "Thị", "Minh", "Đức", "Thu"])} ${pick(rng, ["Hùng", "Lan", "Tuấn", "Hương", "Dũng", "Mai", "Sơn", "Hà", "Phúc", "Yến"])}`,
          contactPhone: `09${String(int(rng, 0, 99_999_999)).padStart(8, "0")}`,
          description: s.about,
          fairChancePledgedAt: s.pledge ? new Date(verifiedAt.getTime() - int(rng, 0, 60) * DAY_MS) : null,
          acceptsUnexpunged: s.stance,
          verificationStatus: "verified" as const,
          verifiedAt,
          verifiedBy: admin?.id ?? null,
          createdAt: new Date(verifiedAt.getTime() - int(rng, 1, 5) * DAY_MS),
        };
      }),
    )
    .returning({ id: organization.id, name: organization.name });
  const idOf = new Map(inserted.map((o) => [o.name, o.id]));
  const existing = await tx
    .select({
      id: organization.id,
      name: organization.name,
      communeCode: organization.communeCode,
      address: organization.address,
      fairChance: organization.fairChancePledgedAt,
    })
    .from(organization)
    .where(
      and(inArray(organization.name, [REPAIR_SHOP, KRONG_NO_CENTRE]), eq(organization.verificationStatus, "verified")),
    );
  const shop = existing.find((o) => o.name === REPAIR_SHOP);
  const centre = existing.find((o) => o.name === KRONG_NO_CENTRE);

  const minimumWage = await loadMinimumWages(tx, today);
  const employers: GenEmployer[] = EMPLOYERS.map((s) => ({
    id: idOf.get(s.name)!,
    kind: s.kind,
    fairChance: !!s.pledge,
    place: place(s.commune),
    address: s.address,
    trades: s.trades,
    titles: s.titles,
  }));
  const providers: GenProvider[] = PROVIDERS.map((s) => ({
    id: idOf.get(s.name)!,
    place: place(s.commune),
    address: s.address,
    courses: s.trades,
  }));
  if (centre && placeByCode.has(centre.communeCode))
    providers.push({
      id: centre.id,
      place: place(centre.communeCode),
      address: centre.address,
      courses: ["72120", "74110"],
    });

  const jobs: JobInsert[] = [];
  const trainings: TrainingInsert[] = [];
  const links: { trainingSlotId: string; jobId: string }[] = [];
  if (shop) {
    // The press story: a released person finds work at the local motorbike repair shop in xã Nam Đà.
    const repairJob: JobInsert = {
      id: uuid(rng),
      organizationId: shop.id,
      title: "Thợ sửa xe máy",
      occupationCode: "72311",
      description:
        "Sửa chữa, bảo dưỡng xe số và xe tay ga cho bà con trong xã: thay nhớt, sửa phanh, vá săm, làm điện. Chưa thạo nghề được anh Cường kèm cặp trực tiếp. Bao cơm trưa, nghỉ chiều Chủ nhật.",
      provinceCode: "68",
      communeCode: "24697",
      workplaceAddress: "Thôn Nam Thanh, Quốc lộ 28",
      wageMin: 5_000_000,
      wageMax: 7_000_000,
      employmentType: "full_time",
      openings: 2,
      skills: ["thay nhớt", "sửa phanh", "vá săm", "sửa điện xe máy"],
      experience: "Không cần kinh nghiệm, chịu khó học việc.",
      benefits: ["meals"],
      startsAt: null,
      closesAt: addDays(today, 45),
      status: "open",
      publishedAt: new Date(now.getTime() - 2 * DAY_MS),
      createdAt: new Date(now.getTime() - 2 * DAY_MS),
      updatedAt: new Date(now.getTime() - 2 * DAY_MS),
    };
    jobs.push(repairJob);
    if (centre) {
      const courseId = uuid(rng);
      trainings.push({
        id: courseId,
        organizationId: centre.id,
        title: "Sửa chữa xe máy – sơ cấp",
        occupationCode: "72311",
        levelCode: "so_cap",
        description:
          "Thực hành tháo lắp động cơ, hệ thống điện và phanh trên xe số, xe tay ga. Học miễn phí, hỗ trợ tiền ăn. Học viên khá được giới thiệu vào làm tại Tiệm sửa xe máy Cường Thịnh.",
        durationWeeks: 13,
        schedule: "Sáng thứ Hai đến thứ Sáu (7h30–11h30)",
        applicationDeadline: addDays(today, 30),
        startsAt: addDays(today, 40),
        seats: 25,
        costVnd: 0,
        support: ["free", "meals"],
        provinceCode: "68",
        communeCode: centre.communeCode,
        address: centre.address,
        status: "open",
        publishedAt: new Date(now.getTime() - DAY_MS),
        createdAt: new Date(now.getTime() - DAY_MS),
        updatedAt: new Date(now.getTime() - DAY_MS),
      });
      links.push({ trainingSlotId: courseId, jobId: repairJob.id! });
    }
  }
  const fixedTrainings = trainings.length;
  const common = { today, now, places: DEMO_PLACES, notOpenEvery: 20 };
  jobs.push(
    ...generateJobs({ ...common, employers, count: MARKETPLACE_JOBS - jobs.length, seed: SEED + 1, minimumWage }),
  );
  trainings.push(
    ...generateTrainings({ ...common, providers, count: MARKETPLACE_TRAININGS - trainings.length, seed: SEED + 2 }),
  );
  links.push(...linkTrainingsToJobs(trainings.slice(fixedTrainings), jobs, SEED + 3));

  await insertChunks(jobs, 500, (chunk) => tx.insert(job).values(chunk));
  await insertChunks(trainings, 500, (chunk) => tx.insert(trainingSlot).values(chunk));
  if (links.length) await tx.insert(trainingLeadsToJob).values(links).onConflictDoNothing();
  const jobIds = jobs.map((j) => j.id!);
  const trainingIds = trainings.map((t) => t.id!);
  await refreshJobSearchText(tx, jobIds);
  await refreshTrainingSearchText(tx, trainingIds);
  await touch(tx, "job", jobIds);
  await touch(tx, "training", trainingIds);
  return true;
}
