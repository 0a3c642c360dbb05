import type { AppLoadContext } from "@remix-run/node";
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";

import { startSession } from "~/auth/session.server";
import { translator } from "~/i18n";
import * as officerHome from "~/routes/officer._index";
import * as candidatesPage from "~/routes/officer.candidates";
import * as expungementsPage from "~/routes/officer.expungements";
import * as listPage from "~/routes/officer.persons._index";
import * as personPage from "~/routes/officer.persons.$id";
import * as printPage from "~/routes/officer.persons.$id_.consents.$grantId.print";
import * as newPerson from "~/routes/officer.persons.new";
import { setClock, todayIso } from "~/utils/clock.server";
import type { FormValues } from "~/utils/forms";

import { auditEvent, classification, consentGrant, courtBan, releasedPerson } from "../../db/schema";
import { createUser, formBody, UNITS } from "../factories";
import { consentForm, intakeForm } from "../factories/persons";
import { drainOutbox, setupIntegration } from "../setup/integration";
import { render } from "../setup/render-page";
import { getRequest as get, responseOf } from "../setup/routes";

const ctx = setupIntegration({ indexes: true });

const context: AppLoadContext = { requestId: "t", cspNonce: "n", clientIp: "127.0.0.1" };
const BASE = "http://localhost";
const vi = translator("vi");
/** Communes of Lâm Đồng that only one test uses each: a list's contents do not depend on the other tests. */
const MUI_NE = "22918";
const PHU_THUY = "22924";
const HAM_THANG = "22933";

type Who = { id: string; cookie: string };
type FieldErrorJson = { key: string; vars?: Record<string, string | number> };
type FormAnswer = { values: FormValues; errors: Record<string, FieldErrorJson> };

/** A user of the given role logged in through a real session cookie (officers of Nam Đà by default). */
async function login(
  role: "officer" | "admin" | "employer" = "officer",
  communeCodes: string[] = [UNITS.namDa],
): Promise<Who> {
  const user = await createUser(
    role === "officer" ? { role, communeCodes } : role === "admin" ? { role, provinceCode: UNITS.lamDong } : { role },
  );
  return { id: user.id, cookie: (await startSession(user.id)).split(";")[0] };
}

function post(path: string, who: Who, body: FormValues | FormData): Request {
  if (body instanceof FormData)
    return new Request(`${BASE}${path}`, { method: "POST", headers: { Cookie: who.cookie }, body });
  return new Request(`${BASE}${path}`, {
    method: "POST",
    headers: { Cookie: who.cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: formBody(body),
  });
}

/** A loader's or action's answer, whether returned or thrown (redirects, 403, 404 are thrown Responses). */
const answer = (run: () => Promise<unknown>) => responseOf(run, { responseOnly: true });

async function register(who: Who, overrides: FormValues = {}): Promise<string> {
  const response = await answer(() =>
    newPerson.action({ request: post("/officer/persons/new", who, intakeForm(overrides)), params: {}, context }),
  );
  expect(response.status, await response.clone().text()).toBe(302);
  const match = response.headers.get("Location")!.match(/^\/officer\/persons\/([0-9a-f-]{36})\?done=created$/);
  expect(match).not.toBeNull();
  return match![1];
}

const personAction = (who: Who, personId: string, body: FormValues | FormData) =>
  answer(() =>
    personPage.action({ request: post(`/officer/persons/${personId}`, who, body), params: { id: personId }, context }),
  );
const personLoader = (who: Who, personId: string) =>
  answer(() =>
    personPage.loader({ request: get(`/officer/persons/${personId}`, who), params: { id: personId }, context }),
  );

const drain = () => drainOutbox(ctx.handle.db, ctx.search);

async function auditOf(personId: string) {
  return ctx.handle.db.select().from(auditEvent).where(eq(auditEvent.personId, personId));
}

afterEach(() => setClock(undefined));

describe("intake", () => {
  it("creates a person through the action, audits the creation and prompts for consent", async () => {
    const officer = await login();
    const loaded = await answer(() =>
      newPerson.loader({ request: get("/officer/persons/new", officer), params: {}, context }),
    );
    const page = (await loaded.json()) as { communes: { code: string }[]; placeCommunes: { code: string }[] };
    // The commune select lists only the officer's communes; place bans choose among the province's.
    expect(page.communes.map((c) => c.code)).toEqual([UNITS.namDa]);
    expect(page.placeCommunes.map((c) => c.code)).toContain(UNITS.krongNo);

    const personId = await register(officer, {
      fullName: "Hoàng Văn Khải",
      bannedOccupations: ["51200"],
      occupationBanEndsOn: "2027-01-01",
      bannedPlaceCommunes: [UNITS.krongNo],
      placeBanEndsOn: "2027-01-01",
    });
    const [person] = await ctx.handle.db.select().from(releasedPerson).where(eq(releasedPerson.id, personId));
    expect(person).toMatchObject({
      fullName: "Hoàng Văn Khải",
      communeCode: UNITS.namDa,
      provinceCode: UNITS.lamDong,
      createdBy: officer.id,
    });
    const bans = await ctx.handle.db.select().from(courtBan).where(eq(courtBan.personId, personId));
    expect(bans.map((b) => b.kind).sort()).toEqual(["occupation", "place"]);
    const events = await auditOf(personId);
    expect(events).toEqual([expect.objectContaining({ action: "create", actorId: officer.id, purpose: "intake" })]);

    const shown = await answer(() =>
      personPage.loader({
        request: get(`/officer/persons/${personId}?done=created`, officer),
        params: { id: personId },
        context,
      }),
    );
    expect(shown.status).toBe(200);
    const html = render(personPage.default, await shown.json());
    expect(html).toContain(vi("persons.created"));
    expect(html).toContain('href="#consent-form"');
  });

  it("keeps every typed value and answers 400 in Vietnamese when the form is wrong", async () => {
    const officer = await login();
    const typed = intakeForm({
      fullName: "",
      citizenId: "12345",
      dateOfBirth: "31/02/1990",
      skills: "hàn, tiện",
      needs: ["loan", "training"],
    });
    const response = await answer(() =>
      newPerson.action({ request: post("/officer/persons/new", officer, typed), params: {}, context }),
    );
    expect(response.status).toBe(400);
    const data = (await response.json()) as FormAnswer;
    expect(data.values).toMatchObject({
      fullName: "",
      citizenId: "12345",
      dateOfBirth: "31/02/1990",
      skills: "hàn, tiện",
      needs: ["loan", "training"],
      communeCode: UNITS.namDa,
    });
    expect(Object.keys(data.errors).sort()).toEqual(["citizenId", "dateOfBirth", "fullName"]);
    expect(vi(data.errors.citizenId.key as never)).toBe("Số CCCD gồm đúng 12 chữ số.");
    expect(vi(data.errors.fullName.key as never)).toBe("Vui lòng nhập thông tin này.");

    // The page shows the errors in Vietnamese and the values as typed.
    const loaded = await (
      await answer(() => newPerson.loader({ request: get("/officer/persons/new", officer), params: {}, context }))
    ).json();
    const html = render(newPerson.default, loaded, data);
    expect(html).toContain("Vui lòng sửa các mục được đánh dấu bên dưới.");
    expect(html).toContain("Số CCCD gồm đúng 12 chữ số.");
    expect(html).toContain('value="hàn, tiện"');
    expect(html).toContain('checked="" value="loan"');

    // A rule the service checks (age 15+) answers the same way.
    const young = await answer(() =>
      newPerson.action({
        request: post("/officer/persons/new", officer, intakeForm({ dateOfBirth: "2015-01-01" })),
        params: {},
        context,
      }),
    );
    expect(young.status).toBe(400);
    expect(((await young.json()) as FormAnswer).errors.dateOfBirth.key).toBe("persons.error.tooYoung");
  });

  it("refuses an unknown commune or province code as a field error, never a 500", async () => {
    const officer = await login();
    const bad = await answer(() =>
      newPerson.action({
        request: post(
          "/officer/persons/new",
          officer,
          intakeForm({ bannedPlaceCommunes: ["99999"], placeBanEndsOn: "2027-01-01", preferredProvinceCode: "99" }),
        ),
        params: {},
        context,
      }),
    );
    expect(bad.status).toBe(400);
    expect(Object.keys(((await bad.json()) as FormAnswer).errors).sort()).toEqual([
      "bannedPlaceCommunes",
      "preferredProvinceCode",
    ]);
  });

  it("shows likely duplicates, goes on once confirmed, and never overrides a citizen-ID duplicate", async () => {
    const officer = await login();
    const first = await register(officer, {
      fullName: "Trần Văn Bình",
      dateOfBirth: "1988-02-03",
      citizenId: "068088001234",
    });

    const sameName = await answer(() =>
      newPerson.action({
        request: post(
          "/officer/persons/new",
          officer,
          intakeForm({ fullName: "tran van binh", dateOfBirth: "1988-02-03" }),
        ),
        params: {},
        context,
      }),
    );
    expect(sameName.status).toBe(400);
    const shown = (await sameName.json()) as FormAnswer & { duplicates: { id: string | null; reason: string }[] };
    expect(shown.duplicates).toEqual([
      expect.objectContaining({ id: first, reason: "name_birth", fullName: "Trần Văn Bình" }),
    ]);
    expect(shown.errors.confirmNotDuplicate.key).toBe("persons.error.duplicate");
    expect(shown.values.fullName).toBe("tran van binh");
    const loaded = await (
      await answer(() => newPerson.loader({ request: get("/officer/persons/new", officer), params: {}, context }))
    ).json();
    const html = render(newPerson.default, loaded, shown);
    expect(html).toContain(`href="/officer/persons/${first}"`);
    expect(html).toContain('name="confirmNotDuplicate"');

    await register(officer, { fullName: "tran van binh", dateOfBirth: "1988-02-03", confirmNotDuplicate: "on" });

    const sameId = await answer(() =>
      newPerson.action({
        request: post(
          "/officer/persons/new",
          officer,
          intakeForm({ fullName: "Người Khác", citizenId: "068088001234", confirmNotDuplicate: "on" }),
        ),
        params: {},
        context,
      }),
    );
    expect(sameId.status).toBe(400);
    const blocked = (await sameId.json()) as FormAnswer & { duplicates: { reason: string }[] };
    expect(blocked.errors.citizenId.key).toBe("persons.error.duplicateCitizenId");
    const blockedHtml = render(newPerson.default, loaded, blocked);
    expect(blockedHtml).toContain(vi("persons.duplicates.citizenIdBlocked"));
    expect(blockedHtml).not.toContain('name="confirmNotDuplicate"');

    // An officer of another province learns only that a file exists, and where.
    const other = await login("officer", [UNITS.luongSon]);
    const elsewhere = await answer(() =>
      newPerson.action({
        request: post(
          "/officer/persons/new",
          other,
          intakeForm({ communeCode: UNITS.luongSon, fullName: "Khác", citizenId: "068088001234" }),
        ),
        params: {},
        context,
      }),
    );
    const hidden = (await elsewhere.json()) as FormAnswer & { duplicates: unknown[] };
    expect(hidden.duplicates).toEqual([
      { id: null, fullName: "", dateOfBirth: "1988-02-03", communeName: "Xã Nam Đà", reason: "citizen_id" },
    ]);
    const otherLoaded = await (
      await answer(() => newPerson.loader({ request: get("/officer/persons/new", other), params: {}, context }))
    ).json();
    const hiddenHtml = render(newPerson.default, otherLoaded, hidden);
    expect(hiddenHtml).toContain(vi("persons.duplicates.elsewhere", { commune: "Xã Nam Đà" }));
    expect(hiddenHtml).not.toContain("Trần Văn Bình");
  });
});

describe("the person page", () => {
  it("audits a view, and is not found for another commune's officer, for its print page and its forms", async () => {
    const officer = await login();
    const personId = await register(officer, { fullName: "Đinh Văn Lực" });
    const grantId = (
      await ctx.handle.db
        .insert(consentGrant)
        .values({
          personId,
          purposes: ["matching"],
          shareableFields: ["full_name"],
          givenAt: new Date(),
          evidenceKind: "paper_form",
          evidenceRef: "01/2026",
          expiresAt: new Date(Date.now() + 300 * 86_400_000),
        })
        .returning({ id: consentGrant.id })
    )[0].id;

    const page = await personLoader(officer, personId);
    expect(page.status).toBe(200);
    const data = (await page.json()) as {
      person: { fullName: string; expungement: { computed: { kind: string; date: string } } };
    };
    expect(data.person.fullName).toBe("Đinh Văn Lực");
    // 36 months of prison completed 2025-05-20: automatically expunged two years later.
    expect(data.person.expungement.computed).toMatchObject({ kind: "automatic", date: "2027-05-20" });
    expect((await auditOf(personId)).filter((e) => e.action === "view")).toEqual([
      expect.objectContaining({ actorId: officer.id, purpose: "case_management" }),
    ]);

    const other = await login("officer", [UNITS.krongNo]);
    expect((await personLoader(other, personId)).status).toBe(404);
    const print = await answer(() =>
      printPage.loader({
        request: get(`/officer/persons/${personId}/consents/${grantId}/print`, other),
        params: { id: personId, grantId },
        context,
      }),
    );
    expect(print.status).toBe(404);
    expect((await personAction(other, personId, { intent: "withdraw-consent", grantId })).status).toBe(404);
    expect((await personAction(other, personId, { intent: "grant-consent", ...consentForm() })).status).toBe(404);
    expect((await personAction(other, personId, { intent: "classify", group: "A" })).status).toBe(404);
    // Not a uuid, or nobody: the same 404.
    for (const id of ["abc", "00000000-0000-4000-8000-000000000000"]) {
      expect((await personLoader(officer, id)).status).toBe(404);
    }
    // A grant id that is not this person's is not found either.
    const stranger = await register(officer, { fullName: "Người Lạ", dateOfBirth: "1991-01-01" });
    const cross = await answer(() =>
      printPage.loader({ request: get("/", officer), params: { id: stranger, grantId }, context }),
    );
    expect(cross.status).toBe(404);
    // The other officer's attempts changed nothing and were not audited as views.
    const [grant] = await ctx.handle.db.select().from(consentGrant).where(eq(consentGrant.id, grantId));
    expect(grant.withdrawnAt).toBeNull();
    expect((await auditOf(personId)).filter((e) => e.actorId === other.id)).toEqual([]);

    // Without the permission (an employer), 403; without a session, to the login page.
    const employer = await login("employer");
    expect((await personLoader(employer, personId)).status).toBe(403);
    const anonymous = await answer(() =>
      personPage.loader({ request: get(`/officer/persons/${personId}`), params: { id: personId }, context }),
    );
    expect(anonymous.status).toBe(302);
  });

  it("records consent from a paper form, and refuses a fake or too-large upload with a field error", async () => {
    const officer = await login();
    const personId = await register(officer, { fullName: "Vũ Văn Minh" });

    const fake = new FormData();
    for (const [k, v] of Object.entries({
      intent: "grant-consent",
      ...consentForm({ evidenceKind: "upload", paperFormNumber: "" }),
    })) {
      for (const one of [v].flat()) fake.append(k, one);
    }
    fake.append(
      "evidenceFile",
      new File([Buffer.from("<script>alert(1)</script>")], "dong-y.jpg", { type: "image/jpeg" }),
    );
    const refused = await personAction(officer, personId, fake);
    expect(refused.status).toBe(400);
    const data = (await refused.json()) as FormAnswer & { intent: string };
    expect(data.intent).toBe("grant-consent");
    expect(data.errors).toEqual({ evidenceFile: { key: "consent.error.file" } });
    expect(vi("consent.error.file")).toMatch(/JPG, PNG hoặc PDF/);
    expect(data.values).toMatchObject({ purposes: ["matching", "share_contact"], evidenceKind: "upload" });
    // The file's bytes are never echoed back.
    expect(data.values.evidenceFile ?? "").toBe("");

    const big = new FormData();
    big.append("intent", "grant-consent");
    big.append("purposes", "matching");
    big.append("givenOn", consentForm().givenOn as string);
    big.append("evidenceKind", "upload");
    big.append("evidenceFile", new File([Buffer.alloc(5_200_000, 0xff)], "to.jpg", { type: "image/jpeg" }));
    big.append("validMonths", "12");
    const tooLarge = await personAction(officer, personId, big);
    expect(tooLarge.status).toBe(400);
    const large = (await tooLarge.json()) as FormAnswer;
    expect(large.errors).toEqual({ evidenceFile: { key: "consent.error.file" } });
    // The fields after the file were still read.
    expect(large.values.validMonths).toBe("12");

    const jpeg = new FormData();
    for (const [k, v] of Object.entries({
      intent: "grant-consent",
      ...consentForm({ evidenceKind: "upload", paperFormNumber: "" }),
    })) {
      for (const one of [v].flat()) jpeg.append(k, one);
    }
    jpeg.append(
      "evidenceFile",
      new File([Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200)])], "dong-y.jpg", {
        type: "image/jpeg",
      }),
    );
    const saved = await personAction(officer, personId, jpeg);
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe(`/officer/persons/${personId}?done=consent`);

    const paper = await personAction(officer, personId, {
      intent: "grant-consent",
      ...consentForm({ purposes: ["training_referral"], shareableFields: ["full_name"] }),
    });
    expect(paper.status).toBe(302);
    const grants = await ctx.handle.db.select().from(consentGrant).where(eq(consentGrant.personId, personId));
    expect(grants.map((g) => g.evidenceKind).sort()).toEqual(["paper_form", "upload"]);

    // Bundling the record status with matching alone is refused by the shared schema.
    const bundled = await personAction(officer, personId, {
      intent: "grant-consent",
      ...consentForm({ purposes: ["matching"], shareableFields: ["record_status"] }),
    });
    expect(bundled.status).toBe(400);
  });

  it("adds this quarter's classification, then corrects it in the same quarter", async () => {
    setClock({ at: new Date("2026-11-15T03:00:00Z") });
    const officer = await login();
    const personId = await register(officer, { fullName: "Lý Văn Nam" });
    expect((await personAction(officer, personId, { intent: "classify", group: "E" })).status).toBe(400);
    expect(
      (await personAction(officer, personId, { intent: "classify", group: "B", note: "Làm thuê theo ngày" })).status,
    ).toBe(302);
    expect(
      (await personAction(officer, personId, { intent: "classify", group: "A", note: "Đã có việc ổn định" })).status,
    ).toBe(302);
    const rows = await ctx.handle.db.select().from(classification).where(eq(classification.personId, personId));
    expect(rows).toEqual([
      expect.objectContaining({ quarter: "2026-Q4", group: "A", note: "Đã có việc ổn định", classifiedBy: officer.id }),
    ]);
    const events = (await auditOf(personId)).filter((e) => e.action === "classify");
    expect(events.map((e) => e.details)).toEqual([
      { quarter: "2026-Q4", group: "B" },
      { quarter: "2026-Q4", group: "A", previousGroup: "B" },
    ]);
    const page = (await (await personLoader(officer, personId)).json()) as { quarter: string };
    expect(page.quarter).toBe("2026-Q4");
  });

  it("marks the record expunged, refusing a future date", async () => {
    const officer = await login();
    const personId = await register(officer, { fullName: "Mai Văn Oanh" });
    const future = await personAction(officer, personId, {
      intent: "mark-expunged",
      expungedOn: "2099-01-01",
      evidence: "x",
    });
    expect(future.status).toBe(400);
    expect(((await future.json()) as FormAnswer).errors.expungedOn.key).toBe("persons.error.expungedInFuture");
    const ok = await personAction(officer, personId, {
      intent: "mark-expunged",
      expungedOn: "2025-06-01",
      evidence: "Quyết định số 12/2025/QĐ-TA",
    });
    expect(ok.status).toBe(302);
    const [person] = await ctx.handle.db.select().from(releasedPerson).where(eq(releasedPerson.id, personId));
    expect(person).toMatchObject({
      recordExpungedOn: "2025-06-01",
      expungementEvidence: "Quyết định số 12/2025/QĐ-TA",
    });
    expect(
      (await auditOf(personId)).some(
        (e) => e.action === "edit" && (e.details as { field?: string }).field === "recordExpungedOn",
      ),
    ).toBe(true);
  });

  it("prints a plain-Vietnamese consent form with the person's name and each purpose, audited as a print", async () => {
    const officer = await login();
    const personId = await register(officer, {
      fullName: "Phan Thị Quỳnh",
      gender: "female",
      citizenId: "068190001111",
    });
    await personAction(officer, personId, {
      intent: "grant-consent",
      ...consentForm({ purposes: ["matching", "training_referral", "share_contact"] }),
    });
    const [grant] = await ctx.handle.db.select().from(consentGrant).where(eq(consentGrant.personId, personId));
    const response = await answer(() =>
      printPage.loader({
        request: get(`/officer/persons/${personId}/consents/${grant.id}/print`, officer),
        params: { id: personId, grantId: grant.id },
        context,
      }),
    );
    expect(response.status).toBe(200);
    const html = render(printPage.default, await response.json());
    expect(html).toContain("Phan Thị Quỳnh");
    expect(html).toContain("068190001111");
    expect(html).toContain("Công an xã Nam Đà");
    for (const purpose of ["matching", "training_referral", "share_contact"] as const) {
      expect(html).toContain(vi(`consent.purpose.${purpose}`));
      expect(html).toContain(vi(`consent.purpose.${purpose}.explain`));
    }
    expect(html).not.toContain(vi("consent.purpose.share_record_status"));
    expect(html).toContain(vi("consent.print.right.withdraw"));
    expect(html).toContain(vi("consent.print.signSubject"));
    const prints = (await auditOf(personId)).filter((e) => e.action === "print");
    expect(prints).toEqual([
      expect.objectContaining({ actorId: officer.id, details: { grantId: grant.id, document: "consent_form" } }),
    ]);
  });
});

describe("lists, candidates and the home page", () => {
  it("lists the officer's persons with filters, accent-insensitive, and audits the list once", async () => {
    const officer = await login("officer", [MUI_NE]);
    const binh = await register(officer, {
      communeCode: MUI_NE,
      fullName: "Nguyễn Thị Bình",
      gender: "female",
      dateOfBirth: "1985-01-01",
      needs: ["loan"],
    });
    await register(officer, {
      communeCode: MUI_NE,
      fullName: "Lê Văn Chiến",
      dateOfBirth: "1986-01-01",
      needs: ["training"],
    });
    await personAction(officer, binh, { intent: "classify", group: "B" });
    // Given five days ago for one month: it runs out within the 30 days of the renewal reminder.
    await personAction(officer, binh, {
      intent: "grant-consent",
      ...consentForm({ validMonths: "1", givenOn: todayIso(new Date(Date.now() - 5 * 86_400_000)) }),
    });
    const other = await login("officer", [PHU_THUY]);
    await register(other, { fullName: "Nguyễn Văn Khác", communeCode: PHU_THUY, dateOfBirth: "1987-01-01" });

    const list = async (who: Who, query = "") => {
      const response = await answer(() =>
        listPage.loader({ request: get(`/officer/persons${query}`, who), params: {}, context }),
      );
      expect(response.status).toBe(200);
      return (
        (await response.json()) as {
          persons: { id: string; fullName: string; latestGroup: string | null; livePurposes: string[] }[];
        }
      ).persons;
    };
    const all = await list(officer);
    // In register order: by given name (Bình before Chiến), not by family name (docs/decisions/022).
    expect(all.map((p) => p.fullName)).toEqual(["Nguyễn Thị Bình", "Lê Văn Chiến"]);
    expect(all.find((p) => p.id === binh)).toMatchObject({
      latestGroup: "B",
      livePurposes: ["matching", "share_contact"],
    });
    expect((await list(officer, "?q=nguyen%20thi")).map((p) => p.id)).toEqual([binh]);
    expect((await list(officer, "?q=BÌNH")).map((p) => p.id)).toEqual([binh]);
    expect(await list(officer, "?q=%25")).toEqual([]);
    expect((await list(officer, "?group=B")).map((p) => p.id)).toEqual([binh]);
    expect((await list(officer, "?need=training")).map((p) => p.fullName)).toEqual(["Lê Văn Chiến"]);
    expect((await list(officer, "?expiring=1")).map((p) => p.id)).toEqual([binh]);
    expect(await list(officer, "?due=1")).toEqual([]);
    expect(await list(officer, "?status=closed&group=nonsense")).toEqual([]);
    // Each statement is built once and run again with new values (db/prepared.server.ts): another officer's
    // list is their own, and a later moment sees the consent run out (it was given for one month).
    expect((await list(other)).map((p) => p.fullName)).toEqual(["Nguyễn Văn Khác"]);
    expect((await list(other, "?q=nguyen")).map((p) => p.fullName)).toEqual(["Nguyễn Văn Khác"]);
    setClock({ offsetMs: 40 * 86_400_000 });
    expect((await list(officer)).find((p) => p.id === binh)?.livePurposes).toEqual([]);
    expect(await list(officer, "?expiring=1")).toEqual([]);
    setClock(undefined);

    const views = await ctx.handle.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.actorId, officer.id), eq(auditEvent.action, "view")));
    const listViews = views.filter((v) => v.personId === null);
    expect(listViews).toHaveLength(11);
    expect(listViews[0].details).toMatchObject({ count: 2 });

    // The home page counts them, and the consent that runs out within 30 days.
    const home = (await (
      await answer(() => officerHome.loader({ request: get("/officer", officer), params: {}, context }))
    ).json()) as Record<string, unknown>;
    expect(home).toMatchObject({ persons: 2, expiringConsents: 1, expungementsDue: 0 });

    // A provincial admin reads the province's list; an employer may not.
    const admin = await login("admin");
    expect((await list(admin)).map((p) => p.fullName)).toEqual(
      expect.arrayContaining(["Lê Văn Chiến", "Nguyễn Thị Bình", "Nguyễn Văn Khác"]),
    );
    const employer = await login("employer");
    expect(
      (await answer(() => listPage.loader({ request: get("/officer/persons", employer), params: {}, context }))).status,
    ).toBe(403);
    expect(
      (await answer(() => newPerson.loader({ request: get("/officer/persons/new", admin), params: {}, context })))
        .status,
    ).toBe(403);
  });

  it("lists the persons whose expungement is due, automatic or by court application", async () => {
    const officer = await login("officer", [HAM_THANG]);
    const due = await register(officer, {
      communeCode: HAM_THANG,
      fullName: "Đã Đến Hạn",
      mainCompletedOn: "2023-01-10",
      releaseDate: "2023-01-10",
      offenceDate: "2021-01-01",
    });
    const court = await register(officer, {
      communeCode: HAM_THANG,
      fullName: "Tòa Án Quyết",
      dateOfBirth: "1970-01-01",
      nationalSecurity: "on",
      penalty: "suspended",
      sentenceMonths: "",
      mainCompletedOn: "2023-01-10",
      releaseDate: "2023-01-10",
      offenceDate: "2021-01-01",
    });
    await register(officer, { communeCode: HAM_THANG, fullName: "Chưa Đến Hạn", dateOfBirth: "1971-01-01" });
    const response = await answer(() =>
      expungementsPage.loader({ request: get("/officer/expungements", officer), params: {}, context }),
    );
    const data = (await response.json()) as { automatic: { id: string }[]; court: { id: string }[] };
    expect(data.automatic.map((p) => p.id)).toEqual([due]);
    expect(data.court.map((p) => p.id)).toEqual([court]);
    const home = (await (
      await answer(() => officerHome.loader({ request: get("/officer", officer), params: {}, context }))
    ).json()) as Record<string, unknown>;
    expect(home.expungementsDue).toBe(2);
    // Once recorded, no longer due.
    await personAction(officer, due, {
      intent: "mark-expunged",
      expungedOn: "2025-01-10",
      evidence: "Phiếu LLTP số 1",
    });
    const after = (await (
      await answer(() =>
        expungementsPage.loader({ request: get("/officer/expungements", officer), params: {}, context }),
      )
    ).json()) as typeof data;
    expect(after.automatic).toEqual([]);
  });

  it("finds a consented person among the candidates, never with offence or sentence, and not after withdrawal", async () => {
    const officer = await login();
    const personId = await register(officer, { fullName: "Tạ Văn Sửa", dateOfBirth: "1993-03-03" });
    const search = async (query: string) => {
      const response = await answer(() =>
        candidatesPage.loader({ request: get(`/officer/candidates${query}`, officer), params: {}, context }),
      );
      expect(response.status).toBe(200);
      return (await response.json()) as { candidates: { id: string; fullName: string }[]; unavailable: boolean };
    };
    await drain();
    expect((await search("?q=sua+xe+may")).candidates.map((c) => c.id)).not.toContain(personId);

    expect((await personAction(officer, personId, { intent: "grant-consent", ...consentForm() })).status).toBe(302);
    await drain();
    const found = await search("?q=sua+xe+may&occupation=72311");
    expect(found.unavailable).toBe(false);
    const hit = found.candidates.find((c) => c.id === personId);
    expect(hit).toMatchObject({ fullName: "Tạ Văn Sửa", communeName: "Xã Nam Đà" });
    expect(Object.keys(hit!).sort()).toEqual(["communeName", "fullName", "id", "skills", "tradeNames", "wantedNames"]);
    const html = render(candidatesPage.default, found);
    expect(html).toContain("Tạ Văn Sửa");
    expect(html).not.toMatch(/property|Xâm phạm sở hữu|36 tháng/);

    const other = await login("officer", [UNITS.krongNo]);
    const otherSearch = await answer(() =>
      candidatesPage.loader({ request: get("/officer/candidates?q=sua+xe+may", other), params: {}, context }),
    );
    expect(((await otherSearch.json()) as { candidates: { id: string }[] }).candidates.map((c) => c.id)).not.toContain(
      personId,
    );

    const [grant] = await ctx.handle.db.select().from(consentGrant).where(eq(consentGrant.personId, personId));
    const withdrawn = await personAction(officer, personId, {
      intent: "withdraw-consent",
      grantId: grant.id,
      note: "Người đó yêu cầu",
    });
    expect(withdrawn.status).toBe(302);
    expect((await search("?q=sua+xe+may")).candidates.map((c) => c.id)).not.toContain(personId);
    // Withdrawing twice is not found (nothing left to withdraw).
    expect((await personAction(officer, personId, { intent: "withdraw-consent", grantId: grant.id })).status).toBe(404);
  });
});
