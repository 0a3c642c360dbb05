import { eq } from "drizzle-orm";

import type { OrgScope } from "~/auth/org-scope.server";
import type { StaffScope } from "~/auth/scope.server";
import { createDataRequest } from "~/modules/persons/self-service.server";

import type { Database } from "../../../db/client.server";
import { appUser, officerCommune } from "../../../db/schema";
import { DEMO_ACCOUNTS, DEMO_ADMIN_LAM_DONG, DEMO_NATIONAL } from "../../../db/seed/demo";
import { DEFAULT_PASSWORD, UNITS } from "../../factories";
import { createOrgMember, publishJob, publishTraining } from "../../factories/marketplace";
import { activatePerson, createPerson, giveConsent } from "../../factories/persons";
import { logActivity } from "../../factories/support";
import { latestNotification, type RecordIds, supportRecords, wayToWork } from "../../setup/subject-record";

/*
 * The subject of the policy table and of the id-guessing tests: one released person of commune A (xã Nam Đà,
 * province X = Lâm Đồng) with a record that every person-related page can show, built through the real
 * services by the demo's own officer of Nam Đà, with the demo's repair shop and training centre as the
 * organisations. The demo's officer of xã Lương Sơn and admin of Phú Thọ are commune B and province Y: neither
 * covers Nam Đà, so each must be refused all of it.
 */

/** Unique enough that finding any of them in an answer means the subject leaked. */
export const SUBJECT = {
  fullName: "Đặng Thị Chính Sách",
  phone: "0987650123",
  /** How the phone may be printed (grouped) as well. */
  phoneGrouped: "0987 650 123",
  citizenId: "068195012345",
  /** Not on any list of common passwords (activation checks the password rules). */
  password: "BangChinhSach-Ngay12",
} as const;

/** The subject's records (tests/setup/subject-record.ts), with the demo employer's job and the demo provider's course, and their open data request. */
export type SubjectIds = RecordIds & { dataRequest: string };

/** Who logs in as what: the demo accounts, the subject, and an employer with no business with the subject. */
export type Accounts = Record<
  | "person"
  | "employer"
  | "provider"
  | "officerA"
  | "officerB"
  | "adminX"
  | "adminY"
  | "national"
  | "otherEmployer"
  | "otherPerson",
  { identifier: string; password: string }
>;

const demo = (identifier: string) => ({ identifier, password: "ChungTay@2026" });

async function userIdOf(db: Database, email: string) {
  const [row] = await db
    .select({ id: appUser.id, organizationId: appUser.organizationId })
    .from(appUser)
    .where(eq(appUser.email, email));
  if (!row) throw new Error(`demo account ${email} is missing: was the demo seeded?`);
  return row;
}

/**
 * Build the subject in a database that already holds the demo data. Runs in the test process before the app
 * starts on the same database (PGlite allows one process at a time), through the process database (`db()`).
 */
export async function buildSubject(db: Database): Promise<{ ids: SubjectIds; accounts: Accounts }> {
  const officerNamDa = await userIdOf(db, DEMO_ACCOUNTS.officerNamDa.email);
  const employerUser = await userIdOf(db, DEMO_ACCOUNTS.employer.email);
  const providerUser = await userIdOf(db, DEMO_ACCOUNTS.provider.email);
  const officerA: StaffScope = {
    actorId: officerNamDa.id,
    role: "officer",
    provinceCodes: [UNITS.lamDong],
    communeCodes: [UNITS.namDa],
  };
  const employer: OrgScope = {
    actorId: employerUser.id,
    organizationId: employerUser.organizationId!,
    role: "employer",
  };
  const provider: OrgScope = {
    actorId: providerUser.id,
    organizationId: providerUser.organizationId!,
    role: "provider",
  };

  const personId = await createPerson(officerA, {
    fullName: SUBJECT.fullName,
    gender: "female",
    dateOfBirth: "1995-01-12",
    citizenId: SUBJECT.citizenId,
    phone: SUBJECT.phone,
  });
  const grant = await giveConsent(officerA, personId, { purposes: ["matching", "training_referral", "share_contact"] });
  const userId = await activatePerson(officerA, personId, {
    phone: SUBJECT.phone,
    password: SUBJECT.password,
    ip: "10.77.0.1",
  });
  const request = await createDataRequest(userId, { kind: "correction", message: "Sai ngày sinh" });
  if (!request.ok) throw new Error("createDataRequest failed");

  // Fresh listings of the demo organisations, so the referrals do not depend on the demo's openings.
  const job = await publishJob(employer, { title: "Thợ sửa xe máy (bảng quyền)" });
  const training = await publishTraining(provider);
  const way = await wayToWork(db, personId, {
    officer: officerA,
    employer,
    provider,
    job: job.id,
    training: training.id,
  });

  await logActivity(officerA, personId, { kind: "counselling", topic: "career", mode: "individual" });
  const support = await supportRecords(officerA, personId);
  const notificationId = await latestNotification(db, userId);

  // An employer of the same commune with no business with the subject: its guesses must find nothing.
  const other = await createOrgMember("employer", { name: "Cơ sở hàn xì Nam Đà (thử)" });
  const [otherUser] = await db.select({ email: appUser.email }).from(appUser).where(eq(appUser.id, other.actorId));
  // Officer B and admin Y must really be outside commune A and province X: the table would mean nothing if a
  // later seed change gave them Nam Đà.
  const officerB = await userIdOf(db, DEMO_ACCOUNTS.officerLuongSon.email);
  const communesOfB = await db
    .select({ code: officerCommune.communeCode })
    .from(officerCommune)
    .where(eq(officerCommune.userId, officerB.id));
  const [adminY] = await db
    .select({ provinceCode: appUser.provinceCode })
    .from(appUser)
    .where(eq(appUser.email, DEMO_ACCOUNTS.admin.email));
  if (communesOfB.some((c) => c.code === UNITS.namDa) || adminY?.provinceCode === UNITS.lamDong) {
    throw new Error("officer B or admin Y covers commune A: the demo changed, pick or create other accounts");
  }

  return {
    ids: {
      person: personId,
      grant,
      job: job.id,
      training: training.id,
      ...way,
      notification: notificationId,
      ...support,
      dataRequest: request.id,
    },
    accounts: {
      person: { identifier: SUBJECT.phone, password: SUBJECT.password },
      employer: demo(DEMO_ACCOUNTS.employer.email),
      provider: demo(DEMO_ACCOUNTS.provider.email),
      officerA: demo(DEMO_ACCOUNTS.officerNamDa.email),
      officerB: demo(DEMO_ACCOUNTS.officerLuongSon.email),
      adminX: demo(DEMO_ADMIN_LAM_DONG.email),
      adminY: demo(DEMO_ACCOUNTS.admin.email),
      national: demo(DEMO_NATIONAL.email),
      otherEmployer: { identifier: otherUser!.email!, password: DEFAULT_PASSWORD },
      otherPerson: demo(DEMO_ACCOUNTS.person.phone),
    },
  };
}
