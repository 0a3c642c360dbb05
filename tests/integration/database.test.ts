import { count, eq, inArray, sql } from "drizzle-orm";
import { pgSchema, serial, text } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";

import { verifyPassword } from "~/auth/password.server";
import { parseIdentifier } from "~/modules/accounts/identifier";
import { attemptLogin } from "~/modules/accounts/login.server";
import { adminUnitCounts } from "~/modules/admin-units/admin-units.server";

import { db } from "../../db/client.server";
import { runMigrations } from "../../db/migrate";
import { appUser, commune, officerCommune, organization, province } from "../../db/schema";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData } from "../../db/seed/demo";
import { setupIntegration } from "../setup/integration";

const ctx = setupIntegration();

// drizzle's own bookkeeping table, read with the query builder (db.execute differs between drivers).
const drizzleMigrations = pgSchema("drizzle").table("__drizzle_migrations", { id: serial("id"), hash: text("hash") });

async function tableCounts() {
  const [[users], [orgs], [links]] = await Promise.all([
    db().select({ n: count() }).from(appUser),
    db().select({ n: count() }).from(organization),
    db().select({ n: count() }).from(officerCommune),
  ]);
  return { users: Number(users.n), organizations: Number(orgs.n), officerCommunes: Number(links.n) };
}

/** Advisory locks held in this database (pg_locks is a system view: read raw, shaped per driver). */
async function advisoryLocksHeld(): Promise<number> {
  const result = (await db()
    .execute(sql`select count(*)::int as n from pg_locks l join pg_database d on d.oid = l.database
    where l.locktype = 'advisory' and d.datname = current_database()`)) as unknown;
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { n: number }[];
  return Number(rows[0].n);
}

describe("migrations", () => {
  it("start from a database with the 34 provinces and 3,321 communes", async () => {
    expect(await adminUnitCounts()).toEqual({ provinces: 34, communes: 3321 });
  });

  it("can run again and again without changing anything", async () => {
    const applied = await db().select({ hash: drizzleMigrations.hash }).from(drizzleMigrations);
    expect(applied.length).toBeGreaterThan(0);
    await runMigrations(ctx.handle);
    await runMigrations(ctx.handle);
    expect(await adminUnitCounts()).toEqual({ provinces: 34, communes: 3321 });
    expect(await db().select({ hash: drizzleMigrations.hash }).from(drizzleMigrations)).toEqual(applied);
    // The handle is a pool: the advisory lock must be released on the connection that took it.
    expect(await advisoryLocksHeld()).toBe(0);
  });

  it("restore administrative units that went missing", async () => {
    await db()
      .delete(commune)
      .where(inArray(commune.code, ["00004", "00008"]));
    expect((await adminUnitCounts()).communes).toBe(3319);
    await runMigrations(ctx.handle);
    expect(await adminUnitCounts()).toEqual({ provinces: 34, communes: 3321 });
    const [restored] = await db().select().from(commune).where(eq(commune.code, "00004"));
    expect(restored).toEqual({ code: "00004", name: "Phường Ba Đình", type: "phường", provinceCode: "01" });
  });

  it("store Vietnamese names as the catalogue writes them", async () => {
    const [phuTho] = await db().select().from(province).where(eq(province.code, "25"));
    expect(phuTho).toEqual({ code: "25", name: "Tỉnh Phú Thọ", type: "tỉnh" });
    const [namDa] = await db().select().from(commune).where(eq(commune.code, "24697"));
    expect(namDa).toEqual({ code: "24697", name: "Xã Nam Đà", type: "xã", provinceCode: "68" });
  });
});

describe("demo seed", () => {
  it("seeds once and is a no-op the second time", async () => {
    const before = await tableCounts();
    expect(await seedDemoData(ctx.handle.db)).toBe(true);
    const afterFirst = await tableCounts();
    // At least the foundation's demo (8 users, 6 organisations, 2 officer communes); later features add more.
    expect(afterFirst.users - before.users).toBeGreaterThanOrEqual(8);
    expect(afterFirst.organizations - before.organizations).toBeGreaterThanOrEqual(6);
    expect(afterFirst.officerCommunes - before.officerCommunes).toBeGreaterThanOrEqual(2);

    expect(await seedDemoData(ctx.handle.db)).toBe(false);
    expect(await tableCounts()).toEqual(afterFirst);
  });

  it("gives every demo account the demo password", async () => {
    const expectedRoles: Record<keyof typeof DEMO_ACCOUNTS, string> = {
      admin: "admin",
      officerLuongSon: "officer",
      officerNamDa: "officer",
      employer: "employer",
      provider: "provider",
      person: "person",
    };
    for (const [name, account] of Object.entries(DEMO_ACCOUNTS) as [
      keyof typeof DEMO_ACCOUNTS,
      (typeof DEMO_ACCOUNTS)[keyof typeof DEMO_ACCOUNTS],
    ][]) {
      const [user] = await db()
        .select()
        .from(appUser)
        .where("email" in account ? eq(appUser.email, account.email) : eq(appUser.phone, account.phone));
      expect(user, name).toBeDefined();
      expect(user.role, name).toBe(expectedRoles[name]);
      expect(user.fullName, name).toBe(account.fullName);
      expect(await verifyPassword(user.passwordHash, DEMO_PASSWORD), name).toBe(true);
      expect(await verifyPassword(user.passwordHash, "ChungTay@2025"), name).toBe(false);
    }
  });

  it("lets the demo accounts log in through the real login service", async () => {
    for (const typed of [DEMO_ACCOUNTS.admin.email, "OFFICER.NAMDA@chungtay.test", "0900 000 001"]) {
      const outcome = await attemptLogin({
        identifier: parseIdentifier(typed)!,
        password: DEMO_PASSWORD,
        ip: "10.1.0.1",
      });
      expect(outcome.ok, typed).toBe(true);
    }
  });

  it("puts the admin in Phú Thọ and links each officer to their commune", async () => {
    const [admin] = await db().select().from(appUser).where(eq(appUser.email, DEMO_ACCOUNTS.admin.email));
    expect(admin.provinceCode).toBe("25");

    const links = await db()
      .select({ email: appUser.email, communeCode: officerCommune.communeCode, provinceCode: commune.provinceCode })
      .from(officerCommune)
      .innerJoin(appUser, eq(appUser.id, officerCommune.userId))
      .innerJoin(commune, eq(commune.code, officerCommune.communeCode))
      .where(inArray(appUser.email, [DEMO_ACCOUNTS.officerLuongSon.email, DEMO_ACCOUNTS.officerNamDa.email]));
    expect(links.sort((a, b) => a.communeCode.localeCompare(b.communeCode))).toEqual([
      { email: DEMO_ACCOUNTS.officerLuongSon.email, communeCode: "04924", provinceCode: "25" },
      { email: DEMO_ACCOUNTS.officerNamDa.email, communeCode: "24697", provinceCode: "68" },
    ]);
  });

  it("attaches employers and providers to verified organisations and leaves some pending in both provinces", async () => {
    const members = await db()
      .select({ email: appUser.email, orgRole: organization.role, status: organization.verificationStatus })
      .from(appUser)
      .innerJoin(organization, eq(organization.id, appUser.organizationId))
      .where(inArray(appUser.email, [DEMO_ACCOUNTS.employer.email, DEMO_ACCOUNTS.provider.email]));
    expect(members.sort((a, b) => a.email!.localeCompare(b.email!))).toEqual([
      { email: DEMO_ACCOUNTS.employer.email, orgRole: "employer", status: "verified" },
      { email: DEMO_ACCOUNTS.provider.email, orgRole: "training_provider", status: "verified" },
    ]);
    const pending = await db()
      .select({ name: organization.name, provinceCode: organization.provinceCode })
      .from(organization)
      .where(eq(organization.verificationStatus, "pending"));
    expect(pending.map((p) => p.provinceCode)).toEqual(expect.arrayContaining(["25", "68"]));
  });

  it("survives running the migrations after seeding", async () => {
    const before = await tableCounts();
    await runMigrations(ctx.handle);
    expect(await tableCounts()).toEqual(before);
    expect(await adminUnitCounts()).toEqual({ provinces: 34, communes: 3321 });
  });
});
