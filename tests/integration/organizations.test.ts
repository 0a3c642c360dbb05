import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { type StaffScope, staffScope } from "~/auth/scope.server";
import { requireUser, type SessionUser, startSession } from "~/auth/session.server";
import { parseIdentifier } from "~/modules/accounts/identifier";
import { attemptLogin } from "~/modules/accounts/login.server";
import { createOfficer, listOfficers } from "~/modules/accounts/officers.server";
import { registerOrganization } from "~/modules/accounts/registration.server";
import {
  type OfficerInput,
  officerSchema,
  type Registration,
  registrationSchema,
} from "~/modules/accounts/schema.server";
import {
  countPendingOrganizations,
  decideOrganization,
  getOwnOrganization,
  listPendingOrganizations,
} from "~/modules/organizations/organizations.server";
import { action as registerAction } from "~/routes/register";
import type { FormValues } from "~/utils/forms";

import { db } from "../../db/client.server";
import { appUser, officerCommune, organization } from "../../db/schema";
import { createOrganization, createUser, formBody, officerForm, registrationForm, UNITS } from "../factories";
import { setupIntegration } from "../setup/integration";

setupIntegration();

function registration(overrides: FormValues = {}): Registration {
  return registrationSchema.parse(registrationForm(overrides));
}
function officerInput(overrides: FormValues = {}): OfficerInput {
  return officerSchema.parse(officerForm(overrides));
}

async function counts() {
  const [[users], [orgs], [links]] = await Promise.all([
    db().select({ n: count() }).from(appUser),
    db().select({ n: count() }).from(organization),
    db().select({ n: count() }).from(officerCommune),
  ]);
  return { users: Number(users.n), organizations: Number(orgs.n), officerCommunes: Number(links.n) };
}

/** The user as a request would see them: through a real session. */
async function asSessionUser(userId: string): Promise<SessionUser> {
  const setCookie = await startSession(userId);
  return requireUser(new Request("http://localhost/", { headers: { Cookie: setCookie.split(";")[0] } }));
}

async function scopeOf(user: { id: string }): Promise<StaffScope> {
  return staffScope(await asSessionUser(user.id));
}

describe("registerOrganization", () => {
  it("creates a pending organisation and its first user, who can log in", async () => {
    const input = registration({ role: "training_provider", kind: "training_centre", taxCode: "0101234567-001" });
    const outcome = await registerOrganization(input);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;

    const org = await getOwnOrganization(outcome.organizationId);
    expect(org).toMatchObject({
      role: "training_provider",
      kind: "training_centre",
      name: input.orgName,
      taxCode: "0101234567001",
      verificationStatus: "pending",
      communeName: "Xã Lương Sơn",
      provinceName: "Tỉnh Phú Thọ",
      contactPhone: input.contactPhone,
    });
    const [user] = await db().select().from(appUser).where(eq(appUser.id, outcome.userId));
    expect(user).toMatchObject({
      email: input.email,
      phone: input.contactPhone,
      role: "provider",
      fullName: input.contactName,
      organizationId: outcome.organizationId,
    });
    const login = await attemptLogin({
      identifier: parseIdentifier(input.email)!,
      password: input.password,
      ip: "10.30.0.1",
    });
    expect(login).toEqual({ ok: true, userId: outcome.userId, role: "provider" });
  });

  it("makes an employer's user an employer", async () => {
    const outcome = await registerOrganization(registration({ role: "employer", kind: "workshop" }));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const [user] = await db().select({ role: appUser.role }).from(appUser).where(eq(appUser.id, outcome.userId));
    expect(user.role).toBe("employer");
  });

  it("refuses an email already in use, writing nothing", async () => {
    const existing = await createUser();
    const before = await counts();
    const outcome = await registerOrganization(registration({ email: existing.email!.toUpperCase() }));
    expect(outcome).toEqual({ ok: false, errors: { email: { key: "register.error.emailTaken" } } });
    expect(await counts()).toEqual(before);
  });

  it("refuses a commune outside the chosen province, writing nothing", async () => {
    const before = await counts();
    const outcome = await registerOrganization(registration({ provinceCode: UNITS.phuTho, communeCode: UNITS.namDa }));
    expect(outcome).toEqual({ ok: false, errors: { communeCode: { key: "validation.commune" } } });
    expect(
      await registerOrganization(registration({ provinceCode: UNITS.phuTho, communeCode: "99999" })),
    ).toMatchObject({ ok: false });
    expect(await counts()).toEqual(before);
  });

  it("registers with a phone someone else already logs in with, without taking it over", async () => {
    const holder = await createUser({ phone: "0987000111" });
    const outcome = await registerOrganization(registration({ contactPhone: "0987 000 111" }));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const [user] = await db().select({ phone: appUser.phone }).from(appUser).where(eq(appUser.id, outcome.userId));
    expect(user.phone).toBeNull();
    const login = await attemptLogin({
      identifier: parseIdentifier("0987000111")!,
      password: holder.password,
      ip: "10.30.0.2",
    });
    expect(login).toMatchObject({ ok: true, userId: holder.id });
  });

  it("writes both records or neither when two registrations race for one email", async () => {
    const before = await counts();
    const email = "dua.nhau@example.vn";
    const results = await Promise.allSettled([
      registerOrganization(registration({ email, orgName: "Xưởng A" })),
      registerOrganization(registration({ email, orgName: "Xưởng B" })),
    ]);
    const succeeded = results.filter((r) => r.status === "fulfilled" && r.value.ok);
    expect(succeeded).toHaveLength(1);
    // The loser, whether it saw the email taken or hit the unique index, gets the field error, never a throw.
    expect(results.map((r) => (r.status === "fulfilled" && !r.value.ok ? r.value.errors : r.status))).toContainEqual({
      email: { key: "register.error.emailTaken" },
    });
    const after = await counts();
    expect(after.users - before.users).toBe(1);
    expect(after.organizations - before.organizations).toBe(1);
    const names = await db()
      .select({ name: organization.name })
      .from(organization)
      .innerJoin(appUser, eq(appUser.organizationId, organization.id))
      .where(eq(appUser.email, email));
    expect(names).toHaveLength(1);
  });

  it("the register route answers a bad or garbled form with 400 and field errors, never a 500", async () => {
    const context = { requestId: "test", cspNonce: "n", clientIp: "127.0.0.1" };
    for (const request of [
      new Request("http://localhost/register", {
        method: "POST",
        body: formBody(registrationForm({ taxCode: "123", password: "ngan1" })),
      }),
      new Request("http://localhost/register", {
        method: "POST",
        body: "{}",
        headers: { "Content-Type": "application/json" },
      }),
    ]) {
      const response = await registerAction({ request, context, params: {} });
      expect(response.status).toBe(400);
      const body = (await response.json()) as {
        errors: Record<string, { key: string }>;
        values: Record<string, unknown>;
      };
      expect(Object.keys(body.errors).length).toBeGreaterThan(0);
      expect(body.values).not.toHaveProperty("password");
      expect(body.values).not.toHaveProperty("passwordConfirm");
    }
  });
});

describe("officers", () => {
  it("an admin creates an officer for communes of their province, who can log in", async () => {
    const admin = await createUser({ role: "admin", provinceCode: UNITS.phuTho });
    const scope = await scopeOf(admin);
    const input = officerInput({ communeCodes: [UNITS.luongSon, UNITS.thanhSon], phone: "0912 000 222" });
    const outcome = await createOfficer(scope, input);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.temporaryPassword).toMatch(/^[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{5}$/);

    const officer = await asSessionUser(outcome.userId);
    expect(officer).toMatchObject({
      role: "officer",
      email: input.email,
      phone: "0912000222",
      fullName: input.fullName,
    });
    expect(officer.communeCodes.sort()).toEqual([UNITS.luongSon, UNITS.thanhSon]);
    const login = await attemptLogin({
      identifier: parseIdentifier(input.email)!,
      password: outcome.temporaryPassword,
      ip: "10.30.1.1",
    });
    expect(login).toEqual({ ok: true, userId: outcome.userId, role: "officer" });

    const listed = (await listOfficers(scope)).find((o) => o.id === outcome.userId);
    expect(listed?.communes).toEqual([
      { code: UNITS.luongSon, name: "Xã Lương Sơn" },
      { code: UNITS.thanhSon, name: "Xã Thanh Sơn" },
    ]);
  });

  it("refuses a commune of another province, writing nothing", async () => {
    const admin = await createUser({ role: "admin", provinceCode: UNITS.phuTho });
    const scope = await scopeOf(admin);
    const before = await counts();
    for (const communeCodes of [[UNITS.namDa], [UNITS.luongSon, UNITS.namDa], ["99999"]]) {
      const outcome = await createOfficer(scope, officerInput({ communeCodes }));
      expect(outcome, communeCodes.join()).toEqual({
        ok: false,
        errors: { communeCodes: { key: "validation.communeOutOfProvince" } },
      });
    }
    expect(await counts()).toEqual(before);
  });

  it("refuses an email or phone already in use", async () => {
    const admin = await createUser({ role: "admin", provinceCode: UNITS.phuTho });
    const scope = await scopeOf(admin);
    const existing = await createUser({ phone: "0977000333" });
    expect(await createOfficer(scope, officerInput({ email: existing.email! }))).toEqual({
      ok: false,
      errors: { email: { key: "register.error.emailTaken" } },
    });
    expect(await createOfficer(scope, officerInput({ phone: "+84 977 000 333" }))).toEqual({
      ok: false,
      errors: { phone: { key: "register.error.phoneTaken" } },
    });
  });

  it("lists only officers serving the admin's province", async () => {
    const phuThoAdmin = await createUser({ role: "admin", provinceCode: UNITS.phuTho });
    const lamDongAdmin = await createUser({ role: "admin", provinceCode: UNITS.lamDong });
    const inPhuTho = await createUser({ role: "officer", communeCodes: [UNITS.thanhSon] });
    const inLamDong = await createUser({ role: "officer", communeCodes: [UNITS.namDa, UNITS.krongNo] });

    const phuTho = (await listOfficers(await scopeOf(phuThoAdmin))).map((o) => o.id);
    expect(phuTho).toContain(inPhuTho.id);
    expect(phuTho).not.toContain(inLamDong.id);

    const lamDong = await listOfficers(await scopeOf(lamDongAdmin));
    expect(lamDong.map((o) => o.id)).toEqual([inLamDong.id]);
    expect(lamDong[0].communes.map((c) => c.code)).toEqual([UNITS.krongNo, UNITS.namDa]);
  });

  it("only an admin may create officers", async () => {
    const officer = await createUser({ role: "officer" });
    await expect(createOfficer(await scopeOf(officer), officerInput())).rejects.toThrow(/admin/);
  });
});

describe("organisation verification", () => {
  it("an officer of the province verifies, and the organisation leaves the pending list", async () => {
    const officer = await createUser({ role: "officer", communeCodes: [UNITS.luongSon] });
    const scope = await scopeOf(officer);
    expect(scope.provinceCodes).toEqual([UNITS.phuTho]);
    // Elsewhere in the same province: officers verify province-wide.
    const org = await createOrganization({ provinceCode: UNITS.phuTho, communeCode: UNITS.thanhSon });
    expect((await listPendingOrganizations(scope)).map((o) => o.id)).toContain(org.id);
    const pendingBefore = await countPendingOrganizations(scope);

    expect(await decideOrganization(scope, org.id, { decision: "verify" })).toEqual({ ok: true, name: org.name });
    const [row] = await db().select().from(organization).where(eq(organization.id, org.id));
    expect(row).toMatchObject({ verificationStatus: "verified", rejectionReason: null, verifiedBy: officer.id });
    expect(row.verifiedAt).toBeInstanceOf(Date);
    expect((await listPendingOrganizations(scope)).map((o) => o.id)).not.toContain(org.id);
    expect(await countPendingOrganizations(scope)).toBe(pendingBefore - 1);
  });

  it("an admin rejects with a reason the organisation can read", async () => {
    const admin = await createUser({ role: "admin", provinceCode: UNITS.phuTho });
    const scope = await scopeOf(admin);
    const org = await createOrganization();
    const reason = "Mã số thuế không khớp với giấy phép kinh doanh";
    expect(await decideOrganization(scope, org.id, { decision: "reject", reason })).toEqual({
      ok: true,
      name: org.name,
    });
    expect(await getOwnOrganization(org.id)).toMatchObject({ verificationStatus: "rejected", rejectionReason: reason });
  });

  it("an officer or admin of another province gets not_found, and nothing changes", async () => {
    const org = await createOrganization({ provinceCode: UNITS.phuTho, communeCode: UNITS.luongSon });
    const lamDongOfficer = await scopeOf(await createUser({ role: "officer", communeCodes: [UNITS.namDa] }));
    const lamDongAdmin = await scopeOf(await createUser({ role: "admin", provinceCode: UNITS.lamDong }));

    for (const scope of [lamDongOfficer, lamDongAdmin]) {
      expect(await decideOrganization(scope, org.id, { decision: "verify" })).toEqual({
        ok: false,
        reason: "not_found",
      });
      expect(await decideOrganization(scope, org.id, { decision: "reject", reason: "x" })).toEqual({
        ok: false,
        reason: "not_found",
      });
      expect((await listPendingOrganizations(scope)).map((o) => o.id)).not.toContain(org.id);
    }
    expect(await getOwnOrganization(org.id)).toMatchObject({ verificationStatus: "pending", rejectionReason: null });
  });

  it("answers not_found for an unknown id and for an organisation already decided", async () => {
    const scope = await scopeOf(await createUser({ role: "admin", provinceCode: UNITS.phuTho }));
    expect(await decideOrganization(scope, "00000000-0000-4000-8000-000000000000", { decision: "verify" })).toEqual({
      ok: false,
      reason: "not_found",
    });
    const org = await createOrganization();
    expect((await decideOrganization(scope, org.id, { decision: "verify" })).ok).toBe(true);
    expect(await decideOrganization(scope, org.id, { decision: "reject", reason: "đổi ý" })).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await getOwnOrganization(org.id)).toMatchObject({ verificationStatus: "verified" });
  });

  it("a registration shows up for the reviewers of its province only", async () => {
    const outcome = await registerOrganization(
      registration({ provinceCode: UNITS.lamDong, communeCode: UNITS.krongNo }),
    );
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const namDaOfficer = await scopeOf(await createUser({ role: "officer", communeCodes: [UNITS.namDa] }));
    const phuThoAdmin = await scopeOf(await createUser({ role: "admin", provinceCode: UNITS.phuTho }));
    const pending = await listPendingOrganizations(namDaOfficer);
    expect(pending.find((o) => o.id === outcome.organizationId)).toMatchObject({
      registeredBy: expect.stringContaining("@"),
    });
    expect((await listPendingOrganizations(phuThoAdmin)).map((o) => o.id)).not.toContain(outcome.organizationId);
  });
});
