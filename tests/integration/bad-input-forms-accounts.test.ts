import { desc, eq } from "drizzle-orm";

import { parseIdentifier } from "~/modules/accounts/identifier";
import { requestPasswordReset } from "~/modules/accounts/recovery.server";
import { listNotifications, notify } from "~/modules/notifications/notifications.server";
import { issueInvitation } from "~/modules/persons/invitations.server";
import { setSaved } from "~/modules/persons/self-service.server";
import { action as accountAction } from "~/routes/account";
import { action as activateAction } from "~/routes/activate";
import { action as officersAction } from "~/routes/admin.officers";
import { action as employerProfileAction } from "~/routes/employer.profile";
import { action as forgotAction } from "~/routes/forgot-password";
import { action as langAction } from "~/routes/lang";
import { action as loginAction } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import { action as meAction } from "~/routes/me._index";
import { action as meConsentsAction } from "~/routes/me.consents";
import { action as meDataAction } from "~/routes/me.data";
import { action as meSavedAction } from "~/routes/me.saved";
import { action as notificationsAction } from "~/routes/notifications";
import { action as openNotificationAction } from "~/routes/notifications.$id";
import { action as reviewAction } from "~/routes/organizations.review";
import { action as providerProfileAction } from "~/routes/provider.profile";
import { action as registerAction } from "~/routes/register";
import { action as resetCodeAction } from "~/routes/reset-password";
import { action as resetLinkAction } from "~/routes/reset-password_.$token";

import { delivery } from "../../db/schema";
import { createUser, officerForm, registrationForm, uniquePhone, UNITS } from "../factories";
import { createOrgMember, publishJob } from "../factories/marketplace";
import { createPerson, giveConsent } from "../factories/persons";
import { type Cases, describeFormCases, fuzzActors, onPage, posting } from "../setup/fuzz-cases";
import { activatedPerson } from "../setup/fuzz-db";
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
const a = fuzzActors();
let serial = 0;

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
  const p = await activatedPerson(a.officer, { fullName: `Cao Văn Tự Phục Vụ ${++serial}` });
  const grantId = await giveConsent(a.officer, p.personId);
  return { ...p, grantId, cookie: await cookieFor(p.userId) };
}
/** The session of a fresh user of that role (an admin of Lâm Đồng unless `provinceCode` says otherwise). */
async function sessionOf(role: "employer" | "admin", provinceCode: string = UNITS.lamDong) {
  const user = await createUser(role === "admin" ? { role, provinceCode } : { role });
  return cookieFor(user.id);
}
/** Failed logins and password checks are counted by design (rate limits). */
const countsAttempts = { mayWrite: ["login_attempt"] } as const;

const CASES: Cases = {
  "login.tsx": async () => {
    const user = await createUser({ role: "employer" });
    return onPage(
      loginAction,
      "/login",
      { identifier: user.email!, password: "Sai-mat-khau-1", redirectTo: "/employer" },
      countsAttempts,
    );
  },
  "activate.tsx": async () => {
    const phone = uniquePhone();
    const personId = await createPerson(a.officer, { fullName: `Mai Văn Kích Hoạt ${++serial}`, phone });
    const issued = await issueInvitation(a.officer, personId);
    return onPage(
      activateAction,
      "/activate",
      { code: issued!.code, phone, password: "MatKhau2026", passwordConfirm: "MatKhau2026" },
      countsAttempts,
    );
  },
  // A forgotten password: a request is remembered (password_reset) and may queue its message; a refused one writes nothing.
  "forgot-password.tsx": async () => onPage(forgotAction, "/forgot-password", { identifier: uniquePhone() }),
  // A wrong code counts against the number's live code (password_reset.attempts) by design.
  "reset-password.tsx": async () => {
    const p = await activatedPerson(a.officer, { fullName: `Lý Văn Quên Mã ${++serial}` });
    await requestPasswordReset({ identifier: parseIdentifier(p.phone)!, ip: `10.98.0.${serial % 250}` });
    const [sms] = await ctx.handle.db
      .select({ body: delivery.body })
      .from(delivery)
      .where(eq(delivery.recipientId, p.userId))
      .orderBy(desc(delivery.id))
      .limit(1);
    const code = /\b(\d{6})\b/.exec(sms!.body)![1]!;
    return onPage(
      resetCodeAction,
      "/reset-password",
      { phone: p.phone, code, password: "Cay-Tre-Xanh-Ngat-4821", passwordConfirm: "Cay-Tre-Xanh-Ngat-4821" },
      { mayWrite: ["password_reset"] },
    );
  },
  "reset-password_.$token.tsx": async () => {
    const user = await createUser({ role: "employer" });
    await requestPasswordReset({ identifier: parseIdentifier(user.email!)!, ip: `10.98.1.${++serial % 250}` });
    const [mail] = await ctx.handle.db
      .select({ link: delivery.link })
      .from(delivery)
      .where(eq(delivery.recipientId, user.id));
    const token = mail!.link!.split("/").pop()!;
    return onPage(
      resetLinkAction,
      `/reset-password/${token}`,
      { password: "Cay-Tre-Xanh-Ngat-4821", passwordConfirm: "Cay-Tre-Xanh-Ngat-4821" },
      { params: { token } },
    );
  },
  "register.tsx": async () =>
    onPage(registerAction, "/register", registrationForm({ provinceCode: UNITS.lamDong, communeCode: UNITS.namDa })),
  "register.tsx intent=load-communes": async () =>
    onPage(
      registerAction,
      "/register",
      { provinceCode: UNITS.lamDong },
      { fixed: { intent: "load-communes" }, readsNoField: true },
    ),
  // Both always answer with a redirect: a junk locale is Vietnamese, a junk target is the home page.
  "lang.tsx": async () => posting(langAction, "/lang", { locale: "en", redirectTo: "/jobs" }, { readsNoField: true }),
  "logout.tsx": async () =>
    posting(logoutAction, "/logout", {}, { cookie: await sessionOf("employer"), readsNoField: true }),
  // The user's own account page. The current password given is wrong: an accepted change would end the
  // session the next runs use. A wrong one is refused like a failed login (counted in login_attempt).
  "account.tsx intent=password": async () => {
    const valid = {
      currentPassword: "Khong-Phai-Mat-Khau-1",
      password: "Cay-Tre-Xanh-Ngat-4821",
      passwordConfirm: "Cay-Tre-Xanh-Ngat-4821",
    };
    return onPage(accountAction, "/account", valid, {
      cookie: await sessionOf("employer"),
      fixed: { intent: "password" },
      ...countsAttempts,
    });
  },
  "account.tsx any intent": async () =>
    onPage(
      accountAction,
      "/account",
      { intent: "password", currentPassword: "x" },
      { cookie: await sessionOf("employer"), ...countsAttempts },
    ),
  "admin.officers.tsx": async () => {
    const cookie = await sessionOf("admin", UNITS.phuTho);
    return onPage(officersAction, "/admin/officers", officerForm({ phone: uniquePhone() }), { cookie });
  },
  "organizations.review.tsx decision=reject": async () => {
    const cookie = await sessionOf("admin");
    const pending = await createOrgMember("employer", { verified: false });
    const valid = { organizationId: pending.organizationId, reason: "Thiếu giấy phép" };
    return onPage(reviewAction, "/organizations/review", valid, { cookie, fixed: { decision: "reject" } });
  },
  "organizations.review.tsx any decision": async () => {
    const cookie = await sessionOf("admin");
    const pending = await createOrgMember("employer", { verified: false });
    return onPage(
      reviewAction,
      "/organizations/review",
      { decision: "verify", organizationId: pending.organizationId },
      { cookie },
    );
  },
  "employer.profile.tsx": async () => {
    const org = await createOrgMember("employer");
    return onPage(employerProfileAction, "/employer/profile", profile, { cookie: await cookieFor(org.actorId) });
  },
  "provider.profile.tsx": async () => {
    const org = await createOrgMember("provider");
    return onPage(
      providerProfileAction,
      "/provider/profile",
      { ...profile, kind: "training_centre" },
      { cookie: await cookieFor(org.actorId) },
    );
  },
  "provider.profile.tsx intent=load-communes": async () => {
    const org = await createOrgMember("provider");
    const more = { cookie: await cookieFor(org.actorId), fixed: { intent: "load-communes" }, readsNoField: true };
    return onPage(providerProfileAction, "/provider/profile", { provinceCode: UNITS.lamDong }, more);
  },
  "notifications.tsx": async () =>
    posting(notificationsAction, "/notifications", { intent: "mark-all" }, { cookie: await sessionOf("employer") }),
  // The list's "open" button: it reads no field, marks the user's own notification read and goes to it.
  "notifications.$id.tsx": async () => {
    const user = await createUser({ role: "employer" });
    await notify(ctx.handle.db, [user.id], { messageKey: "notifications.title", link: "/employer" });
    const [mine] = await listNotifications(user.id);
    const id = String(mine!.id);
    return posting(
      openNotificationAction,
      `/notifications/${id}`,
      {},
      {
        cookie: await cookieFor(user.id),
        params: { id },
        readsNoField: true,
      },
    );
  },
  "me._index.tsx": async () => {
    const p = await personWithGrant();
    return posting(
      meAction,
      "/me",
      { intent: "withdraw", grantId: p.grantId, note: "Tôi không muốn nữa" },
      { cookie: p.cookie },
    );
  },
  "me.consents.tsx": async () => {
    const p = await personWithGrant();
    return posting(
      meConsentsAction,
      "/me/consents",
      { intent: "withdraw", grantId: p.grantId, note: "" },
      { cookie: p.cookie },
    );
  },
  "me.data.tsx": async () => {
    const p = await personWithGrant();
    return onPage(meDataAction, "/me/data", { kind: "correction", message: "Sai ngày sinh" }, { cookie: p.cookie });
  },
  "me.saved.tsx": async () => {
    const p = await personWithGrant();
    const job = await publishJob(await createOrgMember("employer"));
    await setSaved(p.userId, "job", job.id, true);
    return posting(
      meSavedAction,
      "/me/saved",
      { intent: "unsave", kind: "job", listingId: job.id },
      { cookie: p.cookie },
    );
  },
};

describeFormCases("bad input on account, organisation and self-service forms", () => ctx.handle.db, CASES);
