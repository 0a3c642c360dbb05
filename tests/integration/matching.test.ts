import type { AppLoadContext } from "@remix-run/node";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";

import type { StaffScope } from "~/auth/scope.server";
import { startSession } from "~/auth/session.server";
import { checkReferralEligibility } from "~/modules/matching/eligibility.server";
import { matchPerson } from "~/modules/matching/engine.server";
import { candidatesForListing, ownSuggestions, suggestionsForPerson } from "~/modules/matching/suggestions.server";
import { markRecordExpunged } from "~/modules/persons/expungement.server";
import * as myMatchesPage from "~/routes/me.matches";
import * as jobCandidatesPage from "~/routes/officer.jobs.$id.candidates";
import * as personMatchesPage from "~/routes/officer.persons.$id_.matches";
import * as trainingCandidatesPage from "~/routes/officer.trainings.$id.candidates";
import { todayIso } from "~/utils/clock.server";

import { auditEvent, job, organization, releasedPerson } from "../../db/schema";
import { createUser, UNITS } from "../factories";
import { createOrgMember, daysFromToday, publishJob, publishTraining } from "../factories/marketplace";
import { createOfficerScope, createPerson, giveConsent } from "../factories/persons";
import { drainOutbox, setupIntegration } from "../setup/integration";
import { render } from "../setup/render-page";
import { getRequest as get, responseOf } from "../setup/routes";

const ctx = setupIntegration({ indexes: true });
const context: AppLoadContext = { requestId: "t", cspNonce: "n", clientIp: "127.0.0.1" };

const ALL_PURPOSES = { purposes: ["matching", "training_referral", "share_contact"] };

let namDa: StaffScope;
let krongNo: StaffScope;
/** Mr Nguyễn Văn H. (motorbike mechanic of Nam Đà), and people who each break one rule. */
const people = { h: "", k: "", banned: "", noConsent: "" };
/** A: the repair shop in his commune; B: same trade in another commune; C: an organisation taking no unexpunged records;
 * D: a welding job reached through course T; E: a job excluding property offences. */
const listings = { a: "", b: "", c: "", d: "", e: "", t: "" };

async function employer(name: string, stance: "yes" | "case_by_case" | "no", communeCode: string = UNITS.namDa) {
  const scope = await createOrgMember("employer", { name, communeCode });
  await ctx.handle.db
    .update(organization)
    .set({ acceptsUnexpunged: stance })
    .where(eq(organization.id, scope.organizationId));
  return scope;
}

beforeAll(async () => {
  namDa = await createOfficerScope([UNITS.namDa]);
  krongNo = await createOfficerScope([UNITS.krongNo]);
  listings.a = (await publishJob(await employer("Tiệm sửa xe Minh Phát", "yes"))).id;
  listings.b = (
    await publishJob(await employer("Tiệm xe Krông Nô", "case_by_case", UNITS.krongNo), { communeCode: UNITS.krongNo })
  ).id;
  listings.c = (await publishJob(await employer("Garage Không Nhận", "no"), { title: "Thợ sửa xe máy garage" })).id;
  listings.d = (
    await publishJob(await employer("Xưởng cơ khí Nam Đà", "yes"), {
      title: "Thợ hàn khung thép",
      occupationCode: "72120",
      skills: "hàn que, hàn CO2",
    })
  ).id;
  listings.e = (
    await publishJob(await employer("Kho xe Tín Nghĩa", "yes"), {
      title: "Thợ sửa xe máy kho",
      excludedOffenceCategories: ["property"],
      exclusionReason: "Giữ kho phụ tùng có giá trị",
    })
  ).id;
  const provider = await createOrgMember("provider", { name: "Trường nghề Krông Nô", communeCode: UNITS.krongNo });
  listings.t = (
    await publishTraining(provider, { title: "Hàn điện cơ bản", occupationCode: "72120", leadsToJobIds: [listings.d] })
  ).id;

  people.h = await createPerson(namDa);
  await giveConsent(namDa, people.h, ALL_PURPOSES);
  people.k = await createPerson(namDa, { fullName: "Trần Văn K." });
  await giveConsent(namDa, people.k, ALL_PURPOSES);
  people.banned = await createPerson(namDa, {
    fullName: "Lê Văn B.",
    bannedOccupations: ["72311"],
    occupationBanEndsOn: daysFromToday(365),
  });
  await giveConsent(namDa, people.banned, ALL_PURPOSES);
  people.noConsent = await createPerson(namDa, { fullName: "Phạm Văn N." });
  await drainOutbox(ctx.handle.db, ctx.search);
}, 120_000);

const codes = (reasons: { code: string }[]) => reasons.map((r) => r.code);

describe("suggestions for a person (officer)", () => {
  it("ranks the repair shop in his commune first, with the reasons: same commune, the skill", async () => {
    const m = (await suggestionsForPerson(namDa, people.h))!;
    expect(m.source).toBe("meilisearch");
    expect(m.jobs[0].id).toBe(listings.a);
    expect(codes(m.jobs[0].reasons)).toEqual(
      expect.arrayContaining(["sameTrade", "sameCommune", "skill", "acceptsUnexpunged"]),
    );
    expect(m.jobs[0].reasons).toContainEqual({ code: "skill", params: { skill: "sửa xe máy" } });
    // Same trade one commune away ranks lower.
    const b = m.jobs.findIndex((j) => j.id === listings.b);
    expect(b).toBeGreaterThan(0);
    expect(codes(m.jobs[b].reasons)).toContain("sameProvince");
    expect(m.occupations["72311"].vi).toBe("Thợ sửa xe máy");
  });

  it("shows officers what a rule excluded, and why (the organisation's stance, the excluded offences)", async () => {
    const m = (await suggestionsForPerson(namDa, people.h))!;
    expect(m.jobs.map((j) => j.id)).not.toContain(listings.c);
    expect(m.excludedJobs.find((j) => j.id === listings.c)?.exclusions).toEqual([{ code: "rejectsUnexpunged" }]);
    expect(m.excludedJobs.find((j) => j.id === listings.e)?.exclusions).toEqual([
      { code: "excludedOffence", params: { categories: "property" } },
    ]);
  });

  it("a job he lacks the trade for comes with its training path; the course says where it leads", async () => {
    const m = (await suggestionsForPerson(namDa, people.h))!;
    const welding = m.jobs.find((j) => j.id === listings.d);
    expect(welding?.reasons).toContainEqual({
      code: "trainingPath",
      params: { course: "Hàn điện cơ bản", courseId: listings.t },
    });
    const course = m.trainings.find((c) => c.id === listings.t);
    expect(course?.reasons).toContainEqual({ code: "leadsToJob", params: { job: "Thợ hàn khung thép" } });
  });

  it("audits the read with the purpose matching", async () => {
    await suggestionsForPerson(namDa, people.h);
    const events = await ctx.handle.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.personId, people.h), eq(auditEvent.purpose, "matching")));
    expect(
      events.some(
        (e) =>
          e.actorId === namDa.actorId &&
          e.action === "view" &&
          (e.details as { via?: string }).via === "person_matches",
      ),
    ).toBe(true);
  });

  it("an organisation that takes no unexpunged records is open to him once the record is expunged", async () => {
    const before = (await suggestionsForPerson(namDa, people.k))!;
    expect(before.excludedJobs.map((j) => j.id)).toContain(listings.c);
    expect(await checkReferralEligibility(ctx.handle.db, people.k, { kind: "job", listingId: listings.c })).toEqual({
      ok: false,
      exclusions: [{ code: "rejectsUnexpunged" }],
    });
    expect(
      await markRecordExpunged(namDa, people.k, {
        expungedOn: todayIso(),
        evidence: "Giấy chứng nhận xóa án tích số 12/2026",
      }),
    ).toEqual({ ok: true });
    const after = (await suggestionsForPerson(namDa, people.k))!;
    expect(after.jobs.map((j) => j.id)).toContain(listings.c);
    expect(after.jobs.map((j) => j.id)).toContain(listings.e);
    expect(codes(after.jobs.find((j) => j.id === listings.a)!.reasons)).not.toContain("acceptsUnexpunged");
    const eligible = await checkReferralEligibility(ctx.handle.db, people.k, { kind: "job", listingId: listings.c });
    expect(eligible).toMatchObject({ ok: true, weightsVersion: "2026-11-a" });
  });

  it("a court ban on the occupation excludes the job", async () => {
    const m = (await suggestionsForPerson(namDa, people.banned))!;
    expect(m.jobs.map((j) => j.id)).not.toContain(listings.a);
    expect(m.excludedJobs.find((j) => j.id === listings.a)?.exclusions).toEqual([{ code: "courtBanOccupation" }]);
  });

  it("no consent, no suggestions (and nothing excluded either)", async () => {
    const m = (await suggestionsForPerson(namDa, people.noConsent))!;
    expect(m.consent).toEqual({ job: false, training: false });
    expect([m.jobs, m.trainings, m.excludedJobs, m.excludedTrainings]).toEqual([[], [], [], []]);
    expect(
      await checkReferralEligibility(ctx.handle.db, people.noConsent, { kind: "job", listingId: listings.a }),
    ).toEqual({ ok: false, exclusions: [{ code: "noConsent" }] });
  });

  it("another commune's officer cannot see him", async () => {
    expect(await suggestionsForPerson(krongNo, people.h)).toBeUndefined();
  });

  it("falls back to PostgreSQL retrieval without Meilisearch, with the same first job", async () => {
    const result = (await matchPerson(ctx.handle.db, people.h, { today: todayIso() }))!;
    expect(result.matches.source).toBe("database");
    expect(result.matches.jobs[0].id).toBe(listings.a);
  });
});

describe("candidates for a listing", () => {
  it("puts him first for the repair shop's job; the banned person is excluded with the reason; each shown is audited", async () => {
    const page = (await candidatesForListing(namDa, { kind: "job", listingId: listings.a }))!;
    expect(page.source).toBe("meilisearch");
    expect(page.candidates[0]).toMatchObject({ personId: people.h, fullName: "Nguyễn Văn H." });
    expect(codes(page.candidates[0].reasons)).toEqual(expect.arrayContaining(["sameCommune", "skill"]));
    expect(page.excluded.find((c) => c.personId === people.banned)?.exclusions).toEqual([
      { code: "courtBanOccupation" },
    ]);
    // Without a matching consent a person is not in the candidates index at all.
    expect([...page.candidates, ...page.excluded].map((c) => c.personId)).not.toContain(people.noConsent);
    const events = await ctx.handle.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.personId, people.banned), eq(auditEvent.purpose, "matching")));
    expect(events.some((e) => (e.details as { listingId?: string }).listingId === listings.a)).toBe(true);
  });

  it("another commune's officer sees none of Nam Đà's people", async () => {
    const page = (await candidatesForListing(krongNo, { kind: "job", listingId: listings.a }))!;
    expect([...page.candidates, ...page.excluded].map((c) => c.personId)).not.toContain(people.h);
  });

  it("ranks candidates for a course; a closed or unknown listing has none (404)", async () => {
    const page = (await candidatesForListing(namDa, { kind: "training", listingId: listings.t }))!;
    expect(page.candidates.map((c) => c.personId)).toContain(people.h);
    expect(
      await candidatesForListing(namDa, { kind: "job", listingId: "00000000-0000-4000-8000-000000000000" }),
    ).toBeUndefined();
    const closed = (await publishJob(await employer("Tiệm đã đóng", "yes"))).id;
    await ctx.handle.db.update(job).set({ status: "closed", closedReason: "closed" }).where(eq(job.id, closed));
    expect(await candidatesForListing(namDa, { kind: "job", listingId: closed })).toBeUndefined();
  });
});

describe("the person's own suggestions", () => {
  it("shows positive reasons only: no exclusions, nothing about excluded offences", async () => {
    const user = await createUser({ role: "person" });
    await ctx.handle.db.update(releasedPerson).set({ userId: user.id }).where(eq(releasedPerson.id, people.h));
    const own = (await ownSuggestions(user))!;
    expect(own.jobs[0].id).toBe(listings.a);
    expect(Object.keys(own).sort()).toEqual(["active", "consent", "jobs", "occupations", "trainings"]);
    const json = JSON.stringify(own);
    for (const hidden of [listings.c, listings.e, "excludedOffence", "rejectsUnexpunged", "property"])
      expect(json).not.toContain(hidden);
  });
});

// ---- pages -------------------------------------------------------------------------------------------

async function login(role: "officer" | "person" | "admin", communeCodes: string[] = [UNITS.namDa]) {
  const user = await createUser(
    role === "officer" ? { role, communeCodes } : role === "admin" ? { role, provinceCode: UNITS.lamDong } : { role },
  );
  return { id: user.id, cookie: (await startSession(user.id)).split(";")[0] };
}

const answer = (run: () => Promise<unknown>) => responseOf(run, { responseOnly: true });

describe("pages", () => {
  it("the officer's matching page: reasons in Vietnamese, a referral link, the excluded section", async () => {
    const officer = await login("officer");
    const res = await answer(() =>
      personMatchesPage.loader({
        request: get(`/officer/persons/${people.h}/matches`, officer.cookie),
        params: { id: people.h },
        context,
      }),
    );
    expect(res.status).toBe(200);
    const html = render(personMatchesPage.default, await res.json(), undefined, { root: { user: null } });
    for (const text of [
      "Cùng xã",
      "Có kỹ năng sửa xe máy",
      "Cơ sở nhận người chưa được xóa án tích",
      "Không phù hợp",
      "Cơ sở không nhận người chưa được xóa án tích",
    ]) {
      expect(html).toContain(text);
    }
    expect(html).toContain(`/officer/persons/${people.h}/refer?kind=job&amp;listing=${listings.a}`);
  });

  it("404 outside the officer's communes or for a malformed id; 403 for an admin", async () => {
    const other = await login("officer", [UNITS.krongNo]);
    const notMine = await answer(() =>
      personMatchesPage.loader({
        request: get(`/officer/persons/${people.h}/matches`, other.cookie),
        params: { id: people.h },
        context,
      }),
    );
    expect(notMine.status).toBe(404);
    const malformed = await answer(() =>
      personMatchesPage.loader({
        request: get(`/officer/persons/x/matches`, other.cookie),
        params: { id: "x" },
        context,
      }),
    );
    expect(malformed.status).toBe(404);
    const admin = await login("admin");
    const forbidden = await answer(() =>
      personMatchesPage.loader({
        request: get(`/officer/persons/${people.h}/matches`, admin.cookie),
        params: { id: people.h },
        context,
      }),
    );
    expect(forbidden.status).toBe(403);
  });

  it("the candidates pages list him with a referral link", async () => {
    const officer = await login("officer");
    const res = await answer(() =>
      jobCandidatesPage.loader({
        request: get(`/officer/jobs/${listings.a}/candidates`, officer.cookie),
        params: { id: listings.a },
        context,
      }),
    );
    const html = render(jobCandidatesPage.default, await res.json(), undefined, { root: { user: null } });
    expect(html).toContain("Nguyễn Văn H.");
    expect(html).toContain(`/officer/persons/${people.h}/refer?kind=job&amp;listing=${listings.a}`);
    expect(html).toContain("Bị tòa án cấm hành nghề này");
    const course = await answer(() =>
      trainingCandidatesPage.loader({
        request: get(`/officer/trainings/${listings.t}/candidates`, officer.cookie),
        params: { id: listings.t },
        context,
      }),
    );
    expect(course.status).toBe(200);
    const wrongKind = await answer(() =>
      trainingCandidatesPage.loader({
        request: get(`/officer/trainings/${listings.a}/candidates`, officer.cookie),
        params: { id: listings.a },
        context,
      }),
    );
    expect(wrongKind.status).toBe(404);
  });

  it("the person's page: suggestions and reasons, no excluded section", async () => {
    const user = await login("person");
    await ctx.handle.db.update(releasedPerson).set({ userId: user.id }).where(eq(releasedPerson.id, people.k));
    const res = await answer(() =>
      myMatchesPage.loader({ request: get("/me/matches", user.cookie), params: {}, context }),
    );
    const html = render(myMatchesPage.default, await res.json(), undefined, { root: { user: null } });
    expect(html).toContain("Cùng xã");
    expect(html).not.toContain("Không phù hợp");
    expect(html).not.toContain("/refer?");
  });
});
