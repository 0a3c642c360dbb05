import { and, count, eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";

import type { StaffScope } from "~/auth/scope.server";
import { parseIdentifier } from "~/modules/accounts/identifier";
import { attemptLogin } from "~/modules/accounts/login.server";
import { searchAudit } from "~/modules/audit/audit.server";
import { searchCandidates } from "~/modules/matching/candidates.server";
import { ANONYMISED_NAME } from "~/modules/persons/data-rights.server";
import { CODE_ALPHABET, hashCode } from "~/modules/persons/invitations.server";
import { getPersonForStaff } from "~/modules/persons/record.server";
import { action as activateAction, loader as activateLoader } from "~/routes/activate";
import { loader as auditLoader } from "~/routes/admin.audit";
import { action as jobAction, loader as jobLoader } from "~/routes/jobs.$id";
import { action as meAction, loader as meLoader } from "~/routes/me._index";
import { action as meConsentsAction, loader as meConsentsLoader } from "~/routes/me.consents";
import { action as meDataAction, loader as meDataLoader } from "~/routes/me.data";
import { loader as meDataJsonLoader } from "~/routes/me.data[.]json";
import { loader as meSavedLoader } from "~/routes/me.saved";
import { action as closeAction, loader as closeLoader } from "~/routes/officer.persons.$id_.close";
import { loader as exportLoader } from "~/routes/officer.persons.$id_.export";
import { loader as exportJsonLoader } from "~/routes/officer.persons.$id_.export[.]json";
import { action as inviteAction, loader as inviteLoader } from "~/routes/officer.persons.$id_.invite";
import { action as moveAction } from "~/routes/officer.persons.$id_.move";
import { action as requestsAction, loader as requestsLoader } from "~/routes/officer.requests";
import { action as transfersAction, loader as transfersLoader } from "~/routes/officer.transfers";
import { action as trainingAction } from "~/routes/trainings.$id";
import { setClock } from "~/utils/clock.server";

import {
  appUser,
  auditEvent,
  consentGrant,
  dataRequest,
  personInvitation,
  referralRequest,
  releasedPerson,
  savedListing,
} from "../../db/schema";
import { createUser, DEFAULT_PASSWORD, uniquePhone, UNITS } from "../factories";
import { createOrgMember, publishJob, publishTraining } from "../factories/marketplace";
import { createOfficerScope, createPerson, giveConsent } from "../factories/persons";
import { drainOutbox, setupIntegration } from "../setup/integration";
import { callRoute, cookieFor, routeContext, type RouteHandler, routeRequest } from "../setup/routes";

const ctx = setupIntegration({ indexes: true });

afterEach(() => setClock(undefined));

// Each test activates from its own address, so the per-address limit of one test never locks another.
let lastIp = 0;
const freshContext = () => routeContext(`10.30.${Math.floor(++lastIp / 250)}.${lastIp % 250}`);

type Handler = RouteHandler;
const call = callRoute;
const get = (path: string, cookie?: string) => routeRequest(path, { cookie });
const post = (path: string, form: Record<string, string | string[]>, cookie?: string) =>
  routeRequest(path, { cookie, form });

const drain = () => drainOutbox(ctx.handle.db, ctx.search);

const candidateIds = async (scope: StaffScope) => (await searchCandidates(scope, { q: "sua xe may" })).map((h) => h.id);

/** An officer issues an invitation through the route and gets the code off the slip. */
async function invite(officer: StaffScope, personId: string): Promise<string> {
  const res = await call(
    inviteAction as Handler,
    post(`/officer/persons/${personId}/invite`, {}, await cookieFor(officer.actorId)),
    { id: personId },
  );
  expect(res.status).toBe(200);
  const { slip } = (await res.json()) as { slip: { code: string; link: string } };
  return slip.code;
}

async function activate(code: string, phone: string, password = DEFAULT_PASSWORD, context = freshContext()) {
  return call(
    activateAction as Handler,
    post("/activate", { code, phone, password, passwordConfirm: password }),
    {},
    context,
  );
}

/** A registered person with an activated account (phone on file) and their session cookie. */
async function personWithAccount(officer: StaffScope, overrides: Record<string, string> = {}) {
  const phone = uniquePhone();
  const personId = await createPerson(officer, { phone, ...overrides });
  const res = await activate(await invite(officer, personId), phone);
  expect(res.status).toBe(302);
  const cookie = res.headers.get("Set-Cookie")!.split(";")[0];
  const [row] = await ctx.handle.db
    .select({ userId: releasedPerson.userId })
    .from(releasedPerson)
    .where(eq(releasedPerson.id, personId));
  return { personId, phone, cookie, userId: row.userId! };
}

async function openJob() {
  const employer = await createOrgMember("employer");
  return (await publishJob(employer)).id;
}

describe("invitation and activation", () => {
  it("invitation → activation → login by phone works", async () => {
    const officer = await createOfficerScope();
    const phone = uniquePhone();
    const personId = await createPerson(officer, { fullName: "Trần Văn Khải", phone, citizenId: "068090001111" });
    const officerCookie = await cookieFor(officer.actorId);

    const page = await call(inviteLoader as Handler, get(`/officer/persons/${personId}/invite`, officerCookie), {
      id: personId,
    });
    expect(((await page.json()) as { latest: unknown }).latest).toBeNull();

    const res = await call(inviteAction as Handler, post(`/officer/persons/${personId}/invite`, {}, officerCookie), {
      id: personId,
    });
    const { slip } = (await res.json()) as {
      slip: { code: string; link: string; expiresAt: string; fullName: string };
    };
    expect(slip.fullName).toBe("Trần Văn Khải");
    expect(slip.code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{4}-[${CODE_ALPHABET}]{4}$`));
    expect(slip.link).toBe(`http://localhost/activate?code=${slip.code.replace("-", "")}`);
    // 14 days, and only the hash is stored.
    expect(new Date(slip.expiresAt).getTime() - Date.now()).toBeGreaterThan(13.9 * 86_400_000);
    const [stored] = await ctx.handle.db.select().from(personInvitation).where(eq(personInvitation.personId, personId));
    expect(stored.codeHash).toBe(hashCode(slip.code.replace("-", "")));
    expect(JSON.stringify(stored)).not.toContain(slip.code.replace("-", ""));

    // The link fills in the code.
    const form = await call(activateLoader as Handler, get(`/activate?code=${slip.code.replace("-", "")}`));
    expect(((await form.json()) as { code: string }).code).toBe(slip.code.replace("-", ""));

    // Typed in lower case with a space, the phone in another format.
    const typed = `${slip.code.slice(0, 4).toLowerCase()} ${slip.code.slice(5)}`;
    const done = await activate(typed, `+84 ${phone.slice(1, 4)} ${phone.slice(4)}`, "SongXanh2026");
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe("/me");
    expect(done.headers.get("Set-Cookie")).toMatch(/^ct_session=/);

    const [person] = await ctx.handle.db.select().from(releasedPerson).where(eq(releasedPerson.id, personId));
    const [user] = await ctx.handle.db.select().from(appUser).where(eq(appUser.id, person.userId!));
    expect(user).toMatchObject({ role: "person", phone, fullName: "Trần Văn Khải", email: null });
    const [used] = await ctx.handle.db.select().from(personInvitation).where(eq(personInvitation.personId, personId));
    expect(used.usedAt).not.toBeNull();

    const login = await attemptLogin({
      identifier: parseIdentifier(phone)!,
      password: "SongXanh2026",
      ip: "10.31.0.1",
    });
    expect(login).toEqual({ ok: true, userId: user.id, role: "person" });

    // The session from activation opens /me, and the visit is audited as a self access.
    const me = await call(meLoader as Handler, get("/me", done.headers.get("Set-Cookie")!.split(";")[0]));
    expect(((await me.json()) as { home: { person: { fullName: string } } }).home.person.fullName).toBe(
      "Trần Văn Khải",
    );
    const actions = await ctx.handle.db
      .select({ action: auditEvent.action, purpose: auditEvent.purpose })
      .from(auditEvent)
      .where(eq(auditEvent.personId, personId));
    expect(actions).toEqual(
      expect.arrayContaining([
        { action: "invite", purpose: "account" },
        { action: "activate", purpose: "account" },
        { action: "view", purpose: "self_access" },
      ]),
    );
  });

  it("a reused, replaced or expired code fails with a clear message and creates nothing", async () => {
    const officer = await createOfficerScope();
    const { personId, phone } = await personWithAccount(officer);
    const [first] = await ctx.handle.db
      .select({ usedAt: personInvitation.usedAt })
      .from(personInvitation)
      .where(eq(personInvitation.personId, personId));
    expect(first.usedAt).not.toBeNull();

    const other = uniquePhone();
    const secondPerson = await createPerson(officer, { phone: other, fullName: "Lò Văn Mạnh" });
    const oldCode = await invite(officer, secondPerson);
    const newCode = await invite(officer, secondPerson);
    const replaced = await activate(oldCode, other);
    expect(replaced.status).toBe(400);
    expect(await replaced.json()).toMatchObject({ errors: { code: { key: "self.activate.error.code" } } });

    const ok = await activate(newCode, other);
    expect(ok.status).toBe(302);
    const reused = await activate(newCode, other, "SongKhac2026");
    expect(reused.status).toBe(400);
    expect(await reused.json()).toMatchObject({ errors: { code: { key: "self.activate.error.code" } } });

    // Expired after 14 days: nothing created.
    const third = uniquePhone();
    const thirdPerson = await createPerson(officer, { phone: third, fullName: "Hà Văn Nam" });
    const code = await invite(officer, thirdPerson);
    setClock({ offsetMs: 15 * 86_400_000 });
    const expired = await activate(code, third);
    expect(expired.status).toBe(400);
    expect(await expired.json()).toMatchObject({ errors: { code: { key: "self.activate.error.code" } } });
    setClock(undefined);
    expect(await ctx.handle.db.select().from(appUser).where(eq(appUser.phone, third))).toHaveLength(0);
    const [untouched] = await ctx.handle.db
      .select({ userId: releasedPerson.userId })
      .from(releasedPerson)
      .where(eq(releasedPerson.id, thirdPerson));
    expect(untouched.userId).toBeNull();

    // The wrong phone number for a valid code: refused, counted, and after 5 failures locked like a login.
    const fresh = await invite(officer, thirdPerson);
    const context = freshContext();
    const wrong = await activate(fresh, uniquePhone(), DEFAULT_PASSWORD, context);
    expect(await wrong.json()).toMatchObject({ errors: { phone: { key: "self.activate.error.phone" } } });
    for (let i = 0; i < 4; i++) await activate(fresh, uniquePhone(), DEFAULT_PASSWORD, freshContext());
    const locked = await activate(fresh, third, DEFAULT_PASSWORD, freshContext());
    expect(locked.status).toBe(429);
    expect(await locked.json()).toMatchObject({ errors: { _form: { key: "login.error.locked" } } });
    expect(await ctx.handle.db.select().from(appUser).where(eq(appUser.phone, third))).toHaveLength(0);
    // The first person's account is untouched by all this.
    expect(
      (await attemptLogin({ identifier: parseIdentifier(phone)!, password: DEFAULT_PASSWORD, ip: "10.31.0.2" })).ok,
    ).toBe(true);
  });

  it("a person with no phone on file gives one, and it is saved on the record", async () => {
    const officer = await createOfficerScope();
    const personId = await createPerson(officer, { fullName: "Đinh Văn Phúc", citizenId: "068090002222" });
    const phone = uniquePhone();
    const res = await activate(await invite(officer, personId), phone);
    expect(res.status).toBe(302);
    const [person] = await ctx.handle.db
      .select({ phone: releasedPerson.phone })
      .from(releasedPerson)
      .where(eq(releasedPerson.id, personId));
    expect(person.phone).toBe(phone);
    // A form error keeps what was typed, never the password.
    const bad = await activate("ABC", "12", "ngan");
    const body = (await bad.json()) as { values: Record<string, string>; errors: Record<string, { key: string }> };
    expect(bad.status).toBe(400);
    expect(body.errors).toMatchObject({
      code: { key: "self.activate.error.codeFormat" },
      phone: { key: "validation.phone" },
      password: { key: "validation.password" },
    });
    expect(body.values).toEqual({ code: "ABC", phone: "12" });
  });
});

describe("the person's own pages", () => {
  it("shows only the person's own data: a guessed person id or grant id gets nothing", async () => {
    const officer = await createOfficerScope();
    const a = await personWithAccount(officer, { fullName: "Nguyễn Văn An", citizenId: "068090003333" });
    const bId = await createPerson(officer, { fullName: "Bùi Thị Bích", citizenId: "068090004444" });
    const bGrant = await giveConsent(officer, bId);

    const data = await call(meDataLoader as Handler, get("/me/data", a.cookie));
    const body = (await data.json()) as {
      data: { person: { id: string; fullName: string; citizenId: string }; convictions: unknown[] };
    };
    expect(body.data.person).toMatchObject({ id: a.personId, fullName: "Nguyễn Văn An", citizenId: "068090003333" });
    // Their own conviction is shown to them.
    expect(body.data.convictions).toHaveLength(1);
    expect(JSON.stringify(body)).not.toContain("Bùi Thị Bích");

    // Withdrawing someone else's grant from /me: nothing happens.
    const withdraw = await call(meAction as Handler, post("/me", { intent: "withdraw", grantId: bGrant }, a.cookie));
    expect(withdraw.status).toBe(404);
    const [still] = await ctx.handle.db
      .select({ withdrawnAt: consentGrant.withdrawnAt })
      .from(consentGrant)
      .where(eq(consentGrant.id, bGrant));
    expect(still.withdrawnAt).toBeNull();
    const viaConsents = await call(
      meConsentsAction as Handler,
      post("/me/consents", { intent: "withdraw", grantId: bGrant }, a.cookie),
    );
    expect(viaConsents.status).toBe(404);

    // Officer pages are not theirs, whatever id they try.
    const officerPage = await call(exportJsonLoader as Handler, get(`/officer/persons/${bId}/export.json`, a.cookie), {
      id: bId,
    });
    expect(officerPage.status).toBe(403);

    // Their JSON copy is their own.
    const json = await call(meDataJsonLoader as Handler, get("/me/data.json", a.cookie));
    expect(json.headers.get("Content-Disposition")).toMatch(/attachment/);
    const copy = (await json.json()) as { person: { id: string }; auditEvents: { action: string }[] };
    expect(copy.person.id).toBe(a.personId);
    expect(JSON.stringify(copy)).not.toContain(bId);

    // Their consent history is empty (B's grant is not theirs).
    const consents = await call(meConsentsLoader as Handler, get("/me/consents", a.cookie));
    expect(((await consents.json()) as { grants: unknown[] }).grants).toEqual([]);

    // An anonymous visitor is sent to log in; another role gets 403.
    const anonymous = await call(meLoader as Handler, get("/me"));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toBe("/login?redirectTo=%2Fme");
    const employer = await createUser({ role: "employer" });
    expect((await call(meDataLoader as Handler, get("/me/data", await cookieFor(employer.id)))).status).toBe(403);
  });

  it("withdrawing a consent from /me removes the person from the candidates index at once and lapses pending requests", async () => {
    const officer = await createOfficerScope();
    const p = await personWithAccount(officer, { fullName: "Lê Văn Cường", citizenId: "068090005555" });
    const grantId = await giveConsent(officer, p.personId);
    await drain();
    expect(await candidateIds(officer)).toContain(p.personId);

    const jobId = await openJob();
    const asked = await call(
      jobAction as Handler,
      post(`/jobs/${jobId}`, { intent: "request", message: "Em làm được ngay" }, p.cookie),
      { id: jobId },
    );
    expect(asked.status).toBe(200);
    const home = (await (await call(meLoader as Handler, get("/me", p.cookie))).json()) as {
      home: { liveGrants: { id: string }[]; requests: { status: string; title: string; message: string }[] };
    };
    expect(home.home.liveGrants.map((g) => g.id)).toEqual([grantId]);
    expect(home.home.requests).toMatchObject([
      { status: "pending", title: "Thợ sửa xe máy", message: "Em làm được ngay" },
    ]);

    const res = await call(
      meAction as Handler,
      post("/me", { intent: "withdraw", grantId, note: "Tôi đổi ý" }, p.cookie),
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/me?done=withdrawn");
    // No drain: gone in the same request.
    expect(await candidateIds(officer)).not.toContain(p.personId);
    await expect(ctx.search.index("candidates").getDocument(p.personId)).rejects.toThrow();
    const [request] = await ctx.handle.db
      .select()
      .from(referralRequest)
      .where(eq(referralRequest.personId, p.personId));
    expect(request.status).toBe("withdrawn");
    const [grant] = await ctx.handle.db.select().from(consentGrant).where(eq(consentGrant.id, grantId));
    expect(grant).toMatchObject({ withdrawnBy: p.userId, withdrawalNote: "Tôi đổi ý" });

    const after = (await (await call(meLoader as Handler, get("/me?done=withdrawn", p.cookie))).json()) as {
      withdrawn: boolean;
      home: { liveGrants: unknown[] };
    };
    expect(after).toMatchObject({ withdrawn: true, home: { liveGrants: [] } });
    // The history still shows it, withdrawn.
    const history = (await (await call(meConsentsLoader as Handler, get("/me/consents", p.cookie))).json()) as {
      grants: { id: string; withdrawnAt: string | null }[];
    };
    expect(history.grants).toMatchObject([{ id: grantId }]);
    expect(history.grants[0].withdrawnAt).not.toBeNull();
  });

  it("saves listings, and asks for a referral only with consent for that purpose, once per listing", async () => {
    const officer = await createOfficerScope();
    const p = await personWithAccount(officer, { fullName: "Vũ Văn Giang", citizenId: "068090006666" });
    const jobId = await openJob();
    const provider = await createOrgMember("provider");
    const trainingId = (await publishTraining(provider)).id;

    // Anonymous visitors keep the call to action: no person state.
    const anonymous = (await (await call(jobLoader as Handler, get(`/jobs/${jobId}`), { id: jobId })).json()) as {
      person: unknown;
    };
    expect(anonymous.person).toBeNull();

    // No consent at all: refused with the message that sends them to their officer; nothing stored.
    const refused = await call(jobAction as Handler, post(`/jobs/${jobId}`, { intent: "request" }, p.cookie), {
      id: jobId,
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ ok: false, error: "self.listing.error.no_consent.job" });
    expect(
      await ctx.handle.db.select().from(referralRequest).where(eq(referralRequest.personId, p.personId)),
    ).toHaveLength(0);

    // Matching consent covers jobs, not courses.
    await giveConsent(officer, p.personId, { purposes: ["matching"], shareableFields: ["full_name", "skills"] });
    const course = await call(
      trainingAction as Handler,
      post(`/trainings/${trainingId}`, { intent: "request" }, p.cookie),
      { id: trainingId },
    );
    expect(await course.json()).toEqual({ ok: false, error: "self.listing.error.no_consent.training" });
    const first = await call(
      jobAction as Handler,
      post(`/jobs/${jobId}`, { intent: "request", message: "" }, p.cookie),
      { id: jobId },
    );
    expect(await first.json()).toEqual({ ok: true, done: "requested" });
    const twice = await call(jobAction as Handler, post(`/jobs/${jobId}`, { intent: "request" }, p.cookie), {
      id: jobId,
    });
    expect(twice.status).toBe(409);
    expect(
      await ctx.handle.db.select().from(referralRequest).where(eq(referralRequest.personId, p.personId)),
    ).toHaveLength(1);

    // Save and unsave; the page knows.
    expect(
      await (
        await call(jobAction as Handler, post(`/jobs/${jobId}`, { intent: "save" }, p.cookie), { id: jobId })
      ).json(),
    ).toEqual({ ok: true, done: "saved" });
    expect(
      await (
        await call(trainingAction as Handler, post(`/trainings/${trainingId}`, { intent: "save" }, p.cookie), {
          id: trainingId,
        })
      ).json(),
    ).toEqual({
      ok: true,
      done: "saved",
    });
    const state = (await (await call(jobLoader as Handler, get(`/jobs/${jobId}`, p.cookie), { id: jobId })).json()) as {
      person: Record<string, unknown>;
    };
    expect(state.person).toMatchObject({ linked: true, saved: true, hasConsent: true, request: { status: "pending" } });
    const saved = (await (await call(meSavedLoader as Handler, get("/me/saved", p.cookie))).json()) as {
      saved: { kind: string; title: string; open: boolean }[];
    };
    expect(saved.saved.map((s) => [s.kind, s.open]).sort()).toEqual([
      ["job", true],
      ["training", true],
    ]);
    await call(jobAction as Handler, post(`/jobs/${jobId}`, { intent: "unsave" }, p.cookie), { id: jobId });
    expect(await ctx.handle.db.select().from(savedListing).where(eq(savedListing.personId, p.personId))).toHaveLength(
      1,
    );

    // Another role cannot use it; an anonymous visitor is sent to log in.
    const employer = await createUser({ role: "employer" });
    expect(
      (
        await call(jobAction as Handler, post(`/jobs/${jobId}`, { intent: "save" }, await cookieFor(employer.id)), {
          id: jobId,
        })
      ).status,
    ).toBe(403);
    expect((await call(jobAction as Handler, post(`/jobs/${jobId}`, { intent: "save" }), { id: jobId })).status).toBe(
      302,
    );
  });

  it("withdrawing the matching consent lapses pending job requests only; a course request lives on with its own consent", async () => {
    const officer = await createOfficerScope();
    const p = await personWithAccount(officer, { fullName: "Hồ Văn Khang", citizenId: "068090015151" });
    const matching = await giveConsent(officer, p.personId, { purposes: ["matching"], shareableFields: ["full_name"] });
    await giveConsent(officer, p.personId, { purposes: ["training_referral"], shareableFields: ["full_name"] });
    const jobId = await openJob();
    const trainingId = (await publishTraining(await createOrgMember("provider"))).id;
    await call(jobAction as Handler, post(`/jobs/${jobId}`, { intent: "request" }, p.cookie), { id: jobId });
    await call(trainingAction as Handler, post(`/trainings/${trainingId}`, { intent: "request" }, p.cookie), {
      id: trainingId,
    });
    expect(
      (await call(meAction as Handler, post("/me", { intent: "withdraw", grantId: matching }, p.cookie))).status,
    ).toBe(302);
    const requests = await ctx.handle.db
      .select({ kind: referralRequest.kind, status: referralRequest.status })
      .from(referralRequest)
      .where(eq(referralRequest.personId, p.personId));
    expect(requests.sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { kind: "job", status: "withdrawn" },
      { kind: "training", status: "pending" },
    ]);
  });

  it("the 'who accessed my record' list shows the officer's views, never the person's own or other persons' events", async () => {
    const officer = await createOfficerScope();
    const p = await personWithAccount(officer, { fullName: "Mai Văn Hùng", citizenId: "068090007777" });
    const other = await createPerson(officer, { fullName: "Khác Người", citizenId: "068090008888" });
    await getPersonForStaff(officer, p.personId, "case_management");
    await getPersonForStaff(officer, other, "case_management");
    await call(meLoader as Handler, get("/me", p.cookie));

    const body = (await (await call(meDataLoader as Handler, get("/me/data", p.cookie))).json()) as {
      access: { action: string; actorRole: string; purpose: string; communes: string | null }[];
    };
    const views = body.access.filter((e) => e.action === "view");
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({ actorRole: "officer", purpose: "case_management" });
    expect(views[0].communes).toContain("Nam Đà");
    // Their own visits are not listed; the officer's create and invite are.
    expect(body.access.map((e) => e.purpose)).not.toContain("self_access");
    expect(body.access.map((e) => e.action)).toEqual(expect.arrayContaining(["create", "invite"]));
    expect(body.access).toHaveLength(3);
  });
});

describe("data rights for officers", () => {
  it("export JSON contains the record and writes an audit 'export'; another commune gets 404", async () => {
    const officer = await createOfficerScope();
    const personId = await createPerson(officer, { fullName: "Phan Văn Quý", citizenId: "068090009999" });
    await giveConsent(officer, personId);
    const cookie = await cookieFor(officer.actorId);
    const res = await call(exportJsonLoader as Handler, get(`/officer/persons/${personId}/export.json`, cookie), {
      id: personId,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/application\/json/);
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="chung-tay-ho-so-/);
    const data = (await res.json()) as {
      person: { fullName: string; citizenId: string; communeName: string };
      convictions: unknown[];
      consentGrants: unknown[];
    };
    expect(data.person).toMatchObject({
      fullName: "Phan Văn Quý",
      citizenId: "068090009999",
      communeName: expect.stringContaining("Nam Đà"),
    });
    expect(data.convictions).toHaveLength(1);
    expect(data.consentGrants).toHaveLength(1);
    const printable = await call(exportLoader as Handler, get(`/officer/persons/${personId}/export`, cookie), {
      id: personId,
    });
    expect(printable.status).toBe(200);
    const events = await ctx.handle.db
      .select({ details: auditEvent.details })
      .from(auditEvent)
      .where(
        and(
          eq(auditEvent.personId, personId),
          eq(auditEvent.action, "export"),
          eq(auditEvent.actorId, officer.actorId),
        ),
      );
    expect(events.map((e) => e.details.format).sort()).toEqual(["json", "print"]);

    const elsewhere = await createOfficerScope([UNITS.luongSon], UNITS.phuTho);
    const denied = await call(
      exportJsonLoader as Handler,
      get(`/officer/persons/${personId}/export.json`, await cookieFor(elsewhere.actorId)),
      { id: personId },
    );
    expect(denied.status).toBe(404);
    expect(
      (await call(exportJsonLoader as Handler, get("/officer/persons/nope/export.json", cookie), { id: "nope" }))
        .status,
    ).toBe(404);
  });

  it("a deletion request anonymises the person everywhere; counts by commune stay and the person can no longer log in", async () => {
    const officer = await createOfficerScope();
    const countByCommune = async () =>
      Number(
        (
          await ctx.handle.db
            .select({ n: count() })
            .from(releasedPerson)
            .where(eq(releasedPerson.communeCode, UNITS.namDa))
        )[0].n,
      );
    const p = await personWithAccount(officer, {
      fullName: "Tạ Văn Xuyên",
      citizenId: "068090010101",
      address: "Thôn Xuyên Mộc",
    });
    await giveConsent(officer, p.personId);
    await drain();
    expect(await candidateIds(officer)).toContain(p.personId);
    const before = await countByCommune();

    // The person asks for deletion from /me/data.
    const asked = await call(
      meDataAction as Handler,
      post("/me/data", { kind: "deletion", message: "Tôi muốn xóa dữ liệu của tôi" }, p.cookie),
    );
    expect(asked.status).toBe(302);
    const officerCookie = await cookieFor(officer.actorId);
    const list = (await (await call(requestsLoader as Handler, get("/officer/requests", officerCookie))).json()) as {
      open: { id: string; kind: string; fullName: string }[];
    };
    expect(list.open).toMatchObject([{ kind: "deletion", fullName: "Tạ Văn Xuyên" }]);
    const requestId = list.open[0].id;

    // Without the ticked confirmation nothing happens; with it, the record is anonymised.
    const unconfirmed = await call(
      requestsAction as Handler,
      post("/officer/requests", { requestId, outcome: "done" }, officerCookie),
    );
    expect(unconfirmed.status).toBe(400);
    const res = await call(
      requestsAction as Handler,
      post("/officer/requests", { requestId, outcome: "done", confirm: "on" }, officerCookie),
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/officer/requests?done=anonymised");

    const [person] = await ctx.handle.db.select().from(releasedPerson).where(eq(releasedPerson.id, p.personId));
    expect(person).toMatchObject({
      fullName: ANONYMISED_NAME,
      citizenId: null,
      phone: null,
      address: "",
      skills: [],
      status: "closed",
      communeCode: UNITS.namDa,
    });
    expect(person.anonymizedAt).not.toBeNull();
    expect(person.dateOfBirth).toBe("1990-01-01");
    // The name is nowhere in the database's person tables or the account, nor in the candidates index.
    const [{ n: named }] = await ctx.handle.db
      .select({ n: count() })
      .from(releasedPerson)
      .where(sql`${releasedPerson.fullName} = 'Tạ Văn Xuyên'`);
    expect(Number(named)).toBe(0);
    const [user] = await ctx.handle.db.select().from(appUser).where(eq(appUser.id, p.userId));
    expect(user.fullName).toBe(ANONYMISED_NAME);
    expect(user.phone).toBeNull();
    expect(user.disabledAt).not.toBeNull();
    await expect(ctx.search.index("candidates").getDocument(p.personId)).rejects.toThrow();
    expect(await candidateIds(officer)).not.toContain(p.personId);
    const [grant] = await ctx.handle.db.select().from(consentGrant).where(eq(consentGrant.personId, p.personId));
    expect(grant.evidenceRef).toBe("");
    expect(grant.withdrawnAt).not.toBeNull();
    expect(
      await ctx.handle.db.select().from(personInvitation).where(eq(personInvitation.personId, p.personId)),
    ).toHaveLength(0);
    const [request] = await ctx.handle.db.select().from(dataRequest).where(eq(dataRequest.id, requestId));
    expect(request.status).toBe("done");

    // Statistics: the commune still counts them.
    expect(await countByCommune()).toBe(before);
    // The person cannot log in, and their old session is over.
    expect(
      await attemptLogin({ identifier: parseIdentifier(p.phone)!, password: DEFAULT_PASSWORD, ip: "10.31.0.3" }),
    ).toEqual({ ok: false, reason: "invalid" });
    const me = await call(meLoader as Handler, get("/me", p.cookie));
    expect(me.status).toBe(302);
    // Officers no longer reach the record.
    expect(await getPersonForStaff(officer, p.personId, "case_management")).toBeUndefined();
    const events = await ctx.handle.db
      .select({ action: auditEvent.action })
      .from(auditEvent)
      .where(eq(auditEvent.personId, p.personId));
    expect(events.map((e) => e.action)).toContain("anonymise");
  });
});

describe("moves and closure", () => {
  it("move + accept changes the commune, and an officer of the old commune then gets 404", async () => {
    const from = await createOfficerScope([UNITS.namDa]);
    const to = await createOfficerScope([UNITS.krongNo]);
    const personId = await createPerson(from, { fullName: "Đoàn Văn Lực", citizenId: "068090012121" });
    const fromCookie = await cookieFor(from.actorId);
    const toCookie = await cookieFor(to.actorId);

    // Same commune is refused; the real move lists the receiving officers.
    const same = await call(
      moveAction as Handler,
      post(`/officer/persons/${personId}/move`, { provinceCode: UNITS.lamDong, communeCode: UNITS.namDa }, fromCookie),
      { id: personId },
    );
    expect(await same.json()).toMatchObject({ errors: { communeCode: { key: "self.move.error.sameCommune" } } });
    const moved = await call(
      moveAction as Handler,
      post(
        `/officer/persons/${personId}/move`,
        { provinceCode: UNITS.lamDong, communeCode: UNITS.krongNo, note: "Về ở với mẹ" },
        fromCookie,
      ),
      {
        id: personId,
      },
    );
    const sent = (await moved.json()) as { sent: { recipients: { id: string }[] } };
    expect(sent.sent.recipients.map((r) => r.id)).toEqual([to.actorId]);
    // The receiving officer cannot move a person who is not theirs yet.
    const notYet = await call(
      moveAction as Handler,
      post(`/officer/persons/${personId}/move`, { provinceCode: UNITS.lamDong, communeCode: UNITS.namDa }, toCookie),
      { id: personId },
    );
    expect(notYet.status).toBe(404);

    const list = (await (await call(transfersLoader as Handler, get("/officer/transfers", toCookie))).json()) as {
      incoming: { id: string; fullName: string; note: string }[];
    };
    expect(list.incoming).toMatchObject([{ fullName: "Đoàn Văn Lực", note: "Về ở với mẹ" }]);
    // The sender cannot accept on the receiver's behalf.
    const byFrom = await call(
      transfersAction as Handler,
      post("/officer/transfers", { intent: "accept", transferId: list.incoming[0].id }, fromCookie),
    );
    expect(byFrom.status).toBe(404);
    const accepted = await call(
      transfersAction as Handler,
      post("/officer/transfers", { intent: "accept", transferId: list.incoming[0].id }, toCookie),
    );
    expect(accepted.status).toBe(302);

    const [person] = await ctx.handle.db
      .select({ communeCode: releasedPerson.communeCode, provinceCode: releasedPerson.provinceCode })
      .from(releasedPerson)
      .where(eq(releasedPerson.id, personId));
    expect(person).toEqual({ communeCode: UNITS.krongNo, provinceCode: UNITS.lamDong });
    expect(await getPersonForStaff(from, personId, "case_management")).toBeUndefined();
    expect(
      (
        await call(exportJsonLoader as Handler, get(`/officer/persons/${personId}/export.json`, fromCookie), {
          id: personId,
        })
      ).status,
    ).toBe(404);
    expect(
      (await call(closeLoader as Handler, get(`/officer/persons/${personId}/close`, fromCookie), { id: personId }))
        .status,
    ).toBe(404);
    expect(await getPersonForStaff(to, personId, "case_management")).toBeDefined();
    const events = await ctx.handle.db
      .select({ action: auditEvent.action, details: auditEvent.details })
      .from(auditEvent)
      .where(and(eq(auditEvent.personId, personId), eq(auditEvent.action, "transfer")));
    expect(events.map((e) => e.details.stage).sort()).toEqual(["accepted", "requested"]);
  });

  it("closure removes the person from matching and keeps the history", async () => {
    const officer = await createOfficerScope();
    const personId = await createPerson(officer, { fullName: "Cao Văn Sơn", citizenId: "068090013131" });
    await giveConsent(officer, personId);
    await drain();
    expect(await candidateIds(officer)).toContain(personId);
    const cookie = await cookieFor(officer.actorId);

    const missing = await call(
      closeAction as Handler,
      post(`/officer/persons/${personId}/close`, { intent: "close" }, cookie),
      { id: personId },
    );
    expect(await missing.json()).toMatchObject({ errors: { reason: { key: "validation.choose" } } });
    const res = await call(
      closeAction as Handler,
      post(
        `/officer/persons/${personId}/close`,
        { intent: "close", reason: "moved_away", note: "Đi làm ăn xa" },
        cookie,
      ),
      { id: personId },
    );
    expect(res.status).toBe(302);
    expect(await candidateIds(officer)).not.toContain(personId);
    await expect(ctx.search.index("candidates").getDocument(personId)).rejects.toThrow();
    const [person] = await ctx.handle.db.select().from(releasedPerson).where(eq(releasedPerson.id, personId));
    expect(person).toMatchObject({
      status: "closed",
      closedReason: "moved_away",
      closedNote: "Đi làm ăn xa",
      fullName: "Cao Văn Sơn",
    });
    expect(person.closedAt).not.toBeNull();
    // History kept: still readable by the officer; closing twice is refused.
    expect((await getPersonForStaff(officer, personId, "case_management"))?.fullName).toBe("Cao Văn Sơn");
    const again = await call(
      closeAction as Handler,
      post(`/officer/persons/${personId}/close`, { intent: "close", reason: "died" }, cookie),
      { id: personId },
    );
    expect(await again.json()).toMatchObject({ errors: { _form: { key: "self.close.error.closed" } } });
    const [closeEvent] = await ctx.handle.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.personId, personId), eq(auditEvent.action, "close")));
    expect(closeEvent.details).toEqual({ reason: "moved_away" });
  });
});

describe("admin audit search", () => {
  it("shows a province's events to its admin only, with filters", async () => {
    const officer = await createOfficerScope();
    const personId = await createPerson(officer, { fullName: "Lâm Văn Tú", citizenId: "068090014141" });
    await getPersonForStaff(officer, personId, "case_management");
    const lamDongAdmin = await createUser({ role: "admin", provinceCode: UNITS.lamDong });
    const phuThoAdmin = await createUser({ role: "admin", provinceCode: UNITS.phuTho });

    const mine = await call(
      auditLoader as Handler,
      get(`/admin/audit?personId=${personId}&action=view`, await cookieFor(lamDongAdmin.id)),
    );
    const body = (await mine.json()) as { events: { personId: string; action: string; personName: string }[] };
    expect(body.events).toHaveLength(1);
    expect(body.events[0]).toMatchObject({ personId, action: "view", personName: "Lâm Văn Tú" });
    const byActor = (await (
      await call(
        auditLoader as Handler,
        get(
          `/admin/audit?actor=${encodeURIComponent((await ctx.handle.db.select({ e: appUser.email }).from(appUser).where(eq(appUser.id, officer.actorId)))[0].e!)}`,
          await cookieFor(lamDongAdmin.id),
        ),
      )
    ).json()) as {
      events: { personId: string }[];
    };
    expect(byActor.events.length).toBeGreaterThanOrEqual(2);

    const theirs = (await (
      await call(auditLoader as Handler, get(`/admin/audit?personId=${personId}`, await cookieFor(phuThoAdmin.id)))
    ).json()) as { events: unknown[] };
    expect(theirs.events).toEqual([]);
    expect(await searchAudit({ provinceCode: UNITS.phuTho, personId })).toEqual([]);
    // An officer may not read the province's log.
    expect((await call(auditLoader as Handler, get("/admin/audit", await cookieFor(officer.actorId)))).status).toBe(
      403,
    );
    const badId = (await (
      await call(auditLoader as Handler, get("/admin/audit?personId=xyz", await cookieFor(lamDongAdmin.id)))
    ).json()) as { errors: Record<string, { key: string }> };
    expect(badId.errors.personId.key).toBe("self.audit.error.personId");
  });
});
