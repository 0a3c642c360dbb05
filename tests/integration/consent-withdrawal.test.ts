import { eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";

import type { OrgScope } from "~/auth/org-scope.server";
import type { StaffScope } from "~/auth/scope.server";
import { startSession } from "~/auth/session.server";
import { formatDate, translator } from "~/i18n";
import { personsWithLiveConsent, withdrawConsent } from "~/modules/consent/consent.server";
import { searchCandidates } from "~/modules/matching/candidates.server";
import * as employerReferrals from "~/routes/employer.referrals._index";
import * as employerReferral from "~/routes/employer.referrals.$id";
import * as meConsents from "~/routes/me.consents";
import * as officerPerson from "~/routes/officer.persons.$id";
import * as printForm from "~/routes/officer.persons.$id_.consents.$grantId.print";
import { now, setClock } from "~/utils/clock.server";
import type { FormValues } from "~/utils/forms";
import { sweepExpired } from "~/worker/tasks.server";

import { consentGrant, consentWithdrawal, notification, referral } from "../../db/schema";
import { createUser, uniquePhone, UNITS } from "../factories";
import { createOrgMember, daysFromToday, publishJob } from "../factories/marketplace";
import { activatePerson, createPerson, giveConsent } from "../factories/persons";
import { acceptReferral, refer } from "../factories/referrals";
import { drainOutbox, setupIntegration } from "../setup/integration";
import { render } from "../setup/render-page";
import { callRoute, getRequest as get, postRequest as post, type RouteHandler as Handler } from "../setup/routes";

/*
 * Issue 11, defects 2 and 3: consent is withdrawn purpose by purpose, and what an organisation was shown
 * does not outlive the consent (withdrawn or expired), whatever the referral's state.
 */

const ctx = setupIntegration({ indexes: true });
const drain = () => drainOutbox(ctx.handle.db, ctx.search);

const vi = translator("vi");
type Who = { id: string; cookie: string };

const cookieFor = async (userId: string): Promise<Who> => ({
  id: userId,
  cookie: (await startSession(userId)).split(";")[0],
});

const call = (handler: Handler, request: Request, params: Record<string, string> = {}) =>
  callRoute(handler, request, params, undefined, { responseOnly: true });

let officerScope: StaffScope;
let officer: Who;
let employer: OrgScope;
let employerWho: Who;

beforeAll(async () => {
  const officerUser = await createUser({ role: "officer", communeCodes: [UNITS.namDa] });
  officerScope = {
    actorId: officerUser.id,
    role: "officer",
    provinceCodes: [UNITS.lamDong],
    communeCodes: [UNITS.namDa],
  };
  officer = await cookieFor(officerUser.id);
  employer = await createOrgMember("employer", { name: "Tiệm sửa xe Rút Đồng Ý" });
  employerWho = await cookieFor(employer.actorId);
}, 120_000);

afterEach(() => setClock(undefined));

let count = 0;
/** A person of Nam Đà with a phone and an activated account, consent for job matching and for sharing the phone. */
async function person(consent: FormValues = {}) {
  count += 1;
  const fullName = `Phạm Văn Rút ${count}`;
  const phone = uniquePhone();
  const personId = await createPerson(officerScope, {
    fullName,
    phone,
    dateOfBirth: `1991-03-${String(count).padStart(2, "0")}`,
  });
  const userId = await activatePerson(officerScope, personId, { phone, ip: `10.61.0.${count}` });
  const grantId = await giveConsent(officerScope, personId, { purposes: ["matching", "share_contact"], ...consent });
  return { personId, fullName, phone, userId, who: await cookieFor(userId), grantId };
}

const orgOpen = (id: string) =>
  call(employerReferral.loader as Handler, get(`/employer/referrals/${id}`, employerWho), { id });
const allNotifications = async () => JSON.stringify(await ctx.handle.db.select().from(notification));
const keysOf = async (userId: string) =>
  (await ctx.handle.db.select().from(notification).where(eq(notification.recipientId, userId))).map(
    (n) => n.messageKey,
  );

type OrgDetail = {
  referral: {
    status: string;
    sharedFields: string[];
    sharedSnapshot: Record<string, unknown>;
    consentEnded: { reason: string; at: string; fields: string[] }[];
  };
};

describe("withdrawing one purpose of a grant", () => {
  it("the person withdraws the phone at /me/consents: matching stays live, the referral keeps the other fields, history says who, when, how", async () => {
    const p = await person();
    await drain();
    const job = await publishJob(employer, { title: "Thợ sửa xe một phần" });
    const id = await refer(officerScope, p.personId, "job", job.id, ["full_name", "skills", "phone"]);

    const res = await call(
      meConsents.action as Handler,
      post("/me/consents", p.who, { intent: "withdraw", grantId: p.grantId, purpose: "share_contact", note: "" }),
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/me/consents?done=withdrawn&purpose=share_contact");

    // The grant stays in force for matching only.
    const [grant] = await ctx.handle.db.select().from(consentGrant).where(eq(consentGrant.id, p.grantId));
    expect(grant).toMatchObject({ purposes: ["matching"], withdrawnAt: null });
    expect((await personsWithLiveConsent([p.personId], "matching")).has(p.personId)).toBe(true);
    expect((await personsWithLiveConsent([p.personId], "share_contact")).has(p.personId)).toBe(false);
    // Matching still finds them (the index kept them, candidate search re-checks consent in the database).
    await drain();
    expect((await searchCandidates(officerScope, { q: "sua xe may" })).map((h) => h.id)).toContain(p.personId);

    // History: which purpose, when, by whom, through which channel.
    const history = await ctx.handle.db
      .select()
      .from(consentWithdrawal)
      .where(eq(consentWithdrawal.grantId, p.grantId));
    expect(history).toEqual([
      expect.objectContaining({
        purpose: "share_contact",
        withdrawnBy: p.userId,
        actorRole: "person",
        channel: "online",
        personId: p.personId,
      }),
    ]);
    const page = await (
      await call(meConsents.loader as Handler, get("/me/consents?done=withdrawn&purpose=share_contact", p.who))
    ).json();
    const html = render(meConsents.default, page);
    expect(html).toContain(vi("consent.withdrawal.self.done", { purpose: vi("self.purpose.share_contact") }));
    expect(html).toContain(vi("consent.withdrawal.purposeWithdrawn", { date: formatDate(now()) }));
    expect(html).toContain(vi("consent.withdrawal.purposeLive"));
    // Matching can still be withdrawn on its own; the phone cannot be withdrawn twice.
    expect(html).toContain('name="purpose" value="matching"');
    expect(html).not.toContain('name="purpose" value="share_contact"');

    // The open referral stands, without the phone.
    const [row] = await ctx.handle.db.select().from(referral).where(eq(referral.id, id));
    expect(row.status).not.toBe("withdrawn");
    expect(row.sharedSnapshot).toEqual({ full_name: p.fullName, skills: expect.any(Array) });
    const seen = (await (await orgOpen(id)).json()) as OrgDetail;
    expect(seen.referral.sharedFields).toEqual(["full_name", "skills"]);
    expect(seen.referral.sharedSnapshot.full_name).toBe(p.fullName);
    expect(JSON.stringify(seen)).not.toContain(p.phone);
  });

  it("the officer withdraws matching only, recording the channel: the person leaves the candidates index at once, the phone purpose stays", async () => {
    const p = await person({ purposes: ["matching", "training_referral", "share_contact"] });
    await drain();
    expect((await searchCandidates(officerScope, { q: "sua xe may" })).map((h) => h.id)).toContain(p.personId);
    const res = await call(
      officerPerson.action as Handler,
      post(`/officer/persons/${p.personId}`, officer, {
        intent: "withdraw-consent",
        grantId: p.grantId,
        purpose: "matching",
        channel: "phone",
        note: "Gọi điện báo",
      }),
      { id: p.personId },
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/officer/persons/${p.personId}?done=withdrawn&purpose=matching#consents`);
    // No drain: gone from the index in the same request.
    const doc = await ctx.search
      .index("candidates")
      .getDocument(p.personId)
      .catch(() => null);
    expect(doc).toBeNull();
    const [grant] = await ctx.handle.db.select().from(consentGrant).where(eq(consentGrant.id, p.grantId));
    expect(grant).toMatchObject({ purposes: ["training_referral", "share_contact"], withdrawnAt: null });
    expect((await personsWithLiveConsent([p.personId], "training_referral")).has(p.personId)).toBe(true);
    const [row] = await ctx.handle.db.select().from(consentWithdrawal).where(eq(consentWithdrawal.grantId, p.grantId));
    expect(row).toMatchObject({
      purpose: "matching",
      channel: "phone",
      actorRole: "officer",
      withdrawnBy: officer.id,
      note: "Gọi điện báo",
    });
    // The person's page lists the withdrawal in the grant's history.
    const loaded = await (
      await call(
        officerPerson.loader as Handler,
        get(`/officer/persons/${p.personId}?done=withdrawn&purpose=matching`, officer),
        { id: p.personId },
      )
    ).json();
    const html = render(officerPerson.default, loaded);
    expect(html).toContain(vi("consent.withdrawal.officer.done", { purpose: vi("consent.purpose.matching") }));
    expect(html).toContain(
      vi("consent.withdrawal.row", {
        purpose: vi("consent.purpose.matching"),
        date: formatDate(now()),
        who: vi("consent.withdrawal.by.officer"),
        channel: vi("consent.withdrawal.channel.phone"),
      }),
    );
    // The printed form still shows what was given.
    const printed = (await (
      await call(
        printForm.loader as Handler,
        get(`/officer/persons/${p.personId}/consents/${p.grantId}/print`, officer),
        { id: p.personId, grantId: p.grantId },
      )
    ).json()) as { form: { grant: { purposes: string[] } } };
    expect(printed.form.grant.purposes).toEqual(["matching", "training_referral", "share_contact"]);
    // "Withdraw all" still ends what is left.
    expect(
      (
        await withdrawConsent(
          { id: p.userId, role: "person" },
          { personId: p.personId, grantId: p.grantId, ownPersonId: p.personId },
        )
      ).ok,
    ).toBe(true);
    const [ended] = await ctx.handle.db.select().from(consentGrant).where(eq(consentGrant.id, p.grantId));
    expect(ended.withdrawnAt).not.toBeNull();
    const purposes = (
      await ctx.handle.db.select().from(consentWithdrawal).where(eq(consentWithdrawal.grantId, p.grantId))
    )
      .map((w) => w.purpose)
      .sort();
    expect(purposes).toEqual(["matching", "share_contact", "training_referral"]);
  });

  it("a purpose not in force, or another person's grant, changes nothing", async () => {
    const p = await person({ purposes: ["matching"], shareableFields: ["skills"] });
    const other = await person();
    const tampered = await call(
      meConsents.action as Handler,
      post("/me/consents", p.who, { intent: "withdraw", grantId: p.grantId, purpose: "share_contact" }),
    );
    expect(tampered.status).toBe(404);
    const bogus = await call(
      meConsents.action as Handler,
      post("/me/consents", p.who, { intent: "withdraw", grantId: p.grantId, purpose: "everything" }),
    );
    expect(bogus.status).toBe(400);
    expect(await bogus.json()).toEqual({ error: "consent.withdrawal.error.invalid" });
    const foreign = await call(
      meConsents.action as Handler,
      post("/me/consents", p.who, { intent: "withdraw", grantId: other.grantId, purpose: "share_contact" }),
    );
    expect(foreign.status).toBe(404);
    expect(
      await ctx.handle.db.select().from(consentWithdrawal).where(eq(consentWithdrawal.personId, other.personId)),
    ).toEqual([]);
    const [grant] = await ctx.handle.db.select().from(consentGrant).where(eq(consentGrant.id, p.grantId));
    expect(grant).toMatchObject({ purposes: ["matching"], withdrawnAt: null });
  });
});

describe("what organisations were shown does not outlive the consent", () => {
  it("after the phone purpose is withdrawn, an accepted referral no longer shows the phone and says when; the officer and the employer are told, no notification holds the phone", async () => {
    const p = await person();
    const job = await publishJob(employer, { title: "Thợ chính tiệm Rút" });
    const id = await refer(officerScope, p.personId, "job", job.id, ["full_name", "skills", "phone"]);
    await acceptReferral(employer, id);
    expect(JSON.stringify(await (await orgOpen(id)).json())).toContain(p.phone);

    expect(
      (
        await withdrawConsent(
          { id: p.userId, role: "person" },
          { personId: p.personId, grantId: p.grantId, ownPersonId: p.personId, purposes: ["share_contact"] },
        )
      ).ok,
    ).toBe(true);

    const res = await orgOpen(id);
    const seen = (await res.json()) as OrgDetail;
    expect(seen.referral.status).toBe("accepted");
    expect(JSON.stringify(seen)).not.toContain(p.phone);
    expect(seen.referral.sharedFields).toEqual(["full_name", "skills"]);
    expect(seen.referral.consentEnded).toEqual([{ reason: "withdrawn", at: expect.any(String), fields: ["phone"] }]);
    const html = render(employerReferral.default, seen);
    expect(html).not.toContain(p.phone);
    expect(html).toContain(p.fullName);
    expect(html).toContain(vi("consent.withdrawal.org.withdrawn", { date: formatDate(now()) }));
    // Nothing left at rest either.
    const [row] = await ctx.handle.db.select().from(referral).where(eq(referral.id, id));
    expect(row.sharedSnapshot).not.toHaveProperty("phone");
    // The list says it too.
    const list = (await (
      await call(employerReferrals.loader as Handler, get("/employer/referrals", employerWho))
    ).json()) as { rows: { id: string; consentEnded: unknown }[] };
    expect(list.rows.find((r) => r.id === id)?.consentEnded).toEqual({
      reason: "withdrawn",
      at: expect.any(String),
      fields: ["phone"],
    });

    expect(await keysOf(officer.id)).toContain("notify.consent.officer.withdrawn");
    const orgNotes = (
      await ctx.handle.db.select().from(notification).where(eq(notification.recipientId, employer.actorId))
    ).filter(
      (n) => n.messageKey === "notify.referral.organization.consentWithdrawn" && n.link === `/employer/referrals/${id}`,
    );
    // The listing's title only: no name, no phone.
    expect(orgNotes.map((n) => n.params)).toEqual([{ title: "Thợ chính tiệm Rút" }]);
    expect(await allNotifications()).not.toContain(p.phone);
  });

  it("when the consent expires, the accepted referral stops showing what it covered at once, and the sweeper cleans it and tells the officer and the employer", async () => {
    const p = await person({ validMonths: "6" });
    const job = await publishJob(employer, { title: "Thợ bảo dưỡng Hết Hạn", closesAt: daysFromToday(60) });
    const id = await refer(officerScope, p.personId, "job", job.id, ["full_name", "age", "phone"]);
    await acceptReferral(employer, id);
    const [grant] = await ctx.handle.db.select().from(consentGrant).where(eq(consentGrant.id, p.grantId));

    setClock({ offsetMs: 200 * 86_400_000 });
    // Before the sweeper runs: the page already hides everything the expired grant covered.
    const early = (await (await orgOpen(id)).json()) as OrgDetail;
    expect(JSON.stringify(early)).not.toContain(p.phone);
    expect(JSON.stringify(early)).not.toContain(p.fullName);
    expect(early.referral.consentEnded).toEqual([
      { reason: "expired", at: grant.expiresAt.toISOString(), fields: ["full_name", "age", "phone"] },
    ]);
    expect(render(employerReferral.default, early)).toContain(
      vi("consent.withdrawal.org.expired", { date: formatDate(grant.expiresAt) }),
    );

    await sweepExpired(ctx.handle.db);
    const [row] = await ctx.handle.db.select().from(referral).where(eq(referral.id, id));
    expect(row.status).toBe("accepted");
    expect(row.sharedSnapshot).toEqual({});
    expect(await keysOf(officer.id)).toContain("notify.consent.officer.expired");
    expect(
      (await ctx.handle.db.select().from(notification).where(eq(notification.recipientId, employer.actorId))).some(
        (n) => n.messageKey === "notify.referral.organization.consentExpired" && n.link === `/employer/referrals/${id}`,
      ),
    ).toBe(true);
    expect(await allNotifications()).not.toContain(p.phone);
    const list = (await (
      await call(employerReferrals.loader as Handler, get("/employer/referrals", employerWho))
    ).json()) as { rows: { id: string; sharedName: string | null }[] };
    expect(list.rows.find((r) => r.id === id)?.sharedName).toBeNull();
    // The sweep runs once per expiry: a second run tells no one again.
    const before = (await keysOf(officer.id)).length;
    await sweepExpired(ctx.handle.db);
    expect((await keysOf(officer.id)).length).toBe(before);
  });
});
