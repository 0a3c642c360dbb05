import type { AppLoadContext } from "@remix-run/node";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { startSession } from "~/auth/session.server";
import { isMessageKey, translator } from "~/i18n";
import { createJob } from "~/modules/jobs/jobs.server";
import { minimumWageFor } from "~/modules/reference/reference.server";
import * as employerJobs from "~/routes/employer.jobs._index";
import * as editJob from "~/routes/employer.jobs.$id";
import * as newJob from "~/routes/employer.jobs.new";
import * as employerProfile from "~/routes/employer.profile";
import * as providerProfile from "~/routes/provider.profile";
import * as providerTrainings from "~/routes/provider.trainings._index";
import * as editTraining from "~/routes/provider.trainings.$id";
import * as newTraining from "~/routes/provider.trainings.new";
import type { FormValues } from "~/utils/forms";

import { db } from "../../db/client.server";
import { job, organization, outbox, trainingLeadsToJob, trainingSlot } from "../../db/schema";
import { createOrganization, createUser, formBody, UNITS } from "../factories";
import { jobForm, jobInput, trainingForm } from "../factories/marketplace";
import { setupIntegration } from "../setup/integration";
import { getRequest as get, responseOf } from "../setup/routes";

setupIntegration();

const context: AppLoadContext = { requestId: "t", cspNonce: "n", clientIp: "127.0.0.1" };
const BASE = "http://localhost";

type Member = { userId: string; organizationId: string; cookie: string };

/** An organisation with one member, logged in through a real session cookie. */
async function member(
  role: "employer" | "provider",
  options: { verified?: boolean; provinceCode?: string; communeCode?: string } = {},
): Promise<Member> {
  const org = await createOrganization({
    role: role === "employer" ? "employer" : "training_provider",
    kind: role === "employer" ? "household_business" : "training_centre",
    provinceCode: options.provinceCode ?? UNITS.lamDong,
    communeCode: options.communeCode ?? UNITS.namDa,
    verificationStatus: options.verified === false ? "pending" : "verified",
  });
  const user = await createUser({ role, organizationId: org.id });
  const cookie = (await startSession(user.id)).split(";")[0];
  return { userId: user.id, organizationId: org.id, cookie };
}

const scopeOf = (m: Member, role: "employer" | "provider") => ({
  actorId: m.userId,
  organizationId: m.organizationId,
  role,
});

function post(
  path: string,
  who: Member | undefined,
  body: FormValues | BodyInit | null,
  headers: Record<string, string> = {},
): Request {
  const isValues =
    body !== null && typeof body === "object" && !(body instanceof Uint8Array) && !(body instanceof URLSearchParams);
  return new Request(`${BASE}${path}`, {
    method: "POST",
    headers: {
      ...(who ? { Cookie: who.cookie } : {}),
      ...(isValues ? { "Content-Type": "application/x-www-form-urlencoded" } : {}),
      ...headers,
    },
    body: isValues ? formBody(body as FormValues) : (body as BodyInit | null),
  });
}

/** A loader's or action's answer, whether returned or thrown (redirects, 403, 404 are thrown Responses). */
const answer = (run: () => Promise<unknown>) => responseOf(run, { responseOnly: true });

type FormAnswer = {
  values: FormValues;
  errors: Record<string, { key: string; vars?: Record<string, string | number> }>;
};

describe("employer job pages", () => {
  it("publishes a job at once for a verified employer and lists it", async () => {
    const employer = await member("employer");
    const response = await answer(() =>
      newJob.action({
        request: post("/employer/jobs/new", employer, { ...jobForm(), intent: "publish" }),
        params: {},
        context,
      }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/employer/jobs?saved=open");
    const [row] = await db().select().from(job).where(eq(job.organizationId, employer.organizationId));
    expect(row).toMatchObject({
      title: "Thợ sửa xe máy",
      status: "open",
      wageMin: 5_000_000,
      wageMax: 7_000_000,
      benefits: ["meals"],
    });
    expect(row.publishedAt).not.toBeNull();

    const list = await answer(() =>
      employerJobs.loader({ request: get("/employer/jobs?saved=open", employer), params: {}, context }),
    );
    const data = (await list.json()) as { jobs: { id: string; status: string; expired: boolean }[]; saved: string };
    expect(data.saved).toBe("open");
    expect(data.jobs).toMatchObject([{ id: row.id, status: "open", expired: false }]);
  });

  it("saves a draft when asked, and the loader offers the organisation's own place", async () => {
    const employer = await member("employer");
    const page = await answer(() =>
      newJob.loader({ request: get("/employer/jobs/new", employer), params: {}, context }),
    );
    const data = (await page.json()) as { values: FormValues; canPublish: boolean };
    expect(data.values).toMatchObject({
      provinceCode: UNITS.lamDong,
      communeCode: UNITS.namDa,
      employmentType: "full_time",
    });
    expect(data.canPublish).toBe(true);
    const response = await answer(() =>
      newJob.action({
        request: post("/employer/jobs/new", employer, { ...jobForm(), intent: "draft" }),
        params: {},
        context,
      }),
    );
    expect(response.headers.get("Location")).toBe("/employer/jobs?saved=draft");
    const [row] = await db()
      .select({ status: job.status })
      .from(job)
      .where(eq(job.organizationId, employer.organizationId));
    expect(row.status).toBe("draft");
  });

  it("refuses a wage under the regional minimum with 400, naming the minimum and keeping every typed value", async () => {
    const employer = await member("employer");
    const typed = {
      ...jobForm({ wageMin: "2.000.000", wageMax: "3.000.000" }),
      benefits: ["meals", "accommodation"],
      excludedOffenceCategories: ["drugs", "violence"],
      exclusionReason: "Công việc giao nhận tiền mặt",
      intent: "publish",
    };
    const response = await answer(() =>
      newJob.action({ request: post("/employer/jobs/new", employer, typed), params: {}, context }),
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as FormAnswer;
    const minimum = (await minimumWageFor(UNITS.lamDong, UNITS.namDa))!;
    expect(body.errors.wageMin).toEqual({
      key: "jobs.error.belowMinimum",
      vars: { minimum: minimum.monthlyVnd.toLocaleString("vi-VN"), zone: minimum.zone },
    });
    expect(translator("vi")("jobs.error.belowMinimum", body.errors.wageMin.vars)).toContain(
      minimum.monthlyVnd.toLocaleString("vi-VN"),
    );
    expect(body.values).toEqual(typed);
    expect(await db().select().from(job).where(eq(job.organizationId, employer.organizationId))).toEqual([]);
  });

  it("answers schema errors with 400 and Vietnamese messages for each field", async () => {
    const employer = await member("employer");
    const typed = {
      title: "",
      occupationCode: "",
      wageMin: "năm triệu",
      closesAt: "31/02/2026",
      benefits: ["meals", "spa"],
      intent: "draft",
    };
    const response = await answer(() =>
      newJob.action({ request: post("/employer/jobs/new", employer, typed), params: {}, context }),
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as FormAnswer;
    expect(body.values).toEqual(typed);
    expect(Object.keys(body.errors)).toEqual(
      expect.arrayContaining(["title", "occupationCode", "wageMin", "closesAt", "benefits"]),
    );
    const t = translator("vi");
    for (const e of Object.values(body.errors)) {
      expect(isMessageKey(e.key), e.key).toBe(true);
      expect(t(e.key as Parameters<typeof t>[0], e.vars)).not.toBe(e.key);
    }
  });

  it("keeps an unverified organisation's publish as a draft and says so", async () => {
    const employer = await member("employer", { verified: false });
    const page = await answer(() =>
      newJob.loader({ request: get("/employer/jobs/new", employer), params: {}, context }),
    );
    expect(((await page.json()) as { canPublish: boolean }).canPublish).toBe(false);
    const response = await answer(() =>
      newJob.action({
        request: post("/employer/jobs/new", employer, { ...jobForm(), intent: "publish" }),
        params: {},
        context,
      }),
    );
    expect(response.headers.get("Location")).toBe("/employer/jobs?saved=draftUnverified");
    const [row] = await db().select().from(job).where(eq(job.organizationId, employer.organizationId));
    expect(row.status).toBe("draft");
    expect(row.publishedAt).toBeNull();
    // Publishing from the list is refused too.
    const refused = await answer(() =>
      employerJobs.action({
        request: post("/employer/jobs?index", employer, { id: row.id, intent: "publish" }),
        params: {},
        context,
      }),
    );
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ id: row.id, error: "jobs.error.notVerified" });
  });

  it("edits a job: the form shows the stored values and saving redirects with a notice", async () => {
    const employer = await member("employer");
    const created = await createJob(scopeOf(employer, "employer"), jobInput({ skills: "thay nhớt, vá săm" }), {
      publish: true,
    });
    if (!created.ok) throw new Error("createJob failed");
    const page = await answer(() =>
      editJob.loader({ request: get(`/employer/jobs/${created.id}`, employer), params: { id: created.id }, context }),
    );
    const data = (await page.json()) as { values: FormValues; status: string };
    expect(data.status).toBe("open");
    expect(data.values).toMatchObject({
      title: "Thợ sửa xe máy",
      wageMin: "5.000.000",
      skills: "thay nhớt, vá săm",
      benefits: ["meals"],
    });

    const response = await answer(() =>
      editJob.action({
        request: post(`/employer/jobs/${created.id}`, employer, {
          ...(data.values as FormValues),
          title: "Thợ sửa xe máy (có kinh nghiệm)",
          intent: "save",
        }),
        params: { id: created.id },
        context,
      }),
    );
    expect(response.headers.get("Location")).toBe("/employer/jobs?saved=updated");
    const [row] = await db().select().from(job).where(eq(job.id, created.id));
    expect(row).toMatchObject({
      title: "Thợ sửa xe máy (có kinh nghiệm)",
      skills: ["thay nhớt", "vá săm"],
      status: "open",
      wageMin: 5_000_000,
    });
  });

  it("moves a job through its statuses from the list", async () => {
    const employer = await member("employer");
    const created = await createJob(scopeOf(employer, "employer"), jobInput(), { publish: false });
    if (!created.ok) throw new Error("createJob failed");
    const transition = (intent: string) =>
      answer(() =>
        employerJobs.action({
          request: post("/employer/jobs?index", employer, { id: created.id, intent }),
          params: {},
          context,
        }),
      );
    for (const [intent, status] of [
      ["publish", "open"],
      ["fill", "filled"],
      ["reopen", "open"],
      ["close", "closed"],
    ]) {
      const response = await transition(intent);
      expect(response.status, intent).toBe(200);
      expect(await response.json()).toEqual({ id: created.id, status, error: null });
    }
    const wrong = await transition("fill");
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: "jobs.error.invalidTransition" });
  });

  it("answers another organisation's job id, or a malformed one, with 404", async () => {
    const owner = await member("employer");
    const other = await member("employer");
    const created = await createJob(scopeOf(owner, "employer"), jobInput(), { publish: true });
    if (!created.ok) throw new Error("createJob failed");
    const id = created.id;
    expect(
      (await answer(() => editJob.loader({ request: get(`/employer/jobs/${id}`, other), params: { id }, context })))
        .status,
    ).toBe(404);
    const edit = await answer(() =>
      editJob.action({
        request: post(`/employer/jobs/${id}`, other, { ...jobForm({ title: "Chiếm tin" }), intent: "save" }),
        params: { id },
        context,
      }),
    );
    expect(edit.status).toBe(404);
    const close = await answer(() =>
      employerJobs.action({
        request: post("/employer/jobs?index", other, { id, intent: "close" }),
        params: {},
        context,
      }),
    );
    expect(close.status).toBe(404);
    for (const bad of ["not-a-uuid", "1", "' or 1=1 --"]) {
      expect(
        (await answer(() => editJob.loader({ request: get(`/employer/jobs/x`, owner), params: { id: bad }, context })))
          .status,
      ).toBe(404);
    }
    const [row] = await db().select({ title: job.title, status: job.status }).from(job).where(eq(job.id, id));
    expect(row).toEqual({ title: "Thợ sửa xe máy", status: "open" });
  });

  it("keeps providers and anonymous visitors out of the employer pages (403, login)", async () => {
    const provider = await member("provider");
    for (const run of [
      () => employerJobs.loader({ request: get("/employer/jobs", provider), params: {}, context }),
      () => newJob.loader({ request: get("/employer/jobs/new", provider), params: {}, context }),
      () =>
        newJob.action({
          request: post("/employer/jobs/new", provider, { ...jobForm(), intent: "publish" }),
          params: {},
          context,
        }),
      () => employerProfile.loader({ request: get("/employer/profile", provider), params: {}, context }),
    ]) {
      expect((await answer(run)).status).toBe(403);
    }
    const employer = await member("employer");
    expect(
      (
        await answer(() =>
          providerTrainings.loader({ request: get("/provider/trainings", employer), params: {}, context }),
        )
      ).status,
    ).toBe(403);
    expect(
      (await answer(() => providerProfile.loader({ request: get("/provider/profile", employer), params: {}, context })))
        .status,
    ).toBe(403);
    const anonymous = await answer(() => employerJobs.loader({ request: get("/employer/jobs"), params: {}, context }));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent("/employer/jobs")}`);
  });
});

describe("provider training pages", () => {
  it("publishes a course that leads to an open job of a verified employer in the same province", async () => {
    const employer = await member("employer");
    const partner = await createJob(scopeOf(employer, "employer"), jobInput(), { publish: true });
    if (!partner.ok) throw new Error("createJob failed");
    const elsewhere = await member("employer", { provinceCode: UNITS.phuTho, communeCode: UNITS.luongSon });
    const far = await createJob(
      scopeOf(elsewhere, "employer"),
      jobInput({ provinceCode: UNITS.phuTho, communeCode: UNITS.luongSon, wageMin: "6.000.000", wageMax: "8.000.000" }),
      { publish: true },
    );
    if (!far.ok) throw new Error("createJob failed");
    const provider = await member("provider", { communeCode: UNITS.krongNo });

    const page = await answer(() =>
      newTraining.loader({ request: get("/provider/trainings/new", provider), params: {}, context }),
    );
    const data = (await page.json()) as { partnerJobs: { id: string }[] };
    expect(data.partnerJobs.map((j) => j.id)).toContain(partner.id);
    expect(data.partnerJobs.map((j) => j.id)).not.toContain(far.id);

    const refused = await answer(() =>
      newTraining.action({
        request: post("/provider/trainings/new", provider, {
          ...trainingForm(),
          leadsToJobIds: [far.id],
          intent: "publish",
        }),
        params: {},
        context,
      }),
    );
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as FormAnswer).errors).toEqual({
      leadsToJobIds: { key: "trainings.error.partnerJob" },
    });

    const response = await answer(() =>
      newTraining.action({
        request: post("/provider/trainings/new", provider, {
          ...trainingForm(),
          leadsToJobIds: [partner.id, partner.id],
          intent: "publish",
        }),
        params: {},
        context,
      }),
    );
    expect(response.headers.get("Location")).toBe("/provider/trainings?saved=open");
    const [slot] = await db()
      .select()
      .from(trainingSlot)
      .where(eq(trainingSlot.organizationId, provider.organizationId));
    expect(slot.status).toBe("open");
    const links = await db().select().from(trainingLeadsToJob).where(eq(trainingLeadsToJob.trainingSlotId, slot.id));
    expect(links.map((l) => l.jobId)).toEqual([partner.id]);

    const edit = await answer(() =>
      editTraining.loader({
        request: get(`/provider/trainings/${slot.id}`, provider),
        params: { id: slot.id },
        context,
      }),
    );
    expect(((await edit.json()) as { values: FormValues }).values).toMatchObject({
      leadsToJobIds: [partner.id],
      support: ["free", "meals"],
      costVnd: "",
    });
    const close = await answer(() =>
      providerTrainings.action({
        request: post("/provider/trainings?index", provider, { id: slot.id, intent: "close" }),
        params: {},
        context,
      }),
    );
    expect(await close.json()).toEqual({ id: slot.id, status: "closed", error: null });
  });

  it("answers another provider's course id with 404", async () => {
    const owner = await member("provider", { communeCode: UNITS.krongNo });
    const other = await member("provider", { communeCode: UNITS.krongNo });
    const created = await answer(() =>
      newTraining.action({
        request: post("/provider/trainings/new", owner, { ...trainingForm(), intent: "draft" }),
        params: {},
        context,
      }),
    );
    expect(created.headers.get("Location")).toBe("/provider/trainings?saved=draft");
    const [slot] = await db()
      .select({ id: trainingSlot.id })
      .from(trainingSlot)
      .where(eq(trainingSlot.organizationId, owner.organizationId));
    expect(
      (await answer(() => editTraining.loader({ request: get("/", other), params: { id: slot.id }, context }))).status,
    ).toBe(404);
    const publish = await answer(() =>
      providerTrainings.action({
        request: post("/provider/trainings?index", other, { id: slot.id, intent: "publish" }),
        params: {},
        context,
      }),
    );
    expect(publish.status).toBe(404);
  });
});

describe("organisation profile", () => {
  const profileForm = (overrides: FormValues = {}): FormValues => ({
    name: "Tiệm sửa xe Cường Thịnh 2",
    kind: "household_business",
    taxCode: "6400 123 456",
    provinceCode: UNITS.lamDong,
    communeCode: UNITS.namDa,
    address: "Thôn Nam Thanh, Quốc lộ 28",
    contactName: "Trần Văn Cường",
    contactPhone: "0905 123 456",
    description: "Sửa xe máy, xe số, xe ga.",
    fairChancePledge: "yes",
    acceptsUnexpunged: "case_by_case",
    intent: "save",
    ...overrides,
  });

  it("renames the organisation, refreshes its listings' search text and queues them in the outbox", async () => {
    const employer = await member("employer");
    const created = await createJob(scopeOf(employer, "employer"), jobInput(), { publish: true });
    if (!created.ok) throw new Error("createJob failed");
    const queued = async () =>
      (
        await db()
          .select()
          .from(outbox)
          .where(and(eq(outbox.entity, "job"), eq(outbox.entityId, created.id)))
      ).length;
    const before = await queued();

    const response = await answer(() =>
      employerProfile.action({ request: post("/employer/profile", employer, profileForm()), params: {}, context }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/employer/profile?saved=updated");
    const [org] = await db().select().from(organization).where(eq(organization.id, employer.organizationId));
    expect(org).toMatchObject({
      name: "Tiệm sửa xe Cường Thịnh 2",
      taxCode: "6400123456",
      contactPhone: "0905123456",
      verificationStatus: "verified",
    });
    expect(org.fairChancePledgedAt).toBeInstanceOf(Date);
    expect(await queued()).toBe(before + 1);
    const [row] = await db().select({ searchText: job.searchText }).from(job).where(eq(job.id, created.id));
    expect(row.searchText).toContain("Tiệm sửa xe Cường Thịnh 2");

    // The pledge keeps its first date while ticked, and is withdrawn when unticked.
    const signedAt = org.fairChancePledgedAt!.getTime();
    await answer(() =>
      employerProfile.action({
        request: post("/employer/profile", employer, profileForm({ name: "Tên khác" })),
        params: {},
        context,
      }),
    );
    const [again] = await db().select().from(organization).where(eq(organization.id, employer.organizationId));
    expect(again.fairChancePledgedAt!.getTime()).toBe(signedAt);
    const { fairChancePledge: _unticked, ...withoutPledge } = profileForm();
    await answer(() =>
      employerProfile.action({ request: post("/employer/profile", employer, withoutPledge), params: {}, context }),
    );
    const [withdrawn] = await db().select().from(organization).where(eq(organization.id, employer.organizationId));
    expect(withdrawn.fairChancePledgedAt).toBeNull();

    const page = await answer(() =>
      employerProfile.loader({ request: get("/employer/profile?saved=updated", employer), params: {}, context }),
    );
    const data = (await page.json()) as { values: FormValues; saved: string; kinds: string[] };
    expect(data.saved).toBe("updated");
    expect(data.values).toMatchObject({ name: "Tiệm sửa xe Cường Thịnh 2", taxCode: "6400123456" });
    expect(data.values.fairChancePledge).toBeUndefined();
    expect(data.kinds).not.toContain("training_centre");
  });

  it("puts a verified organisation that moves province back to pending", async () => {
    const provider = await member("provider", { communeCode: UNITS.krongNo });
    const response = await answer(() =>
      providerProfile.action({
        request: post(
          "/provider/profile",
          provider,
          profileForm({ kind: "training_centre", provinceCode: UNITS.phuTho, communeCode: UNITS.luongSon }),
        ),
        params: {},
        context,
      }),
    );
    expect(response.headers.get("Location")).toBe("/provider/profile?saved=reverify");
    const [org] = await db().select().from(organization).where(eq(organization.id, provider.organizationId));
    expect(org).toMatchObject({ provinceCode: UNITS.phuTho, verificationStatus: "pending", verifiedAt: null });
  });

  it("puts a rejected organisation that corrects its profile back to pending, without the old reason", async () => {
    const employer = await member("employer");
    await db()
      .update(organization)
      .set({ verificationStatus: "rejected", rejectionReason: "Thiếu giấy phép kinh doanh" })
      .where(eq(organization.id, employer.organizationId));
    await answer(() =>
      employerProfile.action({ request: post("/employer/profile", employer, profileForm()), params: {}, context }),
    );
    const [org] = await db().select().from(organization).where(eq(organization.id, employer.organizationId));
    expect(org).toMatchObject({ verificationStatus: "pending", rejectionReason: null });
  });

  it("refuses a kind of the other role, a commune outside the province and a bad tax code, keeping the values", async () => {
    const employer = await member("employer");
    const typed = profileForm({ kind: "training_centre", communeCode: UNITS.luongSon, taxCode: "12345" });
    const response = await answer(() =>
      employerProfile.action({ request: post("/employer/profile", employer, typed), params: {}, context }),
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as FormAnswer;
    expect(body.values).toEqual(typed);
    expect(body.errors).toEqual({ taxCode: { key: "validation.taxCode" } });
    const second = await answer(() =>
      employerProfile.action({
        request: post("/employer/profile", employer, { ...typed, taxCode: "" }),
        params: {},
        context,
      }),
    );
    expect(((await second.json()) as FormAnswer).errors).toEqual({
      kind: { key: "validation.choose" },
      communeCode: { key: "validation.commune" },
    });
  });
});

describe("garbage never gives a 500", () => {
  const bodies: [string, BodyInit | null, Record<string, string>][] = [
    ["a JSON body", '{"title":"x","intent":"publish"}', { "Content-Type": "application/json" }],
    ["multipart without a boundary", "title=x", { "Content-Type": "multipart/form-data" }],
    [
      "a broken multipart body",
      "--b\r\nContent-Disposition: nonsense\r\n",
      { "Content-Type": "multipart/form-data; boundary=b" },
    ],
    [
      "bytes that are not text",
      new Uint8Array([0xff, 0xfe, 0x00, 0x25, 0x80]),
      { "Content-Type": "application/x-www-form-urlencoded" },
    ],
    ["no body at all", null, {}],
    [
      "every field twice, odd values",
      "title=a&title=b&provinceCode=68&provinceCode=25&communeCode[]=1&wageMin=-5&wageMax=1e9&openings=0x10&closesAt=2026-13-45&startsAt=yesterday" +
        "&employmentType=forever&benefits=__proto__&leadsToJobIds=not-a-uuid&support=constructor&intent=publish&intent=draft&id=x&kind=police" +
        "&acceptsUnexpunged=maybe&fairChancePledge=yes&fairChancePledge=no&durationWeeks=99999999999999999999&seats=-1&levelCode=DROP TABLE",
      { "Content-Type": "application/x-www-form-urlencoded" },
    ],
    [
      "a very long title",
      `title=${"x".repeat(200_000)}&intent=publish`,
      { "Content-Type": "application/x-www-form-urlencoded" },
    ],
  ];

  it.each(bodies)("answers %s on every posting page without a 500", async (_what, body, headers) => {
    const employer = await member("employer");
    const provider = await member("provider", { communeCode: UNITS.krongNo });
    const ownJob = await createJob(scopeOf(employer, "employer"), jobInput(), { publish: false });
    if (!ownJob.ok) throw new Error("createJob failed");
    const runs: [string, () => Promise<unknown>][] = [
      [
        "jobs new",
        () => newJob.action({ request: post("/employer/jobs/new", employer, body, headers), params: {}, context }),
      ],
      [
        "jobs edit",
        () => editJob.action({ request: post("/", employer, body, headers), params: { id: ownJob.id }, context }),
      ],
      [
        "jobs list",
        () =>
          employerJobs.action({ request: post("/employer/jobs?index", employer, body, headers), params: {}, context }),
      ],
      [
        "trainings new",
        () =>
          newTraining.action({
            request: post("/provider/trainings/new", provider, body, headers),
            params: {},
            context,
          }),
      ],
      [
        "trainings list",
        () =>
          providerTrainings.action({
            request: post("/provider/trainings?index", provider, body, headers),
            params: {},
            context,
          }),
      ],
      [
        "employer profile",
        () =>
          employerProfile.action({ request: post("/employer/profile", employer, body, headers), params: {}, context }),
      ],
      [
        "provider profile",
        () =>
          providerProfile.action({ request: post("/provider/profile", provider, body, headers), params: {}, context }),
      ],
    ];
    for (const [name, run] of runs) {
      const response = await answer(run);
      expect(response.status, name).toBeLessThan(500);
    }
  });
});
