import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffScope } from "../../app/auth/scope.server";
import { issueInvitation } from "../../app/modules/persons/invitations.server";
import { setSaved } from "../../app/modules/persons/self-service.server";
import { action as loginAction } from "../../app/routes/login";
import { action as logoutAction } from "../../app/routes/logout";
import { action as accountAction } from "../../app/routes/account";
import { action as activateAction } from "../../app/routes/activate";
import { action as registerAction } from "../../app/routes/register";
import { action as langAction } from "../../app/routes/lang";
import { action as officersAction } from "../../app/routes/admin.officers";
import { action as reviewAction } from "../../app/routes/organizations.review";
import { action as employerProfileAction } from "../../app/routes/employer.profile";
import { action as providerProfileAction } from "../../app/routes/provider.profile";
import { action as notificationsAction } from "../../app/routes/notifications";
import { action as meAction } from "../../app/routes/me._index";
import { action as meConsentsAction } from "../../app/routes/me.consents";
import { action as meDataAction } from "../../app/routes/me.data";
import { action as meSavedAction } from "../../app/routes/me.saved";
import { createUser, officerForm, registrationForm, uniquePhone, UNITS } from "../factories";
import { createOrgMember, publishJob } from "../factories/marketplace";
import { createOfficerScope, createPerson, giveConsent } from "../factories/persons";
import { FC_SEED, fuzzAction, type ActionCase } from "../setup/fuzz";
import { activatedPerson, nonNfcColumns } from "../setup/fuzz-db";
import { setupIntegration } from "../setup/integration";
import { cookieFor } from "../setup/routes";

/*
 * Bad input on the account forms (issue 7): login, activation, registration, the language switch, logout,
 * the password change, the admin's officer form, verification, organisation profiles, notifications and the
 * person's own pages, fuzzed in-process (anonymously where the form is public). The rules are in
 * tests/setup/fuzz.ts; failed logins and password checks are counted in login_attempt by design (rate
 * limits), so that table may change.
 */

const ctx = setupIntegration({ indexes: true });
const RUNS = Number(process.env.FC_RUNS ?? 25);

let officer: StaffScope;
let serial = 0;

beforeAll(async () => {
  officer = await createOfficerScope([UNITS.namDa], UNITS.lamDong);
});

const forms = { echoes: true } as const;
const profile = {
  name: "Tiệm sửa xe Bình Minh",
  kind: "household_business",
  taxCode: "",
  provinceCode: UNITS.lamDong,
  communeCode: UNITS.namDa,
  address: "Thôn 3",
  contactName: "Lê Văn Bình",
  contactPhone: "0912345678",
  description: "",
  fairChancePledge: "yes",
  acceptsUnexpunged: "case_by_case",
};

/** A person who logged in, with a live consent grant, and their cookie. */
async function personWithGrant() {
  const p = await activatedPerson(officer, { fullName: `Cao Văn Tự Phục Vụ ${++serial}` });
  const grantId = await giveConsent(officer, p.personId);
  return { ...p, grantId, cookie: await cookieFor(p.userId) };
}

const CASES: Record<string, () => Promise<Omit<ActionCase, "label">>> = {
  "login.tsx": async () => {
    const user = await createUser({ role: "employer" });
    return {
      action: loginAction,
      path: "/login",
      valid: { identifier: user.email!, password: "Sai-mat-khau-1", redirectTo: "/employer" },
      rules: forms,
      mayWrite: ["login_attempt"],
    };
  },
  "activate.tsx": async () => {
    const phone = uniquePhone();
    const personId = await createPerson(officer, { fullName: `Mai Văn Kích Hoạt ${++serial}`, phone });
    const issued = await issueInvitation(officer, personId);
    return {
      action: activateAction,
      path: "/activate",
      valid: { code: issued!.code, phone, password: "MatKhau2026", passwordConfirm: "MatKhau2026" },
      rules: forms,
      mayWrite: ["login_attempt"],
    };
  },
  "register.tsx": async () => ({
    action: registerAction,
    path: "/register",
    valid: registrationForm({ provinceCode: UNITS.lamDong, communeCode: UNITS.namDa }),
    rules: forms,
  }),
  "register.tsx intent=load-communes": async () => ({
    action: registerAction,
    path: "/register",
    valid: { provinceCode: UNITS.lamDong },
    fixed: { intent: "load-communes" },
    rules: forms,
    readsNoField: true,
  }),
  // Both always answer with a redirect: a junk locale is Vietnamese, a junk target is the home page.
  "lang.tsx": async () => ({ action: langAction, path: "/lang", valid: { locale: "en", redirectTo: "/jobs" }, readsNoField: true }),
  "logout.tsx": async () => {
    const user = await createUser({ role: "employer" });
    return { action: logoutAction, cookie: await cookieFor(user.id), path: "/logout", valid: {}, readsNoField: true };
  },
  // The user's own account page. The current password given is wrong: an accepted change would end the
  // session the next runs use. A wrong one is refused like a failed login (counted in login_attempt).
  "account.tsx intent=password": async () => {
    const user = await createUser({ role: "employer" });
    const valid = { currentPassword: "Khong-Phai-Mat-Khau-1", password: "Cay-Tre-Xanh-Ngat-4821", passwordConfirm: "Cay-Tre-Xanh-Ngat-4821" };
    return {
      action: accountAction,
      cookie: await cookieFor(user.id),
      path: "/account",
      valid,
      fixed: { intent: "password" },
      rules: forms,
      mayWrite: ["login_attempt"],
    };
  },
  "account.tsx any intent": async () => {
    const user = await createUser({ role: "employer" });
    return {
      action: accountAction,
      cookie: await cookieFor(user.id),
      path: "/account",
      valid: { intent: "password", currentPassword: "x" },
      rules: forms,
      mayWrite: ["login_attempt"],
    };
  },
  "admin.officers.tsx": async () => {
    const admin = await createUser({ role: "admin", provinceCode: UNITS.phuTho });
    return { action: officersAction, cookie: await cookieFor(admin.id), path: "/admin/officers", valid: officerForm({ phone: uniquePhone() }), rules: forms };
  },
  "organizations.review.tsx decision=reject": async () => {
    const admin = await createUser({ role: "admin", provinceCode: UNITS.lamDong });
    const pending = await createOrgMember("employer", { verified: false });
    return {
      action: reviewAction,
      cookie: await cookieFor(admin.id),
      path: "/organizations/review",
      valid: { organizationId: pending.organizationId, reason: "Thiếu giấy phép" },
      fixed: { decision: "reject" },
      rules: forms,
    };
  },
  "organizations.review.tsx any decision": async () => {
    const admin = await createUser({ role: "admin", provinceCode: UNITS.lamDong });
    const pending = await createOrgMember("employer", { verified: false });
    return {
      action: reviewAction,
      cookie: await cookieFor(admin.id),
      path: "/organizations/review",
      valid: { decision: "verify", organizationId: pending.organizationId },
      rules: forms,
    };
  },
  "employer.profile.tsx": async () => {
    const org = await createOrgMember("employer");
    return { action: employerProfileAction, cookie: await cookieFor(org.actorId), path: "/employer/profile", valid: profile, rules: forms };
  },
  "provider.profile.tsx": async () => {
    const org = await createOrgMember("provider");
    return {
      action: providerProfileAction,
      cookie: await cookieFor(org.actorId),
      path: "/provider/profile",
      valid: { ...profile, kind: "training_centre" },
      rules: forms,
    };
  },
  "provider.profile.tsx intent=load-communes": async () => {
    const org = await createOrgMember("provider");
    return {
      action: providerProfileAction,
      cookie: await cookieFor(org.actorId),
      path: "/provider/profile",
      valid: { provinceCode: UNITS.lamDong },
      fixed: { intent: "load-communes" },
      rules: forms,
      readsNoField: true,
    };
  },
  "notifications.tsx": async () => {
    const user = await createUser({ role: "employer" });
    return { action: notificationsAction, cookie: await cookieFor(user.id), path: "/notifications", valid: { intent: "mark-all" } };
  },
  "me._index.tsx": async () => {
    const p = await personWithGrant();
    return { action: meAction, cookie: p.cookie, path: "/me", valid: { intent: "withdraw", grantId: p.grantId, note: "Tôi không muốn nữa" } };
  },
  "me.consents.tsx": async () => {
    const p = await personWithGrant();
    return { action: meConsentsAction, cookie: p.cookie, path: "/me/consents", valid: { intent: "withdraw", grantId: p.grantId, note: "" } };
  },
  "me.data.tsx": async () => {
    const p = await personWithGrant();
    return { action: meDataAction, cookie: p.cookie, path: "/me/data", valid: { kind: "correction", message: "Sai ngày sinh" }, rules: forms };
  },
  "me.saved.tsx": async () => {
    const p = await personWithGrant();
    const job = await publishJob(await createOrgMember("employer"));
    await setSaved(p.userId, "job", job.id, true);
    return { action: meSavedAction, cookie: p.cookie, path: "/me/saved", valid: { intent: "unsave", kind: "job", listingId: job.id } };
  },
};

describe(`bad input on account, organisation and self-service forms (FC_SEED=${FC_SEED})`, () => {
  it.each(Object.keys(CASES))(
    "%s: never a 500, a refusal writes nothing and says why",
    async (label) => {
      const c = await CASES[label]!();
      const statuses = await fuzzAction(ctx.handle.db, { label, ...c }, RUNS);
      if (!c.readsNoField)
        expect(
          Object.keys(statuses).some((s) => Number(s) >= 400),
          `${label}: ${JSON.stringify(statuses)}`
        ).toBe(true);
    },
    120_000
  );

  afterAll(async () => {
    expect(await nonNfcColumns(ctx.handle.db)).toEqual([]);
  });
});
