import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { computeIndicators } from "~/modules/reports/indicators.server";
import * as modelsPage from "~/routes/officer.models._index";
import * as modelPage from "~/routes/officer.models.$id";
import { setClock } from "~/utils/clock.server";

import { activity, auditEvent, modelPerson, modelSteeringMember, reintegrationModel } from "../../db/schema";
import { createUser, UNITS } from "../factories";
import { createPerson } from "../factories/persons";
import { setupIntegration } from "../setup/integration";
import { render } from "../setup/render-page";
import { at, call, cookieFor, type LoggedInOfficer as Officer, loggedInOfficer as officer } from "../setup/routes";

const ctx = setupIntegration();
const db = () => ctx.handle.db;

const TODAY = "2026-03-10";
const LAUNCH = "2025-06-01";

async function countOf(table: typeof reintegrationModel | typeof modelSteeringMember | typeof modelPerson) {
  const [row] = await db().select({ n: count() }).from(table);
  return Number(row!.n);
}

let officerA: Officer;
let officerB: Officer;
let adminCookie: string;
let covered: string;
let uncovered: string;
let leaver: string;
let outsider: string;
let modelId: string;
let modelPath: string;

beforeAll(async () => {
  at(TODAY);
  officerA = await officer([UNITS.namDa]);
  officerB = await officer([UNITS.krongNo]);
  adminCookie = await cookieFor((await createUser({ role: "admin", provinceCode: UNITS.lamDong })).id);
  covered = await createPerson(officerA, { fullName: "Đỗ Văn Được Giúp" });
  uncovered = await createPerson(officerA, { fullName: "Vũ Văn Ngoài Mô Hình" });
  leaver = await createPerson(officerA, { fullName: "Hà Văn Đã Rời" });
  outsider = await createPerson(officerB, { fullName: "Người Krông Nô", communeCode: UNITS.krongNo });
}, 120_000);

afterAll(() => setClock(undefined));

describe("a reintegration model", () => {
  it("refuses bad input with 400 and writes nothing", async () => {
    at(TODAY);
    const post = (form: Record<string, string>) =>
      call(modelsPage.action, "/officer/models", officerA.cookie, {}, form);
    const cases = [
      { name: "", communeCode: UNITS.namDa, launchedOn: LAUNCH, description: "" },
      { name: "Mô hình 5+1", communeCode: UNITS.namDa, launchedOn: "2023-13-01", description: "" },
      { name: "Mô hình 5+1", communeCode: UNITS.namDa, launchedOn: "2026-04-01", description: "" },
      { name: "Mô hình 5+1", communeCode: UNITS.krongNo, launchedOn: LAUNCH, description: "" },
    ];
    for (const form of cases) {
      const refused = await post(form);
      expect(refused.status, JSON.stringify(form)).toBe(400);
      expect((await refused.json()).values).toMatchObject(form);
    }
    expect(await countOf(reintegrationModel)).toBe(0);
    expect(await post({ ...cases[0]!, name: "X" }).then((r) => r.status)).toBe(302);
    await db().delete(reintegrationModel);
    // The provincial admin has no model pages.
    expect((await call(modelsPage.loader, "/officer/models", adminCookie)).status).toBe(403);
  });

  it("creates the model, its steering committee, and the persons it covers", async () => {
    at(TODAY);
    const created = await call(
      modelsPage.action,
      "/officer/models",
      officerA.cookie,
      {},
      { name: "Mô hình 5+1", communeCode: UNITS.namDa, launchedOn: LAUNCH, description: "Năm tổ chức giúp một người." },
    );
    expect(created.status).toBe(302);
    modelId = created.headers.get("Location")!.split("/")[3]!.split("?")[0]!;
    modelPath = `/officer/models/${modelId}`;
    const post = (form: Record<string, string>) =>
      call(modelPage.action, modelPath, officerA.cookie, { id: modelId }, form);

    expect((await post({ intent: "addMember", organizationName: "", personName: "Chị Lan", role: "" })).status).toBe(
      400,
    );
    expect(
      (
        await post({
          intent: "addMember",
          organizationName: "Công an xã Nam Đà",
          personName: "Nguyễn Văn Công",
          role: "Trưởng ban",
        })
      ).status,
    ).toBe(302);
    expect(
      (
        await post({
          intent: "addMember",
          organizationName: "Hội Liên hiệp Phụ nữ xã",
          personName: "",
          role: "Thành viên",
        })
      ).status,
    ).toBe(302);
    const members = await db().select().from(modelSteeringMember).where(eq(modelSteeringMember.modelId, modelId));
    expect(members).toHaveLength(2);
    const women = members.find((m) => m.organizationName.startsWith("Hội"))!;
    expect((await post({ intent: "removeMember", memberId: women.id })).status).toBe(302);
    expect((await post({ intent: "removeMember", memberId: women.id })).status).toBe(404);
    expect(await countOf(modelSteeringMember)).toBe(1);

    // Persons of the model's commune only, from the launch date, not in the future, once.
    expect((await post({ intent: "addPerson", personId: covered, joinedOn: "2025-05-01" })).status).toBe(400);
    expect((await post({ intent: "addPerson", personId: covered, joinedOn: "2026-04-01" })).status).toBe(400);
    expect((await post({ intent: "addPerson", personId: covered, joinedOn: "hôm qua" })).status).toBe(400);
    expect((await post({ intent: "addPerson", personId: outsider, joinedOn: "2025-07-01" })).status).toBe(404);
    expect(await countOf(modelPerson)).toBe(0);
    expect((await post({ intent: "addPerson", personId: covered, joinedOn: "2025-07-01" })).status).toBe(302);
    const twice = await post({ intent: "addPerson", personId: covered, joinedOn: "2025-07-01" });
    expect(twice.status).toBe(400);
    expect((await twice.json()).errors.personId.key).toBe("events.model.error.alreadyCovered");
    expect((await post({ intent: "addPerson", personId: leaver, joinedOn: "2025-07-01" })).status).toBe(302);
    expect((await post({ intent: "leavePerson", personId: leaver, leftOn: "2025-06-15" })).status).toBe(400);
    expect((await post({ intent: "leavePerson", personId: leaver, leftOn: "2025-09-30" })).status).toBe(302);
    const rows = await db().select().from(modelPerson).where(eq(modelPerson.modelId, modelId));
    expect(rows.map((r) => [r.personId, r.joinedOn, r.leftOn]).sort()).toEqual(
      [
        [covered, "2025-07-01", null],
        [leaver, "2025-07-01", "2025-09-30"],
      ].sort(),
    );
    // A launch date after someone joined would rewrite history.
    const edit = await post({ intent: "edit", name: "Mô hình 5+1", launchedOn: "2025-08-01", description: "" });
    expect(edit.status).toBe(400);
    expect((await edit.json()).errors.launchedOn.key).toBe("events.model.error.launchAfterJoin");
  });

  it("counts only the covered persons' activities in its figures", async () => {
    at(TODAY);
    const row = (
      personId: string,
      kind: "counselling" | "procedure_help" | "encouragement_visit",
      occurredOn: string,
      topic = "",
    ) => ({
      personId,
      kind,
      topic,
      occurredOn,
      communeCode: UNITS.namDa,
      recordedBy: officerA.actorId,
    });
    await db()
      .insert(activity)
      .values([
        row(covered, "counselling", "2025-08-01", "psychological"),
        row(covered, "counselling", "2025-09-01", "career"),
        row(covered, "counselling", "2025-10-01", "career"),
        row(covered, "procedure_help", "2025-08-15", "id_card"),
        row(covered, "encouragement_visit", "2025-08-20"),
        row(uncovered, "counselling", "2025-08-01", "psychological"),
        row(uncovered, "counselling", "2025-08-02", "psychological"),
        row(uncovered, "procedure_help", "2025-08-15", "health_insurance"),
        row(uncovered, "procedure_help", "2025-08-16", "id_card"),
        row(uncovered, "encouragement_visit", "2025-08-20"),
      ]);
    // The commune as a whole has them all: the model narrows to its persons.
    const commune = await computeIndicators(db(), { communeCodes: [UNITS.namDa], from: LAUNCH, to: TODAY });
    expect(commune).toMatchObject({ counselling: 5, procedureHelps: 3, encouragementVisits: 2 });

    const before = await db()
      .select({ n: count() })
      .from(auditEvent)
      .where(eq(auditEvent.purpose, "reintegration_model"));
    const page = await call(modelPage.loader, modelPath, officerA.cookie, { id: modelId });
    expect(page.status).toBe(200);
    const data = await page.json();
    expect(data.period).toEqual({ from: LAUNCH, to: TODAY, adjusted: false });
    const figure = (key: string) => data.figures.find((f: { key: string }) => f.key === key)?.value;
    expect(figure("counselling")).toBe(3);
    expect(figure("procedureHelps")).toBe(1);
    expect(figure("encouragementVisits")).toBe(1);

    // A chosen period narrows further; a reversed one falls back to the model's whole life.
    const september = await (
      await call(modelPage.loader, `${modelPath}?from=2025-09-01&to=2025-09-30`, officerA.cookie, { id: modelId })
    ).json();
    expect(september.figures.find((f: { key: string }) => f.key === "counselling").value).toBe(1);
    const reversed = await (
      await call(modelPage.loader, `${modelPath}?from=2025-12-01&to=2025-01-01`, officerA.cookie, { id: modelId })
    ).json();
    expect(reversed.period).toEqual({ from: LAUNCH, to: TODAY, adjusted: true });

    // The covered persons' names are shown to the officer, each one audited.
    expect(data.persons.map((p: { fullName: string }) => p.fullName).sort()).toEqual(
      ["Hà Văn Đã Rời", "Đỗ Văn Được Giúp"].sort(),
    );
    const after = await db()
      .select({ n: count() })
      .from(auditEvent)
      .where(and(eq(auditEvent.purpose, "reintegration_model"), eq(auditEvent.action, "view")));
    expect(Number(after[0]!.n) - Number(before[0]!.n)).toBeGreaterThanOrEqual(2);
    const html = render(modelPage.default, data);
    expect(html).toContain("Mô hình 5+1");
    expect(html).toContain("Công an xã Nam Đà");
    expect(html).toContain("Đỗ Văn Được Giúp");
    expect(html).not.toContain("Vũ Văn Ngoài Mô Hình");
  });

  it("offers only persons of its commune in the officer's reach", async () => {
    const page = await (
      await call(modelPage.loader, `${modelPath}?find=1&q=`, officerA.cookie, { id: modelId })
    ).json();
    const offered = page.picker.persons.map((p: { id: string }) => p.id);
    expect(offered).toContain(uncovered);
    expect(offered).toContain(leaver);
    expect(offered).not.toContain(covered);
    expect(offered).not.toContain(outsider);
  });

  it("answers 404 outside the officer's communes and for ids that are not ids; nothing is written", async () => {
    expect((await call(modelPage.loader, modelPath, officerB.cookie, { id: modelId })).status).toBe(404);
    const members = await countOf(modelSteeringMember);
    const persons = await countOf(modelPerson);
    expect(
      (
        await call(
          modelPage.action,
          modelPath,
          officerB.cookie,
          { id: modelId },
          { intent: "addMember", organizationName: "Hội Nông dân" },
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await call(
          modelPage.action,
          modelPath,
          officerB.cookie,
          { id: modelId },
          { intent: "addPerson", personId: outsider, joinedOn: "2025-07-01" },
        )
      ).status,
    ).toBe(404);
    expect(await countOf(modelSteeringMember)).toBe(members);
    expect(await countOf(modelPerson)).toBe(persons);
    expect((await call(modelPage.loader, "/officer/models/x", officerA.cookie, { id: "x" })).status).toBe(404);
    expect((await call(modelPage.action, modelPath, officerA.cookie, { id: modelId }, { intent: "nope" })).status).toBe(
      400,
    );
    const list = await (await call(modelsPage.loader, "/officer/models", officerB.cookie)).json();
    expect(list.models).toEqual([]);
  });
});
