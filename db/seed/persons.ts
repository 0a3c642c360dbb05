import { eq, inArray } from "drizzle-orm";

import { todayIso } from "~/utils/clock.server";
import { addMonths } from "~/utils/dates";

import { touch } from "../../search/facade.server";
import type { Transaction } from "../client.server";
import {
  appUser,
  auditEvent,
  classification,
  consentGrant,
  conviction,
  courtBan,
  officerCommune,
  releasedPerson,
} from "../schema";

const NAM_DA = "24697";
const LUONG_SON = "04924";
const LAM_DONG = "68";
const PHU_THO = "25";

type DemoPerson = {
  fullName: string;
  gender: "male" | "female";
  dateOfBirth: string;
  phone?: string;
  citizenId?: string;
  communeCode: string;
  address: string;
  releaseDate: string;
  releaseType: "completed" | "amnesty" | "conditional_release";
  conviction: {
    offenceDate: string;
    offenceCategory: (typeof conviction.$inferInsert)["offenceCategory"];
    penalty: "prison";
    sentenceMonths: number;
    nationalSecurity?: boolean;
  };
  skills: string[];
  trades: string[];
  desired: string[];
  experience: string;
  education: string;
  willingToMove?: boolean;
  expectedWage?: number;
  needs: (typeof releasedPerson.$inferInsert)["needs"];
  hardship?: string;
  supervisor: string;
  classifications: [string, "A" | "B" | "C" | "D", string][];
  /** Purposes and, when given, months ago it was given (12-month validity). */
  consent?: {
    purposes: (typeof consentGrant.$inferInsert)["purposes"];
    fields: (typeof consentGrant.$inferInsert)["shareableFields"];
    monthsAgo: number;
  };
  ban?: { occupationCodes: string[]; endsOn: string };
  closed?: { reason: "expunged"; expungedOn: string };
  /** Links the demo person login (phone 0900000001). */
  linkDemoLogin?: boolean;
};

/** Varied, realistic situations in the two demo communes (names invented; situations from the press seeds). */
export const DEMO_PERSONS: DemoPerson[] = [
  {
    fullName: "Nguyễn Văn H.",
    gender: "male",
    dateOfBirth: "1990-08-02",
    phone: "0900000001",
    communeCode: NAM_DA,
    address: "Thôn Nam Tiến",
    releaseDate: "2025-05-20",
    releaseType: "completed",
    conviction: { offenceDate: "2022-03-10", offenceCategory: "property", penalty: "prison", sentenceMonths: 36 },
    skills: ["sửa xe máy", "thay nhớt", "vá săm", "bảo dưỡng xe số"],
    trades: ["72311"],
    desired: ["72311", "72310"],
    experience: "Phụ việc 4 năm ở tiệm sửa xe của gia đình trước khi chấp hành án; học thêm sửa xe trong trại.",
    education: "Tốt nghiệp THCS",
    expectedWage: 5_000_000,
    needs: ["id_card", "health_insurance"],
    supervisor: "Hội Cựu chiến binh xã Nam Đà",
    classifications: [
      ["2025-Q3", "B", "Chưa có việc làm ổn định"],
      ["2025-Q4", "B", "Làm thuê theo ngày"],
    ],
    // He also agreed to be texted (issue 13): the demo outbox shows what reaches his phone.
    consent: {
      purposes: ["matching", "share_contact", "contact_sms"],
      fields: ["full_name", "age", "commune", "skills", "trades", "experience", "phone"],
      monthsAgo: 1,
    },
    linkDemoLogin: true,
  },
  {
    fullName: "Y Thành Niê",
    gender: "male",
    dateOfBirth: "1995-04-17",
    communeCode: NAM_DA,
    address: "Buôn Ja Ráh",
    releaseDate: "2024-11-03",
    releaseType: "completed",
    conviction: { offenceDate: "2022-10-01", offenceCategory: "drugs", penalty: "prison", sentenceMonths: 24 },
    skills: ["chăm sóc cà phê", "hái cà phê", "tưới tiêu"],
    trades: ["61120"],
    desired: ["61120", "92110"],
    experience: "Làm rẫy cà phê cùng gia đình.",
    education: "Lớp 9",
    needs: ["training", "loan"],
    supervisor: "Đoàn Thanh niên xã Nam Đà",
    classifications: [["2025-Q4", "B", "Làm rẫy gia đình, thu nhập thấp"]],
    consent: {
      purposes: ["matching", "training_referral"],
      fields: ["full_name", "age", "commune", "skills", "trades"],
      monthsAgo: 3,
    },
  },
  {
    fullName: "Trần Thị Hằng",
    gender: "female",
    dateOfBirth: "1987-12-05",
    communeCode: NAM_DA,
    address: "Thôn Nam Hợp",
    releaseDate: "2025-09-02",
    releaseType: "amnesty",
    conviction: { offenceDate: "2023-06-20", offenceCategory: "fraud", penalty: "prison", sentenceMonths: 30 },
    skills: ["may vá cơ bản"],
    trades: ["75310"],
    desired: ["81530"],
    experience: "Bán hàng tạp hóa nhỏ.",
    education: "Tốt nghiệp THPT",
    needs: ["training", "counselling"],
    hardship: "Nuôi hai con nhỏ một mình.",
    supervisor: "Hội Liên hiệp Phụ nữ xã Nam Đà",
    classifications: [["2025-Q4", "B", "Hoàn cảnh khó khăn"]],
    consent: { purposes: ["training_referral"], fields: ["full_name", "age", "commune"], monthsAgo: 2 },
  },
  {
    fullName: "Lê Văn Toàn",
    gender: "male",
    dateOfBirth: "1979-01-22",
    communeCode: NAM_DA,
    address: "Thôn Nam Thanh",
    // Released after the 5+1 model's launch (2023-06-01) so he is one of the 35 persons it received
    // (db/seed/five-plus-one-plan.ts): every active Nam Đà demo person is then a member of the model.
    releaseDate: "2023-07-14",
    releaseType: "conditional_release",
    conviction: { offenceDate: "2016-05-14", offenceCategory: "violence", penalty: "prison", sentenceMonths: 96 },
    skills: ["xây tường", "đổ bê tông", "trát"],
    trades: ["71120", "71140"],
    desired: ["71120"],
    experience: "Thợ xây 10 năm.",
    education: "Lớp 7",
    willingToMove: true,
    expectedWage: 7_000_000,
    needs: [],
    supervisor: "Ông Hoàng Văn Phúc, trưởng thôn Nam Thanh",
    classifications: [
      ["2025-Q3", "A", "Có việc làm ổn định ở công trình"],
      ["2025-Q4", "A", ""],
    ],
    consent: {
      purposes: ["matching", "share_contact", "share_record_status"],
      fields: ["full_name", "age", "commune", "skills", "trades", "experience", "phone", "record_status"],
      monthsAgo: 5,
    },
  },
  {
    fullName: "H'Nhi Byă",
    gender: "female",
    dateOfBirth: "1998-09-30",
    communeCode: NAM_DA,
    address: "Buôn Ja Ráh",
    releaseDate: "2026-03-01",
    releaseType: "completed",
    conviction: { offenceDate: "2025-02-11", offenceCategory: "traffic", penalty: "prison", sentenceMonths: 12 },
    skills: ["nấu ăn", "bán hàng"],
    trades: [],
    desired: ["51200", "94120"],
    experience: "Phụ quán ăn.",
    education: "Lớp 12",
    needs: ["id_card", "counselling"],
    supervisor: "Hội Liên hiệp Phụ nữ xã Nam Đà",
    classifications: [["2026-Q2", "C", "Chưa ổn định chỗ ở"]],
    ban: { occupationCodes: ["83220", "83320"], endsOn: "2028-03-01" },
  },
  {
    fullName: "Đinh Văn Lực",
    gender: "male",
    dateOfBirth: "1970-07-07",
    communeCode: NAM_DA,
    address: "Thôn Nam Trung",
    releaseDate: "2024-06-01",
    releaseType: "completed",
    conviction: { offenceDate: "2007-08-01", offenceCategory: "drugs", penalty: "prison", sentenceMonths: 200 },
    skills: ["làm vườn", "chăn nuôi"],
    trades: ["61210"],
    desired: ["61210", "61130"],
    experience: "Chăn nuôi heo quy mô nhỏ.",
    education: "Lớp 5",
    needs: ["health_insurance", "loan"],
    supervisor: "Hội Nông dân xã Nam Đà",
    classifications: [["2025-Q4", "A", "Chăn nuôi tại nhà, ổn định"]],
    consent: { purposes: ["matching"], fields: ["age", "commune", "skills"], monthsAgo: 13 },
  },
  {
    fullName: "Hoàng Văn Nam",
    gender: "male",
    dateOfBirth: "1993-03-03",
    communeCode: LUONG_SON,
    address: "Khu 4",
    releaseDate: "2025-12-01",
    releaseType: "completed",
    conviction: { offenceDate: "2023-04-02", offenceCategory: "property", penalty: "prison", sentenceMonths: 30 },
    skills: ["hàn điện", "hàn hơi", "cắt sắt"],
    trades: ["72120"],
    desired: ["72120", "72140"],
    experience: "Thợ hàn khung nhà xưởng 3 năm.",
    education: "Trung cấp nghề hàn",
    willingToMove: true,
    expectedWage: 6_500_000,
    needs: ["id_card"],
    supervisor: "Đoàn Thanh niên xã Lương Sơn",
    classifications: [["2026-Q1", "B", "Đang tìm việc"]],
    consent: {
      purposes: ["matching", "share_contact"],
      fields: ["full_name", "age", "commune", "skills", "trades", "phone"],
      monthsAgo: 1,
    },
  },
  {
    fullName: "Bùi Thị Thu",
    gender: "female",
    dateOfBirth: "1991-11-19",
    communeCode: LUONG_SON,
    address: "Khu 2",
    releaseDate: "2024-04-10",
    releaseType: "completed",
    conviction: { offenceDate: "2020-01-15", offenceCategory: "drugs", penalty: "prison", sentenceMonths: 48 },
    skills: ["may công nghiệp", "vắt sổ"],
    trades: ["81530"],
    desired: ["81530"],
    experience: "Công nhân may 2 năm.",
    education: "Lớp 12",
    expectedWage: 5_500_000,
    needs: [],
    supervisor: "Hội Liên hiệp Phụ nữ xã Lương Sơn",
    classifications: [["2025-Q4", "A", "Công nhân may, ổn định"]],
    consent: {
      purposes: ["matching", "share_contact"],
      fields: ["full_name", "age", "commune", "skills", "trades", "phone"],
      monthsAgo: 4,
    },
  },
  {
    fullName: "Đặng Văn Khoa",
    gender: "male",
    dateOfBirth: "1985-06-25",
    communeCode: LUONG_SON,
    address: "Khu 7",
    releaseDate: "2021-08-15",
    releaseType: "completed",
    conviction: { offenceDate: "2016-06-01", offenceCategory: "economic", penalty: "prison", sentenceMonths: 60 },
    skills: ["kế toán", "vi tính văn phòng"],
    trades: ["41100"],
    desired: ["41100", "43210"],
    experience: "Kế toán kho.",
    education: "Cao đẳng kế toán",
    needs: [],
    supervisor: "Ông Nguyễn Văn Tâm, Mặt trận Tổ quốc xã",
    classifications: [["2025-Q4", "A", "Ổn định"]],
  },
  {
    fullName: "Vũ Văn Long",
    gender: "male",
    dateOfBirth: "1976-02-14",
    communeCode: LUONG_SON,
    address: "Khu 1",
    releaseDate: "2022-01-01",
    releaseType: "completed",
    conviction: {
      offenceDate: "2017-11-11",
      offenceCategory: "national_security",
      penalty: "prison",
      sentenceMonths: 48,
      nationalSecurity: true,
    },
    skills: ["sửa điện dân dụng"],
    trades: ["74110"],
    desired: ["74110"],
    experience: "Thợ điện.",
    education: "Lớp 12",
    needs: [],
    supervisor: "Công an xã Lương Sơn",
    classifications: [["2025-Q4", "A", ""]],
  },
  {
    fullName: "Ngô Thị Lan",
    gender: "female",
    dateOfBirth: "1983-10-10",
    communeCode: LUONG_SON,
    address: "Khu 3",
    releaseDate: "2019-03-20",
    releaseType: "completed",
    conviction: { offenceDate: "2017-01-05", offenceCategory: "property", penalty: "prison", sentenceMonths: 24 },
    skills: ["bán hàng"],
    trades: ["52230"],
    desired: [],
    experience: "",
    education: "Lớp 12",
    needs: [],
    supervisor: "Hội Liên hiệp Phụ nữ xã Lương Sơn",
    classifications: [["2021-Q1", "A", ""]],
    closed: { reason: "expunged", expungedOn: "2021-03-20" },
  },
];

/**
 * Demo released persons for xã Nam Đà and xã Lương Sơn, with convictions, classifications, bans and
 * consents (paper forms). Idempotent: does nothing when Mr Nguyễn Văn H. is already there.
 */
export async function seedDemoPersons(tx: Transaction): Promise<boolean> {
  const [existing] = await tx
    .select({ id: releasedPerson.id })
    .from(releasedPerson)
    .where(eq(releasedPerson.phone, "0900000001"));
  if (existing) return false;
  const officers = await tx
    .select({ userId: officerCommune.userId, communeCode: officerCommune.communeCode })
    .from(officerCommune)
    .where(inArray(officerCommune.communeCode, [NAM_DA, LUONG_SON]));
  const officerOf = (code: string) => officers.find((o) => o.communeCode === code)?.userId ?? null;
  const [login] = await tx.select({ id: appUser.id }).from(appUser).where(eq(appUser.phone, "0900000001"));
  const today = todayIso();
  const consented: string[] = [];

  for (const p of DEMO_PERSONS) {
    const officer = officerOf(p.communeCode);
    const [row] = await tx
      .insert(releasedPerson)
      .values({
        fullName: p.fullName,
        gender: p.gender,
        dateOfBirth: p.dateOfBirth,
        phone: p.phone ?? null,
        citizenId: p.citizenId ?? null,
        address: p.address,
        provinceCode: p.communeCode === NAM_DA ? LAM_DONG : PHU_THO,
        communeCode: p.communeCode,
        releaseDate: p.releaseDate,
        releaseType: p.releaseType,
        skills: p.skills,
        trades: p.trades,
        desiredOccupations: p.desired,
        experience: p.experience,
        education: p.education,
        willingToMove: p.willingToMove ?? false,
        expectedWage: p.expectedWage ?? null,
        needs: p.needs,
        hardship: !!p.hardship,
        hardshipNote: p.hardship ?? "",
        supervisorKind: /^(Ông|Bà) /.test(p.supervisor) ? "individual" : "organization",
        supervisorName: p.supervisor,
        status: p.closed ? "closed" : "active",
        closedReason: p.closed?.reason ?? null,
        closedAt: p.closed ? new Date(`${p.closed.expungedOn}T09:00:00+07:00`) : null,
        recordExpungedOn: p.closed?.expungedOn ?? null,
        expungementEvidence: p.closed ? "Giấy chứng nhận xóa án tích (Tòa án nhân dân)" : "",
        userId: p.linkDemoLogin && login ? login.id : null,
        createdBy: officer,
      })
      .returning({ id: releasedPerson.id });
    await tx.insert(conviction).values({
      personId: row.id,
      offenceDate: p.conviction.offenceDate,
      offenceCategory: p.conviction.offenceCategory,
      nationalSecurity: p.conviction.nationalSecurity ?? false,
      penalty: p.conviction.penalty,
      sentenceMonths: p.conviction.sentenceMonths,
      mainCompletedOn: p.releaseDate,
    });
    if (p.ban)
      await tx.insert(courtBan).values({
        personId: row.id,
        kind: "occupation",
        occupationCodes: p.ban.occupationCodes,
        endsOn: p.ban.endsOn,
        description: "Cấm hành nghề lái xe",
      });
    for (const [quarter, group, note] of p.classifications) {
      await tx.insert(classification).values({ personId: row.id, quarter, group, note, classifiedBy: officer });
    }
    if (p.consent) {
      const givenOn = addMonths(today, -p.consent.monthsAgo);
      await tx.insert(consentGrant).values({
        personId: row.id,
        purposes: p.consent.purposes,
        shareableFields: p.consent.fields,
        givenAt: new Date(`${givenOn}T09:00:00+07:00`),
        evidenceKind: "paper_form",
        evidenceRef: `HCD-02/${givenOn.slice(0, 4)}/${String(consented.length + 1).padStart(3, "0")}`,
        expiresAt: new Date(`${addMonths(givenOn, 12)}T09:00:00+07:00`),
        createdBy: officer,
      });
      consented.push(row.id);
    }
    if (officer)
      await tx
        .insert(auditEvent)
        .values({ actorId: officer, actorRole: "officer", personId: row.id, action: "create", purpose: "intake" });
  }
  await touch(tx, "candidate", consented);
  return true;
}
