import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { hashPassword } from "~/auth/password.server";

import { db } from "../../db/client.server";
import { appUser } from "../../db/schema";
import { DEMO_ACCOUNTS, DEMO_ADMIN_LAM_DONG, seedDemoData } from "../../db/seed/demo";
import { DEMO_PASSWORD, findDemoAccounts } from "../../db/seed/demo-accounts";
import { setupIntegration } from "../setup/integration";

// What a production start refuses (docs/decisions/040): every seeded demo account, and never a real one.
setupIntegration();

const logins = async () => (await findDemoAccounts(db())).map((a) => a.login).sort();

describe("demo accounts", () => {
  it("are none in a database without the demo, even with real accounts that look alike", async () => {
    await db()
      .insert(appUser)
      .values([
        {
          email: "admin@soldtbxh.lamdong.gov.vn",
          fullName: "A",
          role: "admin",
          provinceCode: "68",
          passwordHash: await hashPassword("x"),
        },
        { email: "someone@chungtay.test.vn", fullName: "B", role: "officer", passwordHash: await hashPassword("x") },
        // The demo person's number, owned by a real person with a password of their own.
        {
          phone: DEMO_ACCOUNTS.person.phone,
          fullName: "C",
          role: "person",
          passwordHash: await hashPassword("Riêng tư 2026"),
        },
      ]);
    expect(await logins()).toEqual([]);
    await db().delete(appUser).where(eq(appUser.phone, DEMO_ACCOUNTS.person.phone));
  });

  it("are every account the demo seed makes, found by their .test e-mail or the demo person's login", async () => {
    await seedDemoData(db());
    const found = await logins();
    const seeded = await db().select({ email: appUser.email, phone: appUser.phone }).from(appUser);
    const demoSeeded = seeded.filter(
      (u) => u.email !== "admin@soldtbxh.lamdong.gov.vn" && u.email !== "someone@chungtay.test.vn",
    );
    expect(found).toHaveLength(demoSeeded.length);
    expect(found).toEqual(
      expect.arrayContaining([
        DEMO_ACCOUNTS.admin.email,
        DEMO_ACCOUNTS.officerNamDa.email,
        DEMO_ACCOUNTS.employer.email,
        DEMO_ADMIN_LAM_DONG.email,
        DEMO_ACCOUNTS.person.phone,
      ]),
    );
    expect(found).not.toContain("admin@soldtbxh.lamdong.gov.vn");
    expect(found).not.toContain("someone@chungtay.test.vn");
  });

  it("include the demo person only while the published password opens the account", async () => {
    await db()
      .update(appUser)
      .set({ passwordHash: await hashPassword("Đã đổi mật khẩu 2026") })
      .where(eq(appUser.phone, DEMO_ACCOUNTS.person.phone));
    expect(await logins()).not.toContain(DEMO_ACCOUNTS.person.phone);
    await db()
      .update(appUser)
      .set({ passwordHash: await hashPassword(DEMO_PASSWORD) })
      .where(eq(appUser.phone, DEMO_ACCOUNTS.person.phone));
    expect(await logins()).toContain(DEMO_ACCOUNTS.person.phone);
  });
});
