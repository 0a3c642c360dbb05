/**
 * The 5+1 model of xã Nam Đà as a plan: who was received, trained, placed, visited, counselled and helped,
 * and when. Pure (no database, no clock: "today" is passed in) and deterministic (a seeded PRNG), so the
 * figures it produces can be reasoned about and checked; db/seed/five-plus-one.ts writes it.
 *
 * The model's published figures (issue 6) over the demo period, from the launch to the seed day: 35
 * persons received (the Nam Đà demo persons of db/seed/persons.ts plus the newcomers below), no
 * reoffending, 104 encouragement visits, 58 education reviews, 18 periodic meetings with 560 attendances,
 * 379 counselling sessions, 156 procedure helps, 14 placed in jobs (2 apprenticeships, 4 at local
 * businesses; db/seed/outcomes.ts places two of them) earning over 5 million VND a month on average, and
 * 22 referred to vocational training (one of them by db/seed/outcomes.ts).
 *
 * Dates of the newcomers' events are fractions of the period, so they stay inside it whenever the demo is
 * seeded; the demo persons' fixed release dates come from persons.ts.
 */
import type { ContractKind, CounsellingMode, OffenceCategory, ProcedureKind } from "../enums";
import { mulberry32 } from "./marketplace";

export const MODEL_NAME = "Mô hình 5+1";
export const MODEL_LAUNCH = "2023-06-01";

export const FIGURES = {
  encouragementVisits: 104,
  educationReviews: 58,
  meetings: 18,
  meetingAttendances: 560,
  counselling: 379,
  procedureHelps: 156,
} as const;

const SEED = 51_2023;
/** Seeded earlier than a year after the launch (a test clock far back), the model is not seeded at all. */
export const MIN_SPAN_DAYS = 365;

// ---------------------------------------------------------------------------------------------------
// Newcomers: invented names, realistic situations in a coffee-growing commune of Lâm Đồng
// ---------------------------------------------------------------------------------------------------

type Release = "completed" | "amnesty" | "conditional_release";
export type Newcomer = {
  fullName: string;
  gender: "male" | "female";
  dateOfBirth: string;
  address: string;
  /** A fraction of the period, or a fixed day (the 2025 amnesty). */
  released: number | string;
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
const AMNESTY_2025 = "2025-08-30";

const n = (fullName: string, gender: "m" | "f", dateOfBirth: string, address: string, released: number | string, releaseType: Release, offence: OffenceCategory, sentenceMonths: number, skills: string[], trades: string[], desired: string[], education: string, needs: Newcomer["needs"], supervisor: string): Newcomer => ({
  fullName, gender: gender === "m" ? "male" : "female", dateOfBirth, address: `Thôn ${address}`.replace("Thôn Buôn", "Buôn"), released, releaseType, offence, sentenceMonths, skills, trades, desired, education, needs, supervisor,
});

export const NEWCOMERS: Newcomer[] = [
  n("Phạm Văn Tùng", "m", "1989-03-14", "Nam Dao", 0.004, "completed", "property", 30, ["phụ hồ", "trộn vữa", "xây tường"], ["93130"], ["71120"], "Lớp 9", ["id_card", "health_insurance"], CCB),
  n("Lò Văn Sinh", "m", "1992-07-02", "Nam Ninh", 0.008, "completed", "drugs", 24, ["chăm sóc cà phê", "tưới cây"], ["61120"], ["61120", "81600"], "Lớp 7", ["id_card", "training"], DTN),
  n("Trần Văn Quyết", "m", "1984-11-20", "Nam Thanh", 0.012, "conditional_release", "violence", 54, ["lái máy cày", "sửa máy bơm"], ["72330"], ["72330"], "Lớp 9", ["health_insurance", "training"], CCB),
  n("Điểu Bình", "m", "1997-05-09", "Buôn Ja Ráh", 0.016, "completed", "public_order", 18, ["hái cà phê", "làm cỏ"], ["92110"], ["61120"], "Lớp 6", ["id_card", "health_insurance", "training"], DTN),
  n("Vũ Thị Mến", "f", "1990-01-25", "Nam Hợp", 0.02, "completed", "fraud", 36, ["bán hàng", "nấu ăn gia đình"], ["52230"], ["51200"], "Lớp 12", ["counselling", "training"], PN),
  n("Hoàng Văn Thắng", "m", "1994-09-12", "Nam Tiến", 0.024, "completed", "property", 24, ["đi dây điện", "sửa quạt"], ["74110"], ["74110"], "Tốt nghiệp THPT", ["training"], DTN),
  n("Đỗ Thị Ngọc Ánh", "f", "1996-06-18", "Nam Xuân", 0.028, "completed", "drugs", 30, ["may vá", "bán hàng"], ["75310"], ["51200", "81530"], "Lớp 11", ["counselling", "training", "health_insurance"], PN),
  n("Bùi Văn Lợi", "m", "1991-02-03", "Nam Cao", 0.032, "completed", "property", 36, ["cắt sắt", "hàn que"], ["72140"], ["72120"], "Lớp 9", ["id_card", "training"], DTN),
  n("Y Phôn Ksơr", "m", "1993-10-30", "Buôn Ja Ráh", 0.036, "completed", "violence", 20, ["làm rẫy", "tỉa cành cà phê"], ["61120"], ["61120"], "Lớp 8", ["health_insurance", "loan", "training"], ND),
  n("Lương Văn Hiếu", "m", "1998-12-07", "Nam Hải", 0.04, "completed", "traffic", 18, ["sửa xe đạp", "thay nhớt"], ["93290"], ["72310", "72120"], "Tốt nghiệp THPT", ["training"], DTN),
  n("Mai Văn Sáng", "m", "1982-04-16", "Nam Trung", 0.045, "completed", "economic", 48, ["chăn nuôi heo", "trồng ngô"], ["61210"], ["61210"], "Lớp 10", ["loan", "training", "health_insurance"], ND),
  n("Triệu Thị Hoa", "f", "1988-08-08", "Nam Ninh", 0.05, "completed", "drugs", 42, ["nuôi gà", "trồng rau"], ["61110"], ["61210"], "Lớp 9", ["id_card", "health_insurance", "training"], PN),
  n("Đặng Quốc Việt", "m", "1995-03-21", "Nam Tiến", 0.055, "completed", "property", 24, ["phụ điện", "bốc xếp"], ["93330"], ["74110"], "Lớp 12", ["training", "counselling"], DTN),
  n("Cao Văn Đạt", "m", "1987-07-11", "Nam Thuận", 0.06, "completed", "public_order", 24, ["bốc xếp", "lái xe máy"], ["93330"], ["93330", "43210"], "Lớp 9", ["id_card"], CCB),
  n("Phan Văn Kiên", "m", "1990-05-27", "Nam Dao", 0.065, "conditional_release", "fraud", 60, ["sửa điện dân dụng"], ["74110"], ["74110"], "Trung cấp điện", ["health_insurance", "training"], CCB),
  n("Kim Văn Dũng", "m", "1986-01-19", "Nam Thanh", 0.07, "completed", "drugs", 36, ["rang cà phê", "đóng gói"], ["81600"], ["81600"], "Lớp 9", ["health_insurance", "counselling"], ND),
  n("Hà Thị Liên", "f", "1992-11-02", "Nam Hợp", 0.075, "completed", "property", 18, ["hái cà phê", "phơi sấy"], ["92110"], ["61120"], "Lớp 7", ["id_card", "training", "counselling"], PN),
  n("Quách Văn Bảo", "m", "1999-09-09", "Nam Xuân", 0.08, "completed", "violence", 30, ["sửa máy bơm", "lái máy cày"], ["72330"], ["72330"], "Lớp 10", ["training"], DTN),
  n("Tạ Thị Xuân", "f", "1985-12-24", "Nam Cao", 0.09, "completed", "fraud", 30, ["nấu ăn", "bán quán"], ["94120"], ["51200"], "Lớp 12", ["training", "health_insurance"], PN),
  n("Ksor Y Rin", "m", "1994-04-04", "Buôn Ja Ráh", 0.1, "completed", "public_order", 12, ["làm rẫy", "hái tiêu"], ["92110"], ["61120"], "Lớp 5", ["id_card", "health_insurance", "training"], ND),
  n("Võ Văn Trí", "m", "1983-06-30", "Nam Trung", 0.11, "completed", "property", 36, ["xây tường", "lát nền"], ["71120"], ["71120"], "Lớp 9", ["health_insurance"], CCB),
  n("Thái Văn Phong", "m", "1990-10-15", "Nam Hải", 0.12, "completed", "drugs", 48, ["sửa máy nông nghiệp"], ["72330"], ["72330", "72311"], "Lớp 11", ["counselling", "training"], DTN),
  n("La Văn Hải", "m", "1979-02-28", "Nam Thuận", 0.14, "completed", "economic", 60, ["buôn bán nông sản"], ["52110"], ["52230"], "Tốt nghiệp THPT", ["loan"], ND),
  n("Đinh Thị Thảo", "f", "1997-07-07", "Nam Ninh", 0.2, "completed", "drugs", 24, ["bán hàng", "pha chế"], ["51320"], ["74110", "51320"], "Lớp 12", ["training", "counselling"], PN),
  n("Lý Văn Tài", "m", "1988-03-03", "Nam Tiến", AMNESTY_2025, "amnesty", "property", 48, ["làm vườn", "chăn nuôi"], ["61130"], ["61210"], "Lớp 8", ["id_card", "health_insurance", "housing"], CCB),
  n("H'Lan Niê", "f", "1993-05-20", "Buôn Ja Ráh", AMNESTY_2025, "amnesty", "fraud", 36, ["dệt thổ cẩm", "bán hàng"], ["73180"], ["73180"], "Lớp 9", ["id_card", "health_insurance", "counselling"], PN),
  n("Hồ Văn Nghĩa", "m", "1991-08-14", "Nam Dao", 0.25, "completed", "property", 30, ["đi dây điện", "bốc xếp"], ["93330"], ["74110"], "Lớp 12", ["training", "health_insurance"], DTN),
  n("Châu Văn Lâm", "m", "1996-12-12", "Nam Xuân", 0.3, "completed", "public_order", 18, ["phụ hồ"], ["93130"], ["71120"], "Lớp 9", ["id_card"], DTN),
  n("Tô Văn Thành", "m", "1989-01-08", "Nam Cao", 0.34, "completed", "drugs", 30, ["điện dân dụng", "sửa quạt"], ["74110"], ["74110"], "Lớp 12", ["training", "counselling"], CCB),
];

// ---------------------------------------------------------------------------------------------------
// Courses (closed intakes of the Krông Nô vocational centre), trainees and jobs
// ---------------------------------------------------------------------------------------------------

export type Course = { key: string; title: string; occupationCode: string; levelCode: "short_course" | "so_cap"; weeks: number; starts: number };
export const COURSES: Course[] = [
  { key: "coffee1", title: "Kỹ thuật trồng và chăm sóc cà phê bền vững", occupationCode: "61120", levelCode: "short_course", weeks: 6, starts: 0.08 },
  { key: "welding", title: "Hàn điện – sơ cấp", occupationCode: "72120", levelCode: "so_cap", weeks: 12, starts: 0.16 },
  { key: "electric1", title: "Điện dân dụng – sơ cấp", occupationCode: "74110", levelCode: "so_cap", weeks: 12, starts: 0.25 },
  { key: "livestock", title: "Chăn nuôi heo, gà an toàn sinh học", occupationCode: "61210", levelCode: "short_course", weeks: 6, starts: 0.34 },
  { key: "cooking", title: "Nấu ăn – sơ cấp", occupationCode: "51200", levelCode: "so_cap", weeks: 10, starts: 0.45 },
  { key: "machinery", title: "Sửa chữa máy nông nghiệp – sơ cấp", occupationCode: "72330", levelCode: "so_cap", weeks: 10, starts: 0.56 },
  { key: "coffee2", title: "Kỹ thuật trồng và chăm sóc cà phê bền vững", occupationCode: "61120", levelCode: "short_course", weeks: 6, starts: 0.7 },
  { key: "electric2", title: "Điện dân dụng – sơ cấp", occupationCode: "74110", levelCode: "so_cap", weeks: 12, starts: 0.94 },
];

/** Who was referred to which course (a later intake when released too late for it), and how it ended. */
export const TRAINEES: [name: string, course: string, dropped?: string][] = [
  ["Lò Văn Sinh", "coffee1"],
  ["Điểu Bình", "coffee1"],
  ["Y Phôn Ksơr", "coffee1"],
  ["Bùi Văn Lợi", "welding"],
  ["Lương Văn Hiếu", "welding"],
  ["Hoàng Văn Thắng", "electric1"],
  ["Đặng Quốc Việt", "electric1", "Đi làm thuê mùa thu hoạch cà phê, xin học lại khóa sau."],
  ["Phan Văn Kiên", "electric1"],
  ["Mai Văn Sáng", "livestock"],
  ["Triệu Thị Hoa", "livestock"],
  ["Vũ Thị Mến", "cooking"],
  ["Tạ Thị Xuân", "cooking"],
  ["Đỗ Thị Ngọc Ánh", "cooking", "Con nhỏ ốm dài ngày, phải nghỉ học để chăm con."],
  ["Trần Văn Quyết", "machinery"],
  ["Quách Văn Bảo", "machinery"],
  ["Thái Văn Phong", "machinery"],
  ["Hà Thị Liên", "coffee2"],
  ["Ksor Y Rin", "coffee2"],
  ["Đinh Thị Thảo", "electric2"],
  ["Hồ Văn Nghĩa", "electric2"],
  ["Tô Văn Thành", "electric2"],
];

/** Local businesses of xã Nam Đà that took people on (the organisations are created by the seed). */
export const LOCAL_BUSINESSES = [
  { name: "Cơ sở sơ chế cà phê Thiện Phát", kind: "workshop" as const, address: "Thôn Nam Ninh", contactName: "Lê Thiện Phát", contactPhone: "0263388456", about: "Sơ chế, phơi sấy cà phê nhân cho bà con trong xã." },
  { name: "Cửa hàng Máy nông nghiệp Hòa Bình", kind: "household_business" as const, address: "Thôn Nam Thanh, Quốc lộ 28", contactName: "Vương Văn Hòa", contactPhone: "0913654321", about: "Bán và sửa chữa máy cày, máy bơm, máy xát." },
  { name: "Quán cơm Đồng Quê", kind: "household_business" as const, address: "Thôn Nam Hợp", contactName: "Phùng Thị Quê", contactPhone: "0978112233", about: "Quán cơm trưa cho công nhân và khách qua đường." },
];

export type Job = {
  name: string;
  employer: string;
  /** "local": one of LOCAL_BUSINESSES; "org": an existing organisation by name; otherwise named only. */
  link?: "local" | "org";
  position: string;
  wage: number;
  contractKind: ContractKind;
  /** Start, as a fraction of the period (moved after the course or the release when needed). */
  starts: number;
  unstable?: boolean;
};
export const JOBS: Job[] = [
  { name: "Phạm Văn Tùng", employer: "Công ty TNHH Xây dựng Trường Sơn Đắk Nông", position: "Thợ phụ xây dựng", wage: 6_500_000, contractKind: "labour_contract", starts: 0.05 },
  { name: "Lò Văn Sinh", employer: "Cơ sở sơ chế cà phê Thiện Phát", link: "local", position: "Công nhân sơ chế cà phê", wage: 5_200_000, contractKind: "labour_contract", starts: 0.16 },
  { name: "Trần Văn Quyết", employer: "Cửa hàng Máy nông nghiệp Hòa Bình", link: "local", position: "Thợ sửa máy nông nghiệp", wage: 6_000_000, contractKind: "labour_contract", starts: 0.66 },
  { name: "Vũ Thị Mến", employer: "Quán cơm Đồng Quê", link: "local", position: "Phụ bếp", wage: 5_500_000, contractKind: "verbal_agreement", starts: 0.55 },
  { name: "Hoàng Văn Thắng", employer: "Hộ kinh doanh Điện nước Thành Công", link: "org", position: "Thợ điện dân dụng", wage: 7_000_000, contractKind: "labour_contract", starts: 0.36 },
  { name: "Bùi Văn Lợi", employer: "Công ty TNHH Cơ khí Krông Nô", position: "Thợ hàn", wage: 7_200_000, contractKind: "labour_contract", starts: 0.27 },
  { name: "Lương Văn Hiếu", employer: "Gara ô tô Minh Khoa (xã Đắk Mil)", position: "Học việc gò hàn ô tô", wage: 3_500_000, contractKind: "apprenticeship", starts: 0.3 },
  { name: "Triệu Thị Hoa", employer: "Trang trại chăn nuôi Hưng Thịnh (xã Quảng Phú)", position: "Công nhân chăn nuôi", wage: 5_800_000, contractKind: "labour_contract", starts: 0.42 },
  { name: "Cao Văn Đạt", employer: "Công ty TNHH Vận tải Bảo Lộc", link: "org", position: "Công nhân bốc xếp", wage: 6_800_000, contractKind: "labour_contract", starts: 0.2 },
  { name: "Kim Văn Dũng", employer: "Công ty Cổ phần Cà phê Đắk Mil", position: "Công nhân rang xay", wage: 6_200_000, contractKind: "labour_contract", starts: 0.48 },
  { name: "Tạ Thị Xuân", employer: "Nhà hàng Phố Núi (phường Bắc Gia Nghĩa)", position: "Phụ bếp", wage: 5_500_000, contractKind: "labour_contract", starts: 0.62 },
  { name: "Võ Văn Trí", employer: "Đội thợ xây Phúc Lộc", position: "Thợ xây", wage: 7_000_000, contractKind: "verbal_agreement", starts: 0.75, unstable: true },
];

/** Loans under Decision 22/2023 (production and business), after the course or the release. */
export const LOANS: { name: string; amount: number; listed: number; note: string }[] = [
  { name: "Mai Văn Sáng", amount: 50_000_000, listed: 0.42, note: "Mua heo giống và làm chuồng sau khóa chăn nuôi." },
  { name: "Y Phôn Ksơr", amount: 40_000_000, listed: 0.2, note: "Chăm sóc 1 ha cà phê tái canh." },
  { name: "La Văn Hải", amount: 30_000_000, listed: 0.3, note: "Mở điểm thu mua nông sản nhỏ tại nhà." },
];

// ---------------------------------------------------------------------------------------------------
// The plan
// ---------------------------------------------------------------------------------------------------

export type Member = { name: string; releaseDate: string; needs: string[] };
export type ActivityPlan = { name: string; kind: "encouragement_visit" | "education_review" | "counselling" | "procedure_help"; topic: string; mode: CounsellingMode | null; occurredOn: string; note: string };
export type MeetingPlan = { heldOn: string; title: string; place: string; guests: number; attendees: string[] };
export type CoursePlan = Course & { startsAt: string; completesOn: string };
export type TraineePlan = { name: string; course: string; referredOn: string; startsAt: string; completedOn: string | null; droppedOn: string | null; dropReason: string };
export type JobPlan = Job & { startDate: string; enrolmentOf?: string };
export type LoanPlan = { name: string; amount: number; listMonth: string; appliedOn: string; decidedOn: string; disbursedOn: string; note: string };
export type Plan = {
  releaseOf: Map<string, string>;
  joinedOn: Map<string, string>;
  courses: CoursePlan[];
  trainees: TraineePlan[];
  jobs: JobPlan[];
  loans: LoanPlan[];
  activities: ActivityPlan[];
  meetings: MeetingPlan[];
};

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
const maxDate = (...days: string[]) => days.reduce((a, b) => (a > b ? a : b));
const minDate = (...days: string[]) => days.reduce((a, b) => (a < b ? a : b));

const VISIT_NOTES = ["Thăm hỏi tại nhà, động viên gia đình yên tâm.", "Tổ 5+1 đến thăm, nắm tình hình việc làm và đời sống.", "Thăm hỏi, tặng quà dịp Tết.", "Động viên tham gia sinh hoạt chi hội ở thôn.", "Thăm hỏi khi ốm, gia đình cảm ơn Ban chỉ đạo."];
const REVIEW_NOTES = ["Giáo dục, giúp đỡ tại cộng đồng dân cư thôn; có tiến bộ.", "Nhắc nhở chấp hành quy định của địa phương.", "Tổ tự quản nhận xét: chịu khó làm ăn, quan hệ xóm giềng tốt.", "Kiểm điểm định kỳ cùng gia đình và người được giao giúp đỡ."];
const COUNSEL_NOTES: Record<"psychological" | "career", string[]> = {
  psychological: ["Tư vấn tâm lý, vượt qua mặc cảm khi trở về.", "Trò chuyện về quan hệ vợ chồng, con cái.", "Tư vấn phòng, chống tái nghiện.", "Chia sẻ cách ứng xử khi bị kỳ thị."],
  career: ["Tư vấn chọn nghề, giới thiệu lớp học nghề.", "Tư vấn tìm việc làm tại địa phương.", "Hướng dẫn làm hồ sơ vay vốn sản xuất.", "Tư vấn chuyển đổi cây trồng, làm kinh tế hộ."],
};
const PROCEDURE_NOTES: Record<ProcedureKind, string> = {
  id_card: "Hỗ trợ làm thẻ căn cước: chụp ảnh, lấy vân tay, trả thẻ tại nhà.",
  health_insurance: "Hỗ trợ làm thẻ bảo hiểm y tế hộ gia đình.",
  residence: "Hỗ trợ đăng ký thường trú.",
  civil_status: "Hỗ trợ trích lục giấy khai sinh, đăng ký kết hôn.",
  criminal_record_extract: "Hướng dẫn xin phiếu lý lịch tư pháp để đi làm.",
  expungement: "Hướng dẫn hồ sơ xóa án tích.",
};
const PLACES = ["Hội trường UBND xã Nam Đà", "Nhà văn hóa thôn Nam Thanh", "Nhà văn hóa thôn Nam Hợp", "Nhà rông buôn Ja Ráh", "Hội trường Công an xã Nam Đà"];

/**
 * Plan the model's records for a seed on `today`. `demoMembers` are the Nam Đà demo persons released in the
 * period (db/seed/persons.ts). The seed day must be at least a year after the launch (the caller checks).
 */
export function planFivePlusOne(today: string, demoMembers: Member[]): Plan {
  const rng = mulberry32(SEED);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rng() * items.length)];
  const last = addDays(today, -1);
  const span = daysBetween(MODEL_LAUNCH, last);
  const at = (f: number) => addDays(MODEL_LAUNCH, Math.floor(f * span));
  const between = (from: string, to: string) => addDays(from, Math.floor(rng() * (daysBetween(from, to) + 1)));

  const releaseOf = new Map<string, string>(demoMembers.map((m) => [m.name, m.releaseDate]));
  for (const p of NEWCOMERS) releaseOf.set(p.fullName, typeof p.released === "number" ? at(p.released) : minDate(p.released, addDays(last, -30)));
  const members = [...demoMembers.map((m) => ({ name: m.name, needs: m.needs })), ...NEWCOMERS.map((p) => ({ name: p.fullName, needs: p.needs as string[] }))];
  // Joined the model on release (or at the launch for the first ones), a few days for the paperwork.
  const joinedOn = new Map(members.map((m) => [m.name, minDate(addDays(maxDate(releaseOf.get(m.name)!, MODEL_LAUNCH), 3), last)]));

  const courses: CoursePlan[] = COURSES.map((c) => ({ ...c, startsAt: at(c.starts), completesOn: addDays(at(c.starts), c.weeks * 7 - 3) }));
  const trainees: TraineePlan[] = TRAINEES.map(([name, key, dropReason]) => {
    // The intended intake, or the next one of the same trade that starts after the release.
    const release = releaseOf.get(name)!;
    const viable = (c: CoursePlan) => daysBetween(release, c.startsAt) >= 21;
    const intended = courses.find((c) => c.key === key)!;
    const sameTrade = courses.filter((c) => c.occupationCode === intended.occupationCode && c.startsAt >= intended.startsAt);
    const course = [intended, ...sameTrade].find(viable) ?? courses.find(viable);
    if (!course) throw new Error(`No course after the release of ${name}`);
    const referredOn = addDays(course.startsAt, -10);
    const finished = course.completesOn < today;
    return {
      name,
      course: course.key,
      referredOn,
      startsAt: course.startsAt,
      completedOn: !dropReason && finished ? course.completesOn : null,
      droppedOn: dropReason ? minDate(addDays(course.startsAt, 20), last) : null,
      dropReason: dropReason ?? "",
    };
  });

  const jobs: JobPlan[] = JOBS.map((j) => {
    const trained = trainees.find((t) => t.name === j.name && t.completedOn);
    const earliest = trained ? addDays(trained.completedOn!, 10) : addDays(releaseOf.get(j.name)!, 30);
    return { ...j, startDate: minDate(maxDate(at(j.starts), earliest), addDays(last, -1)), enrolmentOf: trained?.name };
  });

  const loans: LoanPlan[] = LOANS.map((l) => {
    const trained = trainees.find((t) => t.name === l.name && t.completedOn);
    const appliedOn = minDate(maxDate(at(l.listed), addDays(trained?.completedOn ?? releaseOf.get(l.name)!, 14)), addDays(last, -60));
    const listMonth = `${appliedOn.slice(0, 8)}01`;
    return { name: l.name, amount: l.amount, listMonth, appliedOn, decidedOn: addDays(appliedOn, 25), disbursedOn: addDays(appliedOn, 35), note: l.note };
  });

  // Activities: each on a day between the person's joining and yesterday, people in the model longer get more.
  const weightOf = (name: string) => Math.max(daysBetween(joinedOn.get(name)!, last), 1);
  const totalWeight = members.reduce((s, m) => s + weightOf(m.name), 0);
  const somebody = () => {
    let r = rng() * totalWeight;
    for (const m of members) if ((r -= weightOf(m.name)) < 0) return m.name;
    return members[members.length - 1].name;
  };
  const dayFor = (name: string) => between(joinedOn.get(name)!, last);
  const activities: ActivityPlan[] = [];
  const add = (name: string, kind: ActivityPlan["kind"], topic = "", mode: CounsellingMode | null = null, note = "") =>
    activities.push({ name, kind, topic, mode, occurredOn: dayFor(name), note });

  for (let i = 0; i < FIGURES.encouragementVisits; i++) add(somebody(), "encouragement_visit", "", null, pick(VISIT_NOTES));
  for (let i = 0; i < FIGURES.educationReviews; i++) add(somebody(), "education_review", "", null, pick(REVIEW_NOTES));
  const modes: CounsellingMode[] = ["individual", "individual", "individual", "group", "group", "phone", "phone", "online"];
  for (let i = 0; i < FIGURES.counselling; i++) {
    const topic = rng() < 0.55 ? "psychological" : "career";
    add(somebody(), "counselling", topic, pick(modes), pick(COUNSEL_NOTES[topic]));
  }
  // Procedure help: first what each person needed (ID card, health insurance), then follow-up steps.
  const helps: [string, ProcedureKind][] = [];
  for (const m of members) for (const need of ["id_card", "health_insurance"] as const) if (m.needs.includes(need)) helps.push([m.name, need]);
  const others: ProcedureKind[] = ["id_card", "id_card", "id_card", "id_card", "health_insurance", "health_insurance", "health_insurance", "residence", "civil_status", "criminal_record_extract"];
  while (helps.length < FIGURES.procedureHelps) helps.push([somebody(), pick(others)]);
  for (const [name, topic] of helps) add(name, "procedure_help", topic, null, PROCEDURE_NOTES[topic]);

  // Periodic meetings, monthly to every other month over the later part of the period, when most members
  // had joined; each member who had joined by then is expected, a few are absent.
  const meetings: MeetingPlan[] = [];
  for (let k = 0; k < FIGURES.meetings; k++) {
    const heldOn = at(0.36 + (0.625 * k) / (FIGURES.meetings - 1));
    const month = `${Number(heldOn.slice(5, 7))}/${heldOn.slice(0, 4)}`;
    meetings.push({ heldOn, title: `Sinh hoạt định kỳ Mô hình 5+1, tháng ${month}`, place: PLACES[k % PLACES.length], guests: 6 + Math.floor(rng() * 13), attendees: members.filter((m) => joinedOn.get(m.name)! <= heldOn).map((m) => m.name) });
  }
  const seats = meetings.flatMap((m, i) => m.attendees.map((name) => [i, name] as const));
  // Seeded on the day the demo is built, there are always more seats than the published attendances; a
  // test clock set far back only gets fewer attendances, never a failed seed.
  const absences = Math.max(seats.length - FIGURES.meetingAttendances, 0);
  const absent = new Set<string>();
  while (absent.size < absences) {
    const [i, name] = seats[Math.floor(rng() * seats.length)];
    absent.add(`${i}|${name}`);
  }
  for (const [i, m] of meetings.entries()) m.attendees = m.attendees.filter((name) => !absent.has(`${i}|${name}`));

  return { releaseOf, joinedOn, courses, trainees, jobs, loans, activities, meetings };
}
