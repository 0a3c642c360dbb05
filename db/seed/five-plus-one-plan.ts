/**
 * The 5+1 model as the source article tells it (Báo Đắk Nông, "Dang tay hỗ trợ người lầm lỗi", 8 April
 * 2022; /work/shared/seeds), as a plan of records. Pure (no database, no clock) and deterministic (a seeded
 * PRNG, fixed dates), so the figures it produces can be reasoned about and checked; five-plus-one.ts writes it.
 *
 * Two levels, each with its own published figures:
 * - The commune model, piloted in xã Nam Đà "từ năm 2019" (the article gives the year only: 1 January 2019
 *   here) up to the article (8 April 2022): 35 persons received, none reoffended; 2 referred to vocational
 *   training, 4 at work in businesses of the commune with a stable income.
 * - The model replicated to "12/12 xã, thị trấn" of the former Krông Nô district (the article gives no
 *   date: 1 January 2020 here), up to the article: over 100 encouragement visits (104 here), 58 education
 *   reviews, 18 periodic meetings with 560 attendances, 379 counselling sessions, 156 procedure helps, 14
 *   placed in jobs at over 5 million VND a month on average, 22 referred to vocational training. These
 *   district figures include xã Nam Đà's work in that period (its 4 jobs and 2 training referrals among them).
 *
 * Where: the district and its 12 communes no longer exist (the 2025 reorganisation; Đắk Nông joined Lâm
 * Đồng). Its units had GSO codes 24688–24715; the Lâm Đồng communes of db/data/vn-admin-units-2025.csv with
 * codes in that range, Krông Nô (24688), Nam Đà (24697), Nâm Nung (24703) and Quảng Phú (24712), are the
 * ones that now cover its area (a merged commune keeps the code of one of its parts; xã Nam Dong, 24649,
 * lies in the former Cư Jút district). So the replication's records are put in these four communes, each
 * with its own model record (Nam Đà's from 2019, the others from 2020); the sum over the four communes from
 * 1 January 2020 to 8 April 2022 gives the district figures, and xã Nam Đà from 1 January 2019 gives its own.
 */
import { addDays, daysBetween } from "~/utils/dates";

import type { ContractKind, CounsellingMode, OffenceCategory, ProcedureKind } from "../enums";
import { mulberry32 } from "./marketplace";

export const MODEL_NAME = "Mô hình 5+1";
/** The pilot in xã Nam Đà ("từ năm 2019"). */
export const PILOT_LAUNCH = "2019-01-01";
/** The replication to the district's communes (not dated by the article). */
export const REPLICATED_ON = "2020-01-01";
/** The article's day: its figures run "đến nay", until then. */
export const ARTICLE_DAY = "2022-04-08";

/** Xã Nam Đà's own figures, 1 January 2019 – 8 April 2022. */
export const PILOT_FIGURES = { received: 35, reoffended: 0, referredToTraining: 2, placedLocally: 4 } as const;

/** The replicated model's figures over the four communes, 1 January 2020 – 8 April 2022. */
export const DISTRICT_FIGURES = {
  encouragementVisits: 104,
  educationReviews: 58,
  meetings: 18,
  meetingAttendances: 560,
  counselling: 379,
  procedureHelps: 156,
  placed: 14,
  referredToTraining: 22,
} as const;

export type CommuneKey = "namDa" | "krongNo" | "namNung" | "quangPhu";
export type Commune = {
  key: CommuneKey;
  code: string;
  name: string;
  launchedOn: string;
  persons: number;
  meetings: number;
  trainees: number;
};
/**
 * The four communes that now cover the former Krông Nô district. `persons`: members of the model (for xã Nam
 * Đà, the 35 received; elsewhere not published, some released before the model began there); `meetings` and
 * `trainees`: each commune's share of the district's 18 meetings and 22 training referrals.
 */
export const COMMUNES: Commune[] = [
  { key: "namDa", code: "24697", name: "Nam Đà", launchedOn: PILOT_LAUNCH, persons: 35, meetings: 5, trainees: 2 },
  { key: "krongNo", code: "24688", name: "Krông Nô", launchedOn: REPLICATED_ON, persons: 45, meetings: 5, trainees: 7 },
  { key: "namNung", code: "24703", name: "Nâm Nung", launchedOn: REPLICATED_ON, persons: 40, meetings: 4, trainees: 6 },
  {
    key: "quangPhu",
    code: "24712",
    name: "Quảng Phú",
    launchedOn: REPLICATED_ON,
    persons: 42,
    meetings: 4,
    trainees: 7,
  },
];
export const communeOf = (key: CommuneKey) => COMMUNES.find((c) => c.key === key)!;

/** Pilot-year work in xã Nam Đà (2019, before the replication): not published, so not part of any figure checked. */
const PILOT_YEAR = { encouragementVisits: 9, counselling: 14, procedureHelps: 11 } as const;

const SEED = 51_2019;

// ---------------------------------------------------------------------------------------------------
// Newcomers: invented names, realistic situations in a coffee-growing commune of Lâm Đồng
// ---------------------------------------------------------------------------------------------------

type Release = "completed" | "amnesty" | "conditional_release";
export type Newcomer = {
  fullName: string;
  gender: "male" | "female";
  dateOfBirth: string;
  address: string;
  /** When released, as a fraction of the pilot's span (1 January 2019 – March 2022). */
  released: number;
  releaseType: Release;
  offence: OffenceCategory;
  sentenceMonths: number;
  skills: string[];
  trades: string[];
  desired: string[];
  education: string;
  needs: ("id_card" | "health_insurance" | "counselling" | "loan" | "training" | "housing")[];
  supervisor: string;
};

const CCB = "Hội Cựu chiến binh xã Nam Đà";
const DTN = "Đoàn Thanh niên xã Nam Đà";
const PN = "Hội Liên hiệp Phụ nữ xã Nam Đà";
const ND = "Hội Nông dân xã Nam Đà";

const n = (
  fullName: string,
  gender: "m" | "f",
  dateOfBirth: string,
  address: string,
  released: number,
  releaseType: Release,
  offence: OffenceCategory,
  sentenceMonths: number,
  skills: string[],
  trades: string[],
  desired: string[],
  education: string,
  needs: Newcomer["needs"],
  supervisor: string,
): Newcomer => ({
  fullName,
  gender: gender === "m" ? "male" : "female",
  dateOfBirth,
  address: `Thôn ${address}`.replace("Thôn Buôn", "Buôn"),
  released,
  releaseType,
  offence,
  sentenceMonths,
  skills,
  trades,
  desired,
  education,
  needs,
  supervisor,
});

export const NEWCOMERS: Newcomer[] = [
  n(
    "Phạm Văn Tùng",
    "m",
    "1989-03-14",
    "Nam Dao",
    0.004,
    "completed",
    "property",
    30,
    ["phụ hồ", "trộn vữa", "xây tường"],
    ["93130"],
    ["71120"],
    "Lớp 9",
    ["id_card", "health_insurance"],
    CCB,
  ),
  n(
    "Lò Văn Sinh",
    "m",
    "1992-07-02",
    "Nam Ninh",
    0.008,
    "completed",
    "drugs",
    24,
    ["chăm sóc cà phê", "tưới cây"],
    ["61120"],
    ["61120", "81600"],
    "Lớp 7",
    ["id_card", "training"],
    DTN,
  ),
  n(
    "Trần Văn Quyết",
    "m",
    "1984-11-20",
    "Nam Thanh",
    0.012,
    "conditional_release",
    "violence",
    54,
    ["lái máy cày", "sửa máy bơm"],
    ["72330"],
    ["72330"],
    "Lớp 9",
    ["health_insurance", "training"],
    CCB,
  ),
  n(
    "Điểu Bình",
    "m",
    "1997-05-09",
    "Buôn Ja Ráh",
    0.016,
    "completed",
    "public_order",
    18,
    ["hái cà phê", "làm cỏ"],
    ["92110"],
    ["61120"],
    "Lớp 6",
    ["id_card", "health_insurance", "training"],
    DTN,
  ),
  n(
    "Vũ Thị Mến",
    "f",
    "1990-01-25",
    "Nam Hợp",
    0.02,
    "completed",
    "fraud",
    36,
    ["bán hàng", "nấu ăn gia đình"],
    ["52230"],
    ["51200"],
    "Lớp 12",
    ["counselling", "training"],
    PN,
  ),
  n(
    "Hoàng Văn Thắng",
    "m",
    "1994-09-12",
    "Nam Tiến",
    0.024,
    "completed",
    "property",
    24,
    ["đi dây điện", "sửa quạt"],
    ["74110"],
    ["74110"],
    "Tốt nghiệp THPT",
    ["training"],
    DTN,
  ),
  n(
    "Đỗ Thị Ngọc Ánh",
    "f",
    "1996-06-18",
    "Nam Xuân",
    0.028,
    "completed",
    "drugs",
    30,
    ["may vá", "bán hàng"],
    ["75310"],
    ["51200", "81530"],
    "Lớp 11",
    ["counselling", "training", "health_insurance"],
    PN,
  ),
  n(
    "Bùi Văn Lợi",
    "m",
    "1991-02-03",
    "Nam Cao",
    0.032,
    "completed",
    "property",
    36,
    ["cắt sắt", "hàn que"],
    ["72140"],
    ["72120"],
    "Lớp 9",
    ["id_card", "training"],
    DTN,
  ),
  n(
    "Y Phôn Ksơr",
    "m",
    "1993-10-30",
    "Buôn Ja Ráh",
    0.036,
    "completed",
    "violence",
    20,
    ["làm rẫy", "tỉa cành cà phê"],
    ["61120"],
    ["61120"],
    "Lớp 8",
    ["health_insurance", "loan", "training"],
    ND,
  ),
  n(
    "Lương Văn Hiếu",
    "m",
    "1998-12-07",
    "Nam Hải",
    0.04,
    "completed",
    "traffic",
    18,
    ["sửa xe đạp", "thay nhớt"],
    ["93290"],
    ["72310", "72120"],
    "Tốt nghiệp THPT",
    ["training"],
    DTN,
  ),
  n(
    "Mai Văn Sáng",
    "m",
    "1982-04-16",
    "Nam Trung",
    0.045,
    "completed",
    "economic",
    48,
    ["chăn nuôi heo", "trồng ngô"],
    ["61210"],
    ["61210"],
    "Lớp 10",
    ["loan", "training", "health_insurance"],
    ND,
  ),
  n(
    "Triệu Thị Hoa",
    "f",
    "1988-08-08",
    "Nam Ninh",
    0.05,
    "completed",
    "drugs",
    42,
    ["nuôi gà", "trồng rau"],
    ["61110"],
    ["61210"],
    "Lớp 9",
    ["id_card", "health_insurance", "training"],
    PN,
  ),
  n(
    "Đặng Quốc Việt",
    "m",
    "1995-03-21",
    "Nam Tiến",
    0.055,
    "completed",
    "property",
    24,
    ["phụ điện", "bốc xếp"],
    ["93330"],
    ["74110"],
    "Lớp 12",
    ["training", "counselling"],
    DTN,
  ),
  n(
    "Cao Văn Đạt",
    "m",
    "1987-07-11",
    "Nam Thuận",
    0.06,
    "completed",
    "public_order",
    24,
    ["bốc xếp", "lái xe máy"],
    ["93330"],
    ["93330", "43210"],
    "Lớp 9",
    ["id_card"],
    CCB,
  ),
  n(
    "Phan Văn Kiên",
    "m",
    "1990-05-27",
    "Nam Dao",
    0.065,
    "conditional_release",
    "fraud",
    60,
    ["sửa điện dân dụng"],
    ["74110"],
    ["74110"],
    "Trung cấp điện",
    ["health_insurance", "training"],
    CCB,
  ),
  n(
    "Kim Văn Dũng",
    "m",
    "1986-01-19",
    "Nam Thanh",
    0.07,
    "completed",
    "drugs",
    36,
    ["rang cà phê", "đóng gói"],
    ["81600"],
    ["81600"],
    "Lớp 9",
    ["health_insurance", "counselling"],
    ND,
  ),
  n(
    "Hà Thị Liên",
    "f",
    "1992-11-02",
    "Nam Hợp",
    0.075,
    "completed",
    "property",
    18,
    ["hái cà phê", "phơi sấy"],
    ["92110"],
    ["61120"],
    "Lớp 7",
    ["id_card", "training", "counselling"],
    PN,
  ),
  n(
    "Quách Văn Bảo",
    "m",
    "1999-09-09",
    "Nam Xuân",
    0.08,
    "completed",
    "violence",
    30,
    ["sửa máy bơm", "lái máy cày"],
    ["72330"],
    ["72330"],
    "Lớp 10",
    ["training"],
    DTN,
  ),
  n(
    "Tạ Thị Xuân",
    "f",
    "1985-12-24",
    "Nam Cao",
    0.09,
    "completed",
    "fraud",
    30,
    ["nấu ăn", "bán quán"],
    ["94120"],
    ["51200"],
    "Lớp 12",
    ["training", "health_insurance"],
    PN,
  ),
  n(
    "Ksor Y Rin",
    "m",
    "1994-04-04",
    "Buôn Ja Ráh",
    0.1,
    "completed",
    "public_order",
    12,
    ["làm rẫy", "hái tiêu"],
    ["92110"],
    ["61120"],
    "Lớp 5",
    ["id_card", "health_insurance", "training"],
    ND,
  ),
  n(
    "Võ Văn Trí",
    "m",
    "1983-06-30",
    "Nam Trung",
    0.11,
    "completed",
    "property",
    36,
    ["xây tường", "lát nền"],
    ["71120"],
    ["71120"],
    "Lớp 9",
    ["health_insurance"],
    CCB,
  ),
  n(
    "Thái Văn Phong",
    "m",
    "1990-10-15",
    "Nam Hải",
    0.12,
    "completed",
    "drugs",
    48,
    ["sửa máy nông nghiệp"],
    ["72330"],
    ["72330", "72311"],
    "Lớp 11",
    ["counselling", "training"],
    DTN,
  ),
  n(
    "La Văn Hải",
    "m",
    "1979-02-28",
    "Nam Thuận",
    0.14,
    "completed",
    "economic",
    60,
    ["buôn bán nông sản"],
    ["52110"],
    ["52230"],
    "Tốt nghiệp THPT",
    ["loan"],
    ND,
  ),
  n(
    "Đinh Thị Thảo",
    "f",
    "1997-07-07",
    "Nam Ninh",
    0.2,
    "completed",
    "drugs",
    24,
    ["bán hàng", "pha chế"],
    ["51320"],
    ["74110", "51320"],
    "Lớp 12",
    ["training", "counselling"],
    PN,
  ),
  n(
    "Lý Văn Tài",
    "m",
    "1988-03-03",
    "Nam Tiến",
    0.83,
    "amnesty",
    "property",
    48,
    ["làm vườn", "chăn nuôi"],
    ["61130"],
    ["61210"],
    "Lớp 8",
    ["id_card", "health_insurance", "housing"],
    CCB,
  ),
  n(
    "H'Lan Niê",
    "f",
    "1993-05-20",
    "Buôn Ja Ráh",
    0.83,
    "amnesty",
    "fraud",
    36,
    ["dệt thổ cẩm", "bán hàng"],
    ["73180"],
    ["73180"],
    "Lớp 9",
    ["id_card", "health_insurance", "counselling"],
    PN,
  ),
  n(
    "Hồ Văn Nghĩa",
    "m",
    "1991-08-14",
    "Nam Dao",
    0.25,
    "completed",
    "property",
    30,
    ["đi dây điện", "bốc xếp"],
    ["93330"],
    ["74110"],
    "Lớp 12",
    ["training", "health_insurance"],
    DTN,
  ),
  n(
    "Châu Văn Lâm",
    "m",
    "1996-12-12",
    "Nam Xuân",
    0.3,
    "completed",
    "public_order",
    18,
    ["phụ hồ"],
    ["93130"],
    ["71120"],
    "Lớp 9",
    ["id_card"],
    DTN,
  ),
  n(
    "Tô Văn Thành",
    "m",
    "1989-01-08",
    "Nam Cao",
    0.34,
    "completed",
    "drugs",
    30,
    ["điện dân dụng", "sửa quạt"],
    ["74110"],
    ["74110"],
    "Lớp 12",
    ["training", "counselling"],
    CCB,
  ),
  n(
    "Nông Văn Khải",
    "m",
    "1993-02-17",
    "Nam Thanh",
    0.42,
    "completed",
    "property",
    24,
    ["phụ hồ", "bốc xếp"],
    ["93130"],
    ["71120"],
    "Lớp 9",
    ["id_card", "health_insurance"],
    CCB,
  ),
  n(
    "Y Duk Mlô",
    "m",
    "1995-08-05",
    "Buôn Ja Ráh",
    0.5,
    "completed",
    "violence",
    30,
    ["làm rẫy", "hái cà phê"],
    ["92110"],
    ["61120"],
    "Lớp 6",
    ["id_card", "counselling"],
    ND,
  ),
  n(
    "Trương Thị Hồng",
    "f",
    "1991-04-12",
    "Nam Ninh",
    0.58,
    "completed",
    "fraud",
    24,
    ["bán hàng", "nấu ăn"],
    ["52230"],
    ["51200"],
    "Lớp 12",
    ["health_insurance", "counselling"],
    PN,
  ),
  n(
    "Lâm Văn Phúc",
    "m",
    "1987-10-21",
    "Nam Hải",
    0.66,
    "conditional_release",
    "economic",
    42,
    ["trồng tiêu", "chăm sóc cà phê"],
    ["61120"],
    ["61120"],
    "Lớp 10",
    ["health_insurance"],
    ND,
  ),
  n(
    "Đoàn Văn Hưng",
    "m",
    "1998-06-29",
    "Nam Tiến",
    0.74,
    "completed",
    "traffic",
    18,
    ["lái xe máy", "giao hàng"],
    ["93330"],
    ["83220"],
    "Tốt nghiệp THPT",
    ["id_card"],
    DTN,
  ),
  n(
    "Phùng Thị Duyên",
    "f",
    "1994-11-11",
    "Nam Xuân",
    0.9,
    "completed",
    "drugs",
    24,
    ["may vá"],
    ["75310"],
    ["75310"],
    "Lớp 9",
    ["counselling", "health_insurance"],
    PN,
  ),
];

// ---------------------------------------------------------------------------------------------------
// Members of the replicated model in the three other communes: names and situations drawn from lists
// ---------------------------------------------------------------------------------------------------

const FAMILY = [
  "Nguyễn",
  "Trần",
  "Lê",
  "Phạm",
  "Hoàng",
  "Vũ",
  "Đặng",
  "Bùi",
  "Đỗ",
  "Hồ",
  "Ngô",
  "Dương",
  "Lý",
  "Phan",
  "Trịnh",
  "Đinh",
  "Lương",
  "Triệu",
  "Nông",
  "Hà",
];
const MALE = [
  "Văn An",
  "Văn Bình",
  "Văn Cường",
  "Văn Duy",
  "Văn Hùng",
  "Văn Khánh",
  "Văn Minh",
  "Văn Nhân",
  "Văn Quang",
  "Văn Sơn",
  "Văn Tâm",
  "Văn Thịnh",
  "Văn Toản",
  "Văn Vinh",
  "Quốc Huy",
  "Đức Long",
  "Minh Tuấn",
  "Hữu Lộc",
  "Công Danh",
  "Xuân Trường",
];
const FEMALE = ["Thị Hạnh", "Thị Loan", "Thị Nhung", "Thị Thủy", "Thị Yến", "Thị Hiền", "Thị Mai", "Thị Oanh"];
const MNONG_MALE = ["Y Bhin", "Y Krai", "Y Sơn", "Y Thuận", "Y Ngọc", "Điểu Khiêm", "Điểu Lâm", "K'Bròn"];
const MNONG_FAMILY = ["Niê", "Mlô", "Byă", "Ksơr", "Êban", "Buôn Yă"];

/** Members of a replicated model: a situation of the Nam Đà list, another name, a village of the commune. */
function otherMembers(commune: Commune, rng: () => number, taken: Set<string>): Newcomer[] {
  const out: Newcomer[] = [];
  const draw = <T>(items: readonly T[]) => items[Math.floor(rng() * items.length)];
  for (let i = 0; i < commune.persons; i++) {
    const like = NEWCOMERS[(i * 7 + commune.code.charCodeAt(4)) % NEWCOMERS.length];
    let name = "";
    while (!name || taken.has(name)) {
      name =
        like.gender === "female"
          ? `${draw(FAMILY)} ${draw(FEMALE)}`
          : rng() < 0.15
            ? `${draw(MNONG_MALE)} ${draw(MNONG_FAMILY)}`
            : `${draw(FAMILY)} ${draw(MALE)}`;
    }
    taken.add(name);
    const born = Number(like.dateOfBirth.slice(0, 4)) + Math.floor(rng() * 7) - 3;
    out.push({
      ...like,
      fullName: name,
      dateOfBirth: `${born}${like.dateOfBirth.slice(4)}`,
      address: `Thôn ${1 + Math.floor(rng() * 9)}`,
      // Spread from mid-2017 (received when the model began there) to early 2022.
      released: -0.5 + ((i + rng()) / commune.persons) * 1.5,
      supervisor: like.supervisor.replace("Nam Đà", commune.name),
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Courses (closed intakes of the Krông Nô vocational centre), trainees and jobs
// ---------------------------------------------------------------------------------------------------

export type Course = {
  key: string;
  title: string;
  occupationCode: string;
  levelCode: "short_course" | "so_cap";
  weeks: number;
  startsAt: string;
};
export const COURSES: Course[] = [
  {
    key: "coffee1",
    title: "Kỹ thuật trồng và chăm sóc cà phê bền vững",
    occupationCode: "61120",
    levelCode: "short_course",
    weeks: 6,
    startsAt: "2020-03-02",
  },
  {
    key: "welding",
    title: "Hàn điện – sơ cấp",
    occupationCode: "72120",
    levelCode: "so_cap",
    weeks: 12,
    startsAt: "2020-06-15",
  },
  {
    key: "electric1",
    title: "Điện dân dụng – sơ cấp",
    occupationCode: "74110",
    levelCode: "so_cap",
    weeks: 12,
    startsAt: "2020-09-07",
  },
  {
    key: "livestock",
    title: "Chăn nuôi heo, gà an toàn sinh học",
    occupationCode: "61210",
    levelCode: "short_course",
    weeks: 6,
    startsAt: "2020-11-09",
  },
  {
    key: "cooking",
    title: "Nấu ăn – sơ cấp",
    occupationCode: "51200",
    levelCode: "so_cap",
    weeks: 10,
    startsAt: "2021-03-08",
  },
  {
    key: "machinery",
    title: "Sửa chữa máy nông nghiệp – sơ cấp",
    occupationCode: "72330",
    levelCode: "so_cap",
    weeks: 10,
    startsAt: "2021-06-07",
  },
  {
    key: "coffee2",
    title: "Kỹ thuật trồng và chăm sóc cà phê bền vững",
    occupationCode: "61120",
    levelCode: "short_course",
    weeks: 6,
    startsAt: "2021-10-04",
  },
  {
    key: "electric2",
    title: "Điện dân dụng – sơ cấp",
    occupationCode: "74110",
    levelCode: "so_cap",
    weeks: 12,
    startsAt: "2022-01-10",
  },
];

/** Xã Nam Đà's two trainees (the article's "giới thiệu học nghề 2 trường hợp"); the other communes' are drawn. */
export const NAM_DA_TRAINEES: [name: string, course: string][] = [
  ["Bùi Văn Lợi", "welding"],
  ["Hoàng Văn Thắng", "electric1"],
];
const DROP_REASONS = [
  "Đi làm thuê mùa thu hoạch cà phê, xin học lại khóa sau.",
  "Con nhỏ ốm dài ngày, phải nghỉ học để chăm con.",
];

/** Local businesses of xã Nam Đà that took people on (the organisations are created by the seed). */
export const LOCAL_BUSINESSES = [
  {
    name: "Cơ sở sơ chế cà phê Thiện Phát",
    kind: "workshop" as const,
    address: "Thôn Nam Ninh",
    contactName: "Lê Thiện Phát",
    contactPhone: "0263388456",
    about: "Sơ chế, phơi sấy cà phê nhân cho bà con trong xã.",
  },
  {
    name: "Cửa hàng Máy nông nghiệp Hòa Bình",
    kind: "household_business" as const,
    address: "Thôn Nam Thanh, Quốc lộ 28",
    contactName: "Vương Văn Hòa",
    contactPhone: "0913654321",
    about: "Bán và sửa chữa máy cày, máy bơm, máy xát.",
  },
  {
    name: "Quán cơm Đồng Quê",
    kind: "household_business" as const,
    address: "Thôn Nam Hợp",
    contactName: "Phùng Thị Quê",
    contactPhone: "0978112233",
    about: "Quán cơm trưa cho công nhân và khách qua đường.",
  },
];

export type Job = {
  /** A Nam Đà member by name, or the n-th member of another commune. */
  who: string | { commune: CommuneKey; index: number };
  employer: string;
  /** "local": one of LOCAL_BUSINESSES; "org": an existing organisation by name; otherwise named only. */
  link?: "local" | "org";
  position: string;
  wage: number;
  contractKind: ContractKind;
  /** Start, as a fraction of the replication period (moved after the course or the release when needed). */
  starts: number;
  unstable?: boolean;
};
/** 14 jobs in the replication period: xã Nam Đà's 4 at its own businesses, 10 in the other communes. */
export const JOBS: Job[] = [
  {
    who: "Lò Văn Sinh",
    employer: "Cơ sở sơ chế cà phê Thiện Phát",
    link: "local",
    position: "Công nhân sơ chế cà phê",
    wage: 5_200_000,
    contractKind: "labour_contract",
    starts: 0.2,
  },
  {
    who: "Trần Văn Quyết",
    employer: "Cửa hàng Máy nông nghiệp Hòa Bình",
    link: "local",
    position: "Thợ sửa máy nông nghiệp",
    wage: 6_000_000,
    contractKind: "labour_contract",
    starts: 0.45,
  },
  {
    who: "Vũ Thị Mến",
    employer: "Quán cơm Đồng Quê",
    link: "local",
    position: "Phụ bếp",
    wage: 5_000_000,
    contractKind: "verbal_agreement",
    starts: 0.55,
  },
  {
    who: "Kim Văn Dũng",
    employer: "Cơ sở sơ chế cà phê Thiện Phát",
    link: "local",
    position: "Công nhân phơi sấy",
    wage: 5_200_000,
    contractKind: "labour_contract",
    starts: 0.7,
  },
  {
    who: { commune: "krongNo", index: 3 },
    employer: "Công ty TNHH Cơ khí Krông Nô",
    position: "Thợ hàn",
    wage: 7_200_000,
    contractKind: "labour_contract",
    starts: 0.3,
  },
  {
    who: { commune: "krongNo", index: 9 },
    employer: "Công ty TNHH Xây dựng Trường Sơn Đắk Nông",
    position: "Thợ phụ xây dựng",
    wage: 6_500_000,
    contractKind: "labour_contract",
    starts: 0.15,
  },
  {
    who: { commune: "krongNo", index: 17 },
    employer: "Đội thợ xây Phúc Lộc",
    position: "Thợ xây",
    wage: 7_000_000,
    contractKind: "verbal_agreement",
    starts: 0.6,
    unstable: true,
  },
  {
    who: { commune: "krongNo", index: 24 },
    employer: "Công ty TNHH Vận tải Bảo Lộc",
    link: "org",
    position: "Công nhân bốc xếp",
    wage: 6_800_000,
    contractKind: "labour_contract",
    starts: 0.5,
  },
  {
    who: { commune: "namNung", index: 2 },
    employer: "Hợp tác xã Cà phê Nâm Nung",
    link: "org",
    position: "Công nhân chăm sóc cà phê",
    wage: 5_000_000,
    contractKind: "labour_contract",
    starts: 0.25,
  },
  {
    who: { commune: "namNung", index: 11 },
    employer: "Công ty Cổ phần Cà phê Đắk Mil",
    position: "Công nhân rang xay",
    wage: 6_200_000,
    contractKind: "labour_contract",
    starts: 0.65,
  },
  {
    who: { commune: "namNung", index: 20 },
    employer: "Gara ô tô Minh Khoa (xã Đắk Mil)",
    position: "Học việc gò hàn ô tô",
    wage: 3_500_000,
    contractKind: "apprenticeship",
    starts: 0.4,
  },
  {
    who: { commune: "quangPhu", index: 5 },
    employer: "Trang trại chăn nuôi Hưng Thịnh",
    position: "Công nhân chăn nuôi",
    wage: 5_800_000,
    contractKind: "labour_contract",
    starts: 0.35,
  },
  {
    who: { commune: "quangPhu", index: 14 },
    employer: "Nhà hàng Phố Núi (phường Bắc Gia Nghĩa)",
    position: "Phụ bếp",
    wage: 5_500_000,
    contractKind: "labour_contract",
    starts: 0.75,
  },
  {
    who: { commune: "quangPhu", index: 27 },
    employer: "Hộ kinh doanh Điện nước Thành Công",
    link: "org",
    position: "Thợ điện dân dụng",
    wage: 7_000_000,
    contractKind: "labour_contract",
    starts: 0.85,
  },
];

/** Loans under Decision 22/2023 (production and business), taken by Nam Đà members once it was in force. */
export const LOANS: { name: string; amount: number; appliedOn: string; note: string }[] = [
  { name: "Mai Văn Sáng", amount: 50_000_000, appliedOn: "2023-09-11", note: "Mua heo giống và làm chuồng." },
  { name: "Y Phôn Ksơr", amount: 40_000_000, appliedOn: "2024-02-19", note: "Chăm sóc 1 ha cà phê tái canh." },
  { name: "La Văn Hải", amount: 30_000_000, appliedOn: "2024-07-08", note: "Mở điểm thu mua nông sản nhỏ tại nhà." },
];

// ---------------------------------------------------------------------------------------------------
// The plan
// ---------------------------------------------------------------------------------------------------

export type PlannedPerson = Newcomer & { commune: CommuneKey; releaseDate: string; joinedOn: string };
export type ActivityPlan = {
  name: string;
  kind: "encouragement_visit" | "education_review" | "counselling" | "procedure_help";
  topic: string;
  mode: CounsellingMode | null;
  occurredOn: string;
  note: string;
};
export type MeetingPlan = {
  commune: CommuneKey;
  heldOn: string;
  title: string;
  place: string;
  guests: number;
  attendees: string[];
};
export type CoursePlan = Course & { completesOn: string };
export type TraineePlan = {
  name: string;
  course: string;
  referredOn: string;
  startsAt: string;
  completedOn: string | null;
  droppedOn: string | null;
  dropReason: string;
};
export type JobPlan = Omit<Job, "who"> & { name: string; startDate: string; enrolmentOf?: string };
export type LoanPlan = {
  name: string;
  amount: number;
  listMonth: string;
  appliedOn: string;
  decidedOn: string;
  disbursedOn: string;
  note: string;
};
export type Plan = {
  persons: PlannedPerson[];
  courses: CoursePlan[];
  trainees: TraineePlan[];
  jobs: JobPlan[];
  loans: LoanPlan[];
  activities: ActivityPlan[];
  meetings: MeetingPlan[];
};

const maxDate = (...days: string[]) => days.reduce((a, b) => (a > b ? a : b));

const VISIT_NOTES = [
  "Thăm hỏi tại nhà, động viên gia đình yên tâm.",
  "Tổ 5+1 đến thăm, nắm tình hình việc làm và đời sống.",
  "Thăm hỏi, tặng quà dịp Tết.",
  "Động viên tham gia sinh hoạt chi hội ở thôn.",
  "Thăm hỏi khi ốm, gia đình cảm ơn Ban chỉ đạo.",
];
const REVIEW_NOTES = [
  "Giáo dục, giúp đỡ tại cộng đồng dân cư thôn; có tiến bộ.",
  "Nhắc nhở chấp hành quy định của địa phương.",
  "Tổ tự quản nhận xét: chịu khó làm ăn, quan hệ xóm giềng tốt.",
  "Kiểm điểm định kỳ cùng gia đình và người được giao giúp đỡ.",
];
const COUNSEL_NOTES: Record<"psychological" | "career", string[]> = {
  psychological: [
    "Tư vấn tâm lý, vượt qua mặc cảm khi trở về.",
    "Trò chuyện về quan hệ vợ chồng, con cái.",
    "Tư vấn phòng, chống tái nghiện.",
    "Chia sẻ cách ứng xử khi bị kỳ thị.",
  ],
  career: [
    "Tư vấn chọn nghề, giới thiệu lớp học nghề.",
    "Tư vấn tìm việc làm tại địa phương.",
    "Tư vấn chuyển đổi cây trồng, làm kinh tế hộ.",
  ],
};
const PROCEDURE_NOTES: Record<ProcedureKind, string> = {
  id_card: "Hỗ trợ làm lại căn cước công dân: chụp ảnh, lấy vân tay, trả thẻ tại nhà.",
  health_insurance: "Hỗ trợ làm thẻ bảo hiểm y tế hộ gia đình.",
  residence: "Hỗ trợ đăng ký thường trú.",
  civil_status: "Hỗ trợ trích lục giấy khai sinh, đăng ký kết hôn.",
  criminal_record_extract: "Hướng dẫn xin phiếu lý lịch tư pháp để đi làm.",
  expungement: "Hướng dẫn hồ sơ xóa án tích.",
};
const placesOf = (c: Commune) => [
  `Hội trường UBND xã ${c.name}`,
  `Nhà văn hóa thôn ${c.key === "namDa" ? "Nam Thanh" : "1"}`,
  `Hội trường Công an xã ${c.name}`,
];

/** The model's records: the same plan every time (fixed dates, seeded PRNG). */
export function planFivePlusOne(): Plan {
  const rng = mulberry32(SEED);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rng() * items.length)];
  const between = (from: string, to: string) => addDays(from, Math.floor(rng() * (daysBetween(from, to) + 1)));
  const last = addDays(ARTICLE_DAY, -1);
  // Releases: a fraction of the pilot's span (the last ones a few weeks before the article).
  const releaseSpan = daysBetween(PILOT_LAUNCH, addDays(ARTICLE_DAY, -40));
  const released = (f: number) => addDays(PILOT_LAUNCH, Math.floor(f * releaseSpan));
  const replication = daysBetween(REPLICATED_ON, last);
  const inReplication = (f: number) => addDays(REPLICATED_ON, Math.floor(f * replication));

  // Members: joined on release (or when the model began in their commune), a few days for the paperwork.
  const taken = new Set(NEWCOMERS.map((p) => p.fullName));
  const persons: PlannedPerson[] = [];
  for (const c of COMMUNES) {
    const list = c.key === "namDa" ? NEWCOMERS : otherMembers(c, rng, taken);
    for (const p of list) {
      const releaseDate = released(p.released);
      persons.push({ ...p, commune: c.key, releaseDate, joinedOn: addDays(maxDate(releaseDate, c.launchedOn), 3) });
    }
  }
  const person = (name: string) => persons.find((p) => p.fullName === name)!;
  const nth = (commune: CommuneKey, index: number) => persons.filter((p) => p.commune === commune)[index];

  const courses: CoursePlan[] = COURSES.map((c) => ({ ...c, completesOn: addDays(c.startsAt, c.weeks * 7 - 3) }));
  // Trainees: Nam Đà's two by name; in the other communes, members who asked for training, to the first
  // intake that starts three weeks after their release (referred ten days before it starts).
  const viable = (p: PlannedPerson, c: CoursePlan) =>
    daysBetween(p.releaseDate, c.startsAt) >= 21 && addDays(c.startsAt, -10) >= maxDate(p.joinedOn, REPLICATED_ON);
  const chosen: [PlannedPerson, CoursePlan][] = NAM_DA_TRAINEES.map(([name, key]) => [
    person(name),
    courses.find((c) => c.key === key)!,
  ]);
  for (const c of COMMUNES.filter((x) => x.key !== "namDa")) {
    const wanting = persons.filter((p) => p.commune === c.key && p.needs.includes("training"));
    const others = persons.filter((p) => p.commune === c.key && !p.needs.includes("training"));
    let count = 0;
    for (const p of [...wanting, ...others]) {
      if (count === c.trainees) break;
      const course =
        courses.find((k) => viable(p, k) && k.occupationCode === p.desired[0]) ?? courses.find((k) => viable(p, k));
      if (!course) continue;
      chosen.push([p, course]);
      count++;
    }
    if (count !== c.trainees) throw new Error(`Not enough trainees in ${c.name}`);
  }
  const trainees: TraineePlan[] = chosen.map(([p, course], i) => {
    const dropReason = i === 5 || i === 14 ? DROP_REASONS[i === 5 ? 0 : 1] : "";
    return {
      name: p.fullName,
      course: course.key,
      referredOn: addDays(course.startsAt, -10),
      startsAt: course.startsAt,
      completedOn: dropReason ? null : course.completesOn,
      droppedOn: dropReason ? addDays(course.startsAt, 20) : null,
      dropReason,
    };
  });

  const jobs: JobPlan[] = JOBS.map(({ who, ...j }) => {
    const p = typeof who === "string" ? person(who) : nth(who.commune, who.index);
    const trained = trainees.find((t) => t.name === p.fullName && t.completedOn);
    const earliest = trained ? addDays(trained.completedOn!, 10) : addDays(maxDate(p.releaseDate, REPLICATED_ON), 30);
    const startDate = maxDate(inReplication(j.starts), earliest);
    if (startDate > last) throw new Error(`The job of ${p.fullName} would start after the article`);
    return { ...j, name: p.fullName, startDate, enrolmentOf: trained?.name };
  });

  const loans: LoanPlan[] = LOANS.map((l) => ({
    ...l,
    listMonth: `${l.appliedOn.slice(0, 8)}01`,
    decidedOn: addDays(l.appliedOn, 25),
    disbursedOn: addDays(l.appliedOn, 35),
  }));

  // Activities of the replication period: each on a day between the member's joining (or the replication)
  // and the article, members there longer get more. Then xã Nam Đà's pilot-year work (2019).
  const activities: ActivityPlan[] = [];
  const weighted = (members: PlannedPerson[], from: string, to: string) => {
    const span = (p: PlannedPerson) => Math.max(daysBetween(maxDate(p.joinedOn, from), to), 0);
    const eligible = members.filter((p) => span(p) > 0);
    const total = eligible.reduce((s, p) => s + span(p), 0);
    return {
      somebody: () => {
        let r = rng() * total;
        for (const p of eligible) if ((r -= span(p)) < 0) return p;
        return eligible[eligible.length - 1];
      },
      day: (p: PlannedPerson) => between(maxDate(p.joinedOn, from), to),
    };
  };
  const modes: CounsellingMode[] = [
    "individual",
    "individual",
    "individual",
    "group",
    "group",
    "phone",
    "phone",
    "online",
  ];
  const fill = (
    members: PlannedPerson[],
    from: string,
    to: string,
    counts: Partial<Record<"encouragementVisits" | "educationReviews" | "counselling" | "procedureHelps", number>>,
  ) => {
    const w = weighted(members, from, to);
    const add = (
      p: PlannedPerson,
      kind: ActivityPlan["kind"],
      topic = "",
      mode: CounsellingMode | null = null,
      note = "",
    ) => activities.push({ name: p.fullName, kind, topic, mode, occurredOn: w.day(p), note });
    for (let i = 0; i < (counts.encouragementVisits ?? 0); i++)
      add(w.somebody(), "encouragement_visit", "", null, pick(VISIT_NOTES));
    for (let i = 0; i < (counts.educationReviews ?? 0); i++)
      add(w.somebody(), "education_review", "", null, pick(REVIEW_NOTES));
    for (let i = 0; i < (counts.counselling ?? 0); i++) {
      const topic = rng() < 0.55 ? "psychological" : "career";
      add(w.somebody(), "counselling", topic, pick(modes), pick(COUNSEL_NOTES[topic]));
    }
    // Procedure help: first what members needed (ID card, health insurance), then further steps.
    const helps: [PlannedPerson, ProcedureKind][] = [];
    const wanted = counts.procedureHelps ?? 0;
    for (const p of members)
      for (const need of ["id_card", "health_insurance"] as const)
        if (p.needs.includes(need) && helps.length < wanted && p.joinedOn < to) helps.push([p, need]);
    const others: ProcedureKind[] = [
      "id_card",
      "id_card",
      "id_card",
      "health_insurance",
      "health_insurance",
      "health_insurance",
      "residence",
      "civil_status",
      "criminal_record_extract",
    ];
    while (helps.length < wanted) helps.push([w.somebody(), pick(others)]);
    for (const [p, topic] of helps) add(p, "procedure_help", topic, null, PROCEDURE_NOTES[topic]);
  };
  const namDa = persons.filter((p) => p.commune === "namDa");
  fill(namDa, PILOT_LAUNCH, "2019-12-31", PILOT_YEAR);
  fill(persons, REPLICATED_ON, last, DISTRICT_FIGURES);

  // Periodic meetings in each commune over the later part of the replication period, when most members had
  // joined; each member who had joined by then is expected, a few are absent (560 attendances in all).
  const meetings: MeetingPlan[] = [];
  for (const c of COMMUNES) {
    for (let k = 0; k < c.meetings; k++) {
      const heldOn = inReplication(0.4 + (0.58 * (k + (COMMUNES.indexOf(c) + 1) / 5)) / c.meetings);
      const month = `${Number(heldOn.slice(5, 7))}/${heldOn.slice(0, 4)}`;
      const attendees = persons.filter((p) => p.commune === c.key && p.joinedOn <= heldOn).map((p) => p.fullName);
      meetings.push({
        commune: c.key,
        heldOn,
        title: `Gặp gỡ định kỳ Mô hình 5+1 xã ${c.name}, tháng ${month}`,
        place: placesOf(c)[k % 3],
        guests: 6 + Math.floor(rng() * 13),
        attendees,
      });
    }
  }
  const seats = meetings.flatMap((m, i) => m.attendees.map((name) => [i, name] as const));
  if (seats.length < DISTRICT_FIGURES.meetingAttendances)
    throw new Error(`Only ${seats.length} seats for the meetings`);
  const absent = new Set<string>();
  while (absent.size < seats.length - DISTRICT_FIGURES.meetingAttendances) {
    const [i, name] = seats[Math.floor(rng() * seats.length)];
    absent.add(`${i}|${name}`);
  }
  for (const [i, m] of meetings.entries()) m.attendees = m.attendees.filter((name) => !absent.has(`${i}|${name}`));

  return { persons, courses, trainees, jobs, loans, activities, meetings };
}
