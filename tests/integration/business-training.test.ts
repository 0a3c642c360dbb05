import { and, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";

import type { OrgScope } from "~/auth/org-scope.server";
import type { StaffScope } from "~/auth/scope.server";
import { startSession } from "~/auth/session.server";
import { translator } from "~/i18n";
import { candidatesForListing, suggestionsForPerson } from "~/modules/matching/suggestions.server";
import { parseTrainingSearch } from "~/modules/search/params";
import { searchTrainings } from "~/modules/search/public-search.server";
import { getPublicTraining, trainingCard } from "~/modules/trainings/public.server";
import * as employerReferrals from "~/routes/employer.referrals._index";
import * as employerReferral from "~/routes/employer.referrals.$id";
import * as employerTrainings from "~/routes/employer.trainings._index";
import * as editSlot from "~/routes/employer.trainings.$id";
import * as newSlot from "~/routes/employer.trainings.new";
import * as providerReferral from "~/routes/provider.referrals.$id";
import * as providerTrainings from "~/routes/provider.trainings._index";
import * as newCourse from "~/routes/provider.trainings.new";
import { setClock } from "~/utils/clock.server";
import type { FormValues } from "~/utils/forms";
import { singleton } from "~/utils/singleton.server";
import { sweepExpired } from "~/worker/tasks.server";

import { notification, organization, referral, trainingLeadsToJob, trainingSlot } from "../../db/schema";
import { initSearch, search } from "../../search/client.server";
import { UNITS } from "../factories";
import { createOrgMember, daysFromToday, publishJob, trainingForm } from "../factories/marketplace";
import { createOfficerScope, createPerson, giveConsent } from "../factories/persons";
import { answerReferral, refer } from "../factories/referrals";
import { drainOutbox, setupIntegration } from "../setup/integration";
import { render } from "../setup/render-page";
import { callRoute, getRequest as get, postRequest as post, type RouteHandler as Handler } from "../setup/routes";

/*
 * A business trains people too (issue 11): a verified employer offers a training slot at its workplace
 * through the same form and service as a provider's course; it is found in /trainings, officers refer to
 * it, and the employer answers those referrals on its own referral pages.
 */

const ctx = setupIntegration({ indexes: true });

const vi = translator("vi");

type Who = { scope: OrgScope; cookie: string };
type FormAnswer = { values: FormValues; errors: Record<string, { key: string }>; partnerJobs: { id: string }[] };

async function orgMember(
  role: "employer" | "provider",
  options: Parameters<typeof createOrgMember>[1] = {},
): Promise<Who> {
  const scope = await createOrgMember(role, options);
  return { scope, cookie: (await startSession(scope.actorId)).split(";")[0] };
}

/** A loader's or action's answer, whether returned or thrown (redirects, 403 and 404 are thrown Responses). */
const call = (handler: Handler, request: Request, params: Record<string, string> = {}) =>
  callRoute(handler, request, params, undefined, { responseOnly: true });

const jsonOf = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T;
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

/** The repair shop's apprenticeship as the employer types it (stipend with dots, the workplace kept). */
const slotForm = (overrides: FormValues = {}): FormValues =>
  trainingForm({
    title: "Học nghề sửa xe máy tại tiệm",
    levelCode: "so_cap",
    durationWeeks: "24",
    seats: "2",
    stipendVnd: "2.000.000",
    support: ["free", "meals"],
    communeCode: UNITS.namDa,
    address: "Thôn Nam Thanh, Quốc lộ 28",
    description: "Vừa học vừa làm ngay tại tiệm, thợ cả kèm cặp.",
    ...overrides,
  });

let shop: Who;
let shopJob: string;
let otherShopJob: string;
let slotId: string;
let officer: StaffScope;
let personId: string;

beforeAll(async () => {
  shop = await orgMember("employer", { name: "Tiệm sửa xe máy Cường Thịnh" });
  shopJob = (await publishJob(shop.scope)).id;
  otherShopJob = (
    await publishJob(await createOrgMember("employer", { name: "Xưởng xe Nam Đà" }), { title: "Thợ rửa xe" })
  ).id;
  officer = await createOfficerScope([UNITS.namDa]);
  personId = await createPerson(officer, { fullName: "Nguyễn Văn H." });
  await giveConsent(officer, personId, { purposes: ["matching", "training_referral", "share_contact"] });
});

afterEach(() => {
  setClock(undefined);
  // Close the breaker a test may have opened by pointing search at a dead port.
  singleton("search-breaker", () => ({ openUntil: 0 })).openUntil = 0;
});

describe("an employer's training slot", () => {
  it("is offered at the workplace through the shared form, tied only to the business's own open job, and opened", async () => {
    const page = await call(newSlot.loader as Handler, get("/employer/trainings/new", shop));
    expect(page.status).toBe(200);
    const data = await jsonOf<{ area: string; values: FormValues; canPublish: boolean; partnerJobs: { id: string }[] }>(
      page,
    );
    expect(data.area).toBe("employer");
    expect(data.canPublish).toBe(true);
    // The place defaults to the workplace; the job list holds the business's own jobs only.
    expect(data.values).toMatchObject({ provinceCode: UNITS.lamDong, communeCode: UNITS.namDa });
    expect(data.partnerJobs.map((j) => j.id)).toEqual([shopJob]);
    const html = text(render(newSlot.default, data));
    expect(html).toContain(vi("businessTraining.form.newTitle"));
    expect(html).toContain(vi("businessTraining.form.stipend"));
    expect(html).toContain(vi("businessTraining.form.leadsTo.noJob"));

    // Another business's job, or two jobs, are refused with the field's message and what was typed kept.
    const foreign = await call(
      newSlot.action as Handler,
      post("/employer/trainings/new", shop, { ...slotForm(), leadsToJobIds: [otherShopJob], intent: "draft" }),
    );
    expect(foreign.status).toBe(400);
    const foreignAnswer = await jsonOf<FormAnswer>(foreign);
    expect(foreignAnswer.errors).toEqual({ leadsToJobIds: { key: "trainings.error.ownJob" } });
    expect(foreignAnswer.values).toMatchObject({ title: "Học nghề sửa xe máy tại tiệm", stipendVnd: "2.000.000" });
    const secondJob = (await publishJob(shop.scope, { title: "Thợ rửa xe máy" })).id;
    const two = await call(
      newSlot.action as Handler,
      post("/employer/trainings/new", shop, { ...slotForm(), leadsToJobIds: [shopJob, secondJob], intent: "draft" }),
    );
    expect((await jsonOf<FormAnswer>(two)).errors).toEqual({ leadsToJobIds: { key: "trainings.error.ownJobOne" } });
    const badStipend = await call(
      newSlot.action as Handler,
      post("/employer/trainings/new", shop, { ...slotForm({ stipendVnd: "hai triệu" }), intent: "draft" }),
    );
    expect(badStipend.status).toBe(400);
    expect((await jsonOf<FormAnswer>(badStipend)).errors).toEqual({ stipendVnd: { key: "validation.amount" } });

    const saved = await call(
      newSlot.action as Handler,
      post("/employer/trainings/new", shop, { ...slotForm(), leadsToJobIds: [shopJob], intent: "draft" }),
    );
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe("/employer/trainings?saved=draft");
    const [row] = await ctx.handle.db
      .select()
      .from(trainingSlot)
      .where(eq(trainingSlot.organizationId, shop.scope.organizationId));
    expect(row).toMatchObject({
      status: "draft",
      stipendVnd: 2_000_000,
      seats: 2,
      durationWeeks: 24,
      communeCode: UNITS.namDa,
    });
    slotId = row.id;
    expect(
      await ctx.handle.db.select().from(trainingLeadsToJob).where(eq(trainingLeadsToJob.trainingSlotId, slotId)),
    ).toEqual([{ trainingSlotId: slotId, jobId: shopJob }]);

    // The edit page shows what was stored; the list opens it (draft → open).
    const edit = await call(editSlot.loader as Handler, get(`/employer/trainings/${slotId}`, shop), { id: slotId });
    expect((await jsonOf<{ values: FormValues }>(edit)).values).toMatchObject({
      stipendVnd: "2.000.000",
      leadsToJobIds: [shopJob],
    });
    const opened = await call(
      employerTrainings.action as Handler,
      post("/employer/trainings?index", shop, { id: slotId, intent: "publish" }),
    );
    expect(await jsonOf(opened)).toEqual({ id: slotId, status: "open", error: null });
    const list = await jsonOf<{ trainings: { id: string; status: string }[] }>(
      await call(employerTrainings.loader as Handler, get("/employer/trainings", shop)),
    );
    expect(list.trainings).toEqual([expect.objectContaining({ id: slotId, status: "open" })]);
  });

  it("keeps each kind of organisation on its own pages: a provider's course still leads to partner jobs", async () => {
    const provider = await orgMember("provider", { communeCode: UNITS.krongNo });
    expect((await call(employerTrainings.loader as Handler, get("/employer/trainings", provider))).status).toBe(403);
    expect((await call(providerTrainings.loader as Handler, get("/provider/trainings", shop))).status).toBe(403);
    expect((await call(newSlot.loader as Handler, get("/employer/trainings/new", provider))).status).toBe(403);
    // Another organisation's slot id is simply not found.
    const other = await orgMember("employer");
    expect(
      (await call(editSlot.loader as Handler, get(`/employer/trainings/${slotId}`, other), { id: slotId })).status,
    ).toBe(404);
    // The provider's form offers partner jobs of any verified employer of the province, as before.
    const course = await jsonOf<FormAnswer>(
      await call(newCourse.loader as Handler, get("/provider/trainings/new", provider)),
    );
    expect(course.partnerJobs.map((j) => j.id)).toEqual(expect.arrayContaining([shopJob, otherShopJob]));
    // A provider's stipend field is not part of its form: nothing is stored.
    const created = await call(
      newCourse.action as Handler,
      post("/provider/trainings/new", provider, { ...trainingForm(), stipendVnd: "900.000", intent: "draft" }),
    );
    expect(created.status).toBe(302);
    const [courseRow] = await ctx.handle.db
      .select()
      .from(trainingSlot)
      .where(eq(trainingSlot.organizationId, provider.scope.organizationId));
    expect(courseRow.stipendVnd).toBeNull();
  });

  it("is found in public search with its business, stipend and job, from Meilisearch and from the PostgreSQL fallback", async () => {
    await drainOutbox(ctx.handle.db, ctx.search);
    const q = (s: string) => parseTrainingSearch(new URLSearchParams(s));
    const expected = {
      id: slotId,
      title: "Học nghề sửa xe máy tại tiệm",
      organizationName: "Tiệm sửa xe máy Cường Thịnh",
      byBusiness: true,
      stipendVnd: 2_000_000,
      ownJobTitle: "Thợ sửa xe máy",
    };
    const fromMeili = await searchTrainings(q("q=hoc+nghe+sua+xe+may+tai+tiem&level=so_cap&province=68"));
    expect(fromMeili.source).toBe("meilisearch");
    expect(fromMeili.hits.map(trainingCard)).toContainEqual(expect.objectContaining(expected));
    expect(fromMeili.facets.levelCode).toMatchObject({ so_cap: expect.any(Number) });

    const working = search();
    initSearch({ ...working.config, url: "http://127.0.0.1:9" });
    try {
      const fallback = await searchTrainings(q("q=hoc+nghe+sua+xe+may+tai+tiem&level=so_cap&province=68"));
      expect(fallback.source).toBe("database");
      expect(fallback.hits.map(trainingCard)).toContainEqual(expect.objectContaining(expected));
      expect(fallback.facets.levelCode).toMatchObject({ so_cap: expect.any(Number) });
    } finally {
      initSearch(working.config);
    }

    // The public page says who gives it, the stipend and the job at the same business.
    const page = await getPublicTraining(slotId);
    expect(page).toMatchObject({
      byBusiness: true,
      stipendVnd: 2_000_000,
      organization: { name: "Tiệm sửa xe máy Cường Thịnh" },
    });
    expect(page!.leadsTo).toEqual([
      expect.objectContaining({ id: shopJob, title: "Thợ sửa xe máy", sameOrganization: true }),
    ]);
  });

  it("has the person as a candidate for officers, who refer; the employer sees and answers on its own referral pages", async () => {
    const candidates = (await candidatesForListing(officer, { kind: "training", listingId: slotId }))!;
    expect(candidates.candidates.map((c) => c.personId)).toContain(personId);
    const suggestions = (await suggestionsForPerson(officer, personId))!;
    expect(suggestions.trainings.map((s) => s.id)).toContain(slotId);

    const referralId = await refer(officer, personId, "training", slotId);
    const [told] = await ctx.handle.db
      .select({ link: notification.link })
      .from(notification)
      .where(
        and(
          eq(notification.recipientId, shop.scope.actorId),
          eq(notification.link, `/employer/referrals/${referralId}`),
        ),
      );
    expect(told).toBeDefined();

    const list = await jsonOf<{ rows: { id: string; title: string }[] }>(
      await call(employerReferrals.loader as Handler, get("/employer/referrals", shop)),
    );
    expect(list.rows).toContainEqual(
      expect.objectContaining({ id: referralId, title: "Học nghề sửa xe máy tại tiệm" }),
    );
    const opened = await call(employerReferral.loader as Handler, get(`/employer/referrals/${referralId}`, shop), {
      id: referralId,
    });
    expect(opened.status).toBe(200);
    // The page names the slot and offers the organisation's answers; the person's name was not shared.
    const page = text(render(employerReferral.default, await jsonOf(opened)));
    expect(page).toContain("Học nghề sửa xe máy tại tiệm");
    expect(page).not.toContain("Nguyễn Văn H.");
    const answered = await call(
      employerReferral.action as Handler,
      post(`/employer/referrals/${referralId}`, shop, { intent: "offer", note: "" }),
      { id: referralId },
    );
    expect(answered.status).toBe(302);
    const [waiting] = await ctx.handle.db
      .select({ status: referral.status })
      .from(referral)
      .where(eq(referral.id, referralId));
    expect(waiting.status).toBe("offered");
    // Nobody is taken on without their yes (decision 023): the officer records it, given by phone.
    await answerReferral({ officer, channel: "phone" }, referralId);
    const [row] = await ctx.handle.db
      .select({ status: referral.status })
      .from(referral)
      .where(eq(referral.id, referralId));
    expect(row.status).toBe("accepted");

    // A training provider does not answer a business's referral, nor does another business.
    const provider = await orgMember("provider");
    expect(
      (
        await call(providerReferral.loader as Handler, get(`/provider/referrals/${referralId}`, provider), {
          id: referralId,
        })
      ).status,
    ).toBe(404);
    const other = await orgMember("employer");
    expect(
      (
        await call(employerReferral.loader as Handler, get(`/employer/referrals/${referralId}`, other), {
          id: referralId,
        })
      ).status,
    ).toBe(404);
  });

  it("expires like a course: the sweeper closes it after its deadline", async () => {
    const short = await call(
      newSlot.action as Handler,
      post("/employer/trainings/new", shop, {
        ...slotForm({ title: "Học việc rửa xe", applicationDeadline: daysFromToday(1) }),
        intent: "publish",
      }),
    );
    expect(short.headers.get("Location")).toBe("/employer/trainings?saved=open");
    const [row] = await ctx.handle.db
      .select()
      .from(trainingSlot)
      .where(
        and(eq(trainingSlot.organizationId, shop.scope.organizationId), eq(trainingSlot.title, "Học việc rửa xe")),
      );
    setClock({ offsetMs: 2 * 86_400_000 });
    expect(await sweepExpired(ctx.handle.db)).toBeGreaterThanOrEqual(1);
    const [after] = await ctx.handle.db.select().from(trainingSlot).where(eq(trainingSlot.id, row.id));
    expect(after).toMatchObject({ status: "closed", closedReason: "expired" });
  });
});

describe("an unverified employer", () => {
  it("cannot post a slot: publishing keeps a draft and says why, opening it is refused on the page", async () => {
    const pending = await orgMember("employer", { verified: false });
    const form = await jsonOf<{ canPublish: boolean }>(
      await call(newSlot.loader as Handler, get("/employer/trainings/new", pending)),
    );
    expect(form.canPublish).toBe(false);
    const formHtml = text(render(newSlot.default, form));
    expect(formHtml).toContain(vi("businessTraining.form.draftOnly"));

    const saved = await call(
      newSlot.action as Handler,
      post("/employer/trainings/new", pending, { ...slotForm(), intent: "publish" }),
    );
    expect(saved.headers.get("Location")).toBe("/employer/trainings?saved=draftUnverified");
    const [row] = await ctx.handle.db
      .select()
      .from(trainingSlot)
      .where(eq(trainingSlot.organizationId, pending.scope.organizationId));
    expect(row.status).toBe("draft");

    const refused = await call(
      employerTrainings.action as Handler,
      post("/employer/trainings?index", pending, { id: row.id, intent: "publish" }),
    );
    expect(refused.status).toBe(400);
    const answer = await jsonOf(refused);
    expect(answer).toEqual({ id: row.id, status: null, error: "trainings.error.notVerified" });
    const listData = await jsonOf(
      await call(employerTrainings.loader as Handler, get("/employer/trainings?saved=draftUnverified", pending)),
    );
    const html = text(render(employerTrainings.default, listData, answer));
    expect(html).toContain(vi("businessTraining.error.notVerified"));
    expect(html).toContain(vi("businessTraining.saved.draftUnverified"));
    const [still] = await ctx.handle.db
      .select({ status: trainingSlot.status })
      .from(trainingSlot)
      .where(eq(trainingSlot.id, row.id));
    expect(still.status).toBe("draft");
    // Its verification is what is missing: the organisation row says so.
    const [org] = await ctx.handle.db
      .select({ status: organization.verificationStatus })
      .from(organization)
      .where(eq(organization.id, pending.scope.organizationId));
    expect(org.status).toBe("pending");
  });
});

describe("the course form's jobs after the course", () => {
  it("lists each open posting once, and postings alike in title, employer and place can be told apart", async () => {
    // As the demo marketplace does: one employer, three open postings with the same title at the same place.
    const garden = await createOrgMember("employer", {
      name: "Công ty TNHH Rau hoa Đà Lạt Xanh",
      communeCode: UNITS.krongNo,
    });
    const ids: string[] = [];
    for (const [wageMin, wageMax, days] of [
      ["5.500.000", "5.500.000", 69],
      ["5.200.000", "6.000.000", 51],
      ["5.300.000", "6.300.000", 56],
    ] as const) {
      ids.push(
        (
          await publishJob(garden, {
            title: "Công nhân làm vườn, cắt tỉa cây xanh",
            communeCode: UNITS.krongNo,
            wageMin,
            wageMax,
            closesAt: daysFromToday(days),
          })
        ).id,
      );
    }
    const provider = await orgMember("provider", { communeCode: UNITS.krongNo });
    const data = await jsonOf<FormAnswer>(
      await call(newCourse.loader as Handler, get("/provider/trainings/new", provider)),
    );
    const listed = data.partnerJobs.map((j) => j.id);
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed).toEqual(expect.arrayContaining(ids));

    // What the provider reads for each of the three: no two lines alike.
    const html = render(newCourse.default, data);
    const lines = ids.map((id) => {
      const at = html.indexOf(`value="${id}"`);
      expect(at, id).toBeGreaterThan(-1);
      expect(html.indexOf(`value="${id}"`, at + 1), `${id} listed twice`).toBe(-1);
      const end = html.slice(at).search(/<\/option>|<\/label>/);
      return text(html.slice(at, at + end).replace(/^[^>]*>/, "")).trim();
    });
    expect(new Set(lines).size, lines.join(" | ")).toBe(3);
  });
});
