import { eq } from "drizzle-orm";

import { hashPassword } from "~/auth/password.server";

import type { Database, Transaction } from "../client.server";
import { appUser, officerCommune, organization } from "../schema";
import { seedBusinessTraining } from "./business-training";
import { DEMO_PASSWORD } from "./demo-accounts";
import { seedFivePlusOne } from "./five-plus-one";
import { seedMarketplace } from "./marketplace";
import { seedDemoOutcomes } from "./outcomes";
import { seedDemoPersons } from "./persons";

export { DEMO_PASSWORD };

export const DEMO_ACCOUNTS = {
  admin: { email: "admin@chungtay.test", fullName: "Hoàng Minh Quân" },
  officerLuongSon: { email: "officer.luongson@chungtay.test", fullName: "Nguyễn Thị Lan" },
  officerNamDa: { email: "officer.namda@chungtay.test", fullName: "Phạm Văn Đức" },
  employer: { email: "employer.suaxe@chungtay.test", fullName: "Trần Văn Cường" },
  provider: { email: "provider.nghe@chungtay.test", fullName: "Lê Thị Hoa" },
  person: { phone: "0900000001", fullName: "Nguyễn Văn H." },
} as const;

/** The national supervising department's account (issue 16): the country's figures, no person data. */
export const DEMO_NATIONAL = { email: "national@chungtay.test", fullName: "Đặng Thu Hà" } as const;

/** The provincial admin of Lâm Đồng (xã Nam Đà's province): issue 6's province report drills down from here. */
export const DEMO_ADMIN_LAM_DONG = { email: "admin.lamdong@chungtay.test", fullName: "Trương Thị Minh Thư" } as const;

const PHU_THO = "25";
const LAM_DONG = "68";
const LUONG_SON = "04924";
const NAM_DA = "24697";
const KRONG_NO = "24688";
const THANH_SON = "08542";

/**
 * Seed the demo accounts and organisations once. Idempotent: returns false when they are already there.
 * Everything is written in one transaction, so a crash never leaves half a demo.
 */
export async function seedDemoData(db: Database): Promise<boolean> {
  const [existing] = await db
    .select({ id: appUser.id })
    .from(appUser)
    .where(eq(appUser.email, DEMO_ACCOUNTS.admin.email));
  // A database seeded before the marketplace or persons demo existed gets them once (each checks itself).
  if (existing) {
    return db.transaction(async (tx) => {
      const marketplace = await seedMarketplace(tx);
      const businessTraining = await seedBusinessTraining(tx);
      const persons = await seedDemoPersons(tx);
      const outcomes = await seedDemoOutcomes(tx);
      const admin = await seedAdminLamDong(tx);
      const national = await seedNational(tx);
      const fivePlusOne = await seedFivePlusOne(tx);
      return Boolean(marketplace) || businessTraining || persons || outcomes || admin || national || fivePlusOne;
    });
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await db.transaction(async (tx) => {
    const orgs = await tx
      .insert(organization)
      .values([
        {
          role: "police_unit",
          kind: "police",
          name: "Công an xã Lương Sơn",
          provinceCode: PHU_THO,
          communeCode: LUONG_SON,
          address: "Trụ sở Công an xã Lương Sơn",
          verificationStatus: "verified",
        },
        {
          role: "police_unit",
          kind: "police",
          name: "Công an xã Nam Đà",
          provinceCode: LAM_DONG,
          communeCode: NAM_DA,
          address: "Trụ sở Công an xã Nam Đà",
          verificationStatus: "verified",
        },
        {
          role: "employer",
          kind: "household_business",
          name: "Tiệm sửa xe máy Cường Thịnh",
          taxCode: "6400123456",
          provinceCode: LAM_DONG,
          communeCode: NAM_DA,
          address: "Thôn Nam Thanh, Quốc lộ 28",
          contactName: DEMO_ACCOUNTS.employer.fullName,
          contactPhone: "0905123456",
          verificationStatus: "verified",
        },
        {
          role: "training_provider",
          kind: "training_centre",
          name: "Trung tâm Giáo dục nghề nghiệp Krông Nô",
          provinceCode: LAM_DONG,
          communeCode: KRONG_NO,
          address: "Tổ dân phố 3, đường Hùng Vương",
          contactName: DEMO_ACCOUNTS.provider.fullName,
          contactPhone: "0263388123",
          verificationStatus: "verified",
        },
        {
          role: "employer",
          kind: "workshop",
          name: "Xưởng may Thanh Sơn",
          taxCode: "2600987654",
          provinceCode: PHU_THO,
          communeCode: THANH_SON,
          address: "Khu 5, đường Tân Thịnh",
          contactName: "Đinh Thị Mai",
          contactPhone: "0912555666",
          verificationStatus: "pending",
        },
        {
          role: "employer",
          kind: "cooperative",
          name: "Hợp tác xã Nông nghiệp Nam Đà",
          provinceCode: LAM_DONG,
          communeCode: NAM_DA,
          address: "Thôn Nam Hợp",
          contactName: "Y Bhin Niê",
          contactPhone: "0934777888",
          verificationStatus: "pending",
        },
      ])
      .returning({ id: organization.id, name: organization.name });
    const orgId = (name: string) => orgs.find((o) => o.name === name)!.id;

    const users = await tx
      .insert(appUser)
      .values([
        { ...DEMO_ACCOUNTS.admin, role: "admin", provinceCode: PHU_THO, passwordHash },
        {
          ...DEMO_ACCOUNTS.officerLuongSon,
          role: "officer",
          organizationId: orgId("Công an xã Lương Sơn"),
          passwordHash,
        },
        { ...DEMO_ACCOUNTS.officerNamDa, role: "officer", organizationId: orgId("Công an xã Nam Đà"), passwordHash },
        {
          ...DEMO_ACCOUNTS.employer,
          phone: "0905123456",
          role: "employer",
          organizationId: orgId("Tiệm sửa xe máy Cường Thịnh"),
          passwordHash,
        },
        {
          ...DEMO_ACCOUNTS.provider,
          role: "provider",
          organizationId: orgId("Trung tâm Giáo dục nghề nghiệp Krông Nô"),
          passwordHash,
        },
        {
          email: "tuyendung@maythanhson.test",
          fullName: "Đinh Thị Mai",
          role: "employer",
          organizationId: orgId("Xưởng may Thanh Sơn"),
          passwordHash,
        },
        {
          email: "htx.namda@chungtay.test",
          fullName: "Y Bhin Niê",
          role: "employer",
          organizationId: orgId("Hợp tác xã Nông nghiệp Nam Đà"),
          passwordHash,
        },
        { ...DEMO_ACCOUNTS.person, role: "person", passwordHash },
      ])
      .returning({ id: appUser.id, email: appUser.email });
    const userId = (email: string) => users.find((u) => u.email === email)!.id;

    await tx.insert(officerCommune).values([
      { userId: userId(DEMO_ACCOUNTS.officerLuongSon.email), communeCode: LUONG_SON },
      { userId: userId(DEMO_ACCOUNTS.officerNamDa.email), communeCode: NAM_DA },
    ]);
    // Employers, providers, jobs and course intakes for the public marketplace (db/seed/marketplace.ts).
    await seedMarketplace(tx);
    // The repair shop's apprenticeship at its workshop, leading to its mechanic job (db/seed/business-training.ts).
    await seedBusinessTraining(tx);
    // Released persons of xã Nam Đà and xã Lương Sơn, with consents and classifications (db/seed/persons.ts).
    await seedDemoPersons(tx);
    // Jobs, a course and follow-ups for some of them (db/seed/outcomes.ts); Mr Nguyễn Văn H. stays unplaced.
    await seedDemoOutcomes(tx);
    // The Lâm Đồng admin, then the 5+1 model's records of xã Nam Đà (db/seed/five-plus-one.ts).
    await seedAdminLamDong(tx, passwordHash);
    await seedNational(tx, passwordHash);
    await seedFivePlusOne(tx);
  });
  return true;
}

/** Added once, also to a database seeded before it existed. */
async function seedAdminLamDong(tx: Transaction, passwordHash?: string): Promise<boolean> {
  const [found] = await tx.select({ id: appUser.id }).from(appUser).where(eq(appUser.email, DEMO_ADMIN_LAM_DONG.email));
  if (found) return false;
  await tx.insert(appUser).values({
    ...DEMO_ADMIN_LAM_DONG,
    role: "admin",
    provinceCode: LAM_DONG,
    passwordHash: passwordHash ?? (await hashPassword(DEMO_PASSWORD)),
  });
  return true;
}

/** The national account, added once, also to a database seeded before it existed. */
async function seedNational(tx: Transaction, passwordHash?: string): Promise<boolean> {
  const [found] = await tx.select({ id: appUser.id }).from(appUser).where(eq(appUser.email, DEMO_NATIONAL.email));
  if (found) return false;
  await tx.insert(appUser).values({
    ...DEMO_NATIONAL,
    role: "national",
    passwordHash: passwordHash ?? (await hashPassword(DEMO_PASSWORD)),
  });
  return true;
}
