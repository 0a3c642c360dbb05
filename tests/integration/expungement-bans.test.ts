import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";

import * as officerHome from "~/routes/officer._index";
import * as expungementsPage from "~/routes/officer.expungements";
import * as listPage from "~/routes/officer.persons._index";
import * as personPage from "~/routes/officer.persons.$id";
import * as newPerson from "~/routes/officer.persons.new";
import { setClock } from "~/utils/clock.server";

import { auditEvent, releasedPerson } from "../../db/schema";
import { createUser } from "../factories";
import { intakeForm } from "../factories/persons";
import { setupIntegration } from "../setup/integration";
import { callRoute, cookieFor, routeRequest } from "../setup/routes";

const ctx = setupIntegration();

/** Communes of Lâm Đồng no other test uses: the lists below hold only this file's persons. */
const PHAN_THIET = "22945";
const BINH_THUAN = "22960";

afterEach(() => setClock(undefined));

async function officerOf(commune: string) {
  const user = await createUser({ role: "officer", communeCodes: [commune] });
  return { id: user.id, cookie: await cookieFor(user.id) };
}
type Officer = Awaited<ReturnType<typeof officerOf>>;

async function register(officer: Officer, form: Record<string, string | string[]>): Promise<string> {
  const response = await callRoute(
    newPerson.action,
    routeRequest("/officer/persons/new", {
      cookie: officer.cookie,
      form: intakeForm(form) as Record<string, string | string[]>,
    }),
  );
  expect(response.status, await response.clone().text()).toBe(302);
  return response.headers.get("Location")!.match(/persons\/([0-9a-f-]{36})/)![1];
}

const json = async <T>(answer: Promise<Response>): Promise<T> => {
  const response = await answer;
  expect(response.status).toBe(200);
  return (await response.json()) as T;
};
type Due = { automatic: { id: string; computed: { date: string } }[]; court: { id: string }[] };
type Computed = { date: string; decidedBy: string; periodEndsOn: string } | null;
const dueList = (o: Officer) =>
  json<Due>(callRoute(expungementsPage.loader, routeRequest("/officer/expungements", { cookie: o.cookie })));

describe("issue 11 §2.4: the expungement date waits for court bans", () => {
  it("a profession ban until 10/01/2027 keeps the person off /officer/expungements until that day, on every page that says due", async () => {
    const officer = await officerOf(PHAN_THIET);
    // Three years of prison completed 10/01/2024: the 2-year period alone ends 10/01/2026.
    const base = {
      communeCode: PHAN_THIET,
      offenceDate: "2020-06-01",
      releaseDate: "2024-01-10",
      mainCompletedOn: "2024-01-10",
      sentenceMonths: "36",
    };
    const banned = await register(officer, {
      ...base,
      fullName: "Phạm Văn Cấm",
      dateOfBirth: "1980-02-02",
      bannedOccupations: ["72311"],
      occupationBanEndsOn: "2027-01-10",
    });
    const free = await register(officer, { ...base, fullName: "Phạm Văn Tự", dateOfBirth: "1981-03-03" });
    setClock({ at: new Date("2026-11-15T03:00:00Z") });

    const due = await dueList(officer);
    expect(due.automatic.map((p) => p.id)).toEqual([free]);
    expect(due.automatic[0].computed.date).toBe("2026-01-10");

    // The record page: the date is the ban's end, and says why.
    const page = await json<{ person: { expungement: { computed: Computed; eligibleNow: boolean } } }>(
      callRoute(personPage.loader, routeRequest(`/officer/persons/${banned}`, { cookie: officer.cookie }), {
        id: banned,
      }),
    );
    expect(page.person.expungement).toMatchObject({
      eligibleNow: false,
      computed: { date: "2027-01-10", decidedBy: "supplementary", periodEndsOn: "2026-01-10" },
    });

    // The persons list's "due" filter and badge, and the home page's count.
    const list = await json<{ persons: { id: string; expungementDue: boolean }[] }>(
      callRoute(listPage.loader, routeRequest("/officer/persons", { cookie: officer.cookie })),
    );
    expect(Object.fromEntries(list.persons.map((p) => [p.id, p.expungementDue]))).toEqual({
      [banned]: false,
      [free]: true,
    });
    const dueOnly = await json<{ persons: { id: string }[] }>(
      callRoute(listPage.loader, routeRequest("/officer/persons?due=1", { cookie: officer.cookie })),
    );
    expect(dueOnly.persons.map((p) => p.id)).toEqual([free]);
    const home = await json<{ expungementsDue: number }>(
      callRoute(officerHome.loader, routeRequest("/officer", { cookie: officer.cookie })),
    );
    expect(home.expungementsDue).toBe(1);

    // The day the ban ends, the record is due.
    setClock({ at: new Date("2027-01-10T03:00:00Z") });
    expect((await dueList(officer)).automatic.map((p) => p.id).sort()).toEqual([banned, free].sort());
  });

  it("a residence ban moves the date too", async () => {
    const officer = await officerOf(PHAN_THIET);
    const person = await register(officer, {
      communeCode: PHAN_THIET,
      fullName: "Lý Thị Cư",
      gender: "female",
      dateOfBirth: "1979-04-04",
      offenceDate: "2020-06-01",
      releaseDate: "2024-01-10",
      mainCompletedOn: "2024-01-10",
      bannedPlaceCommunes: [PHAN_THIET],
      placeBanEndsOn: "2026-12-31",
    });
    setClock({ at: new Date("2026-11-15T03:00:00Z") });
    expect((await dueList(officer)).automatic.map((p) => p.id)).not.toContain(person);
    setClock({ at: new Date("2026-12-31T03:00:00Z") });
    expect((await dueList(officer)).automatic.map((p) => p.id)).toContain(person);
  });
});

describe("art. 70(2): the day the judgment's other decisions were completed", () => {
  const base = {
    communeCode: BINH_THUAN,
    offenceDate: "2020-06-01",
    releaseDate: "2024-01-10",
    mainCompletedOn: "2024-01-10",
    sentenceMonths: "36",
  };

  it("is taken at intake, refused in the future or before the offence with the typed values kept, and moves the date", async () => {
    setClock({ at: new Date("2026-11-15T03:00:00Z") });
    const officer = await officerOf(BINH_THUAN);
    const refused = async (otherDecisionsCompletedOn: string, key: string) => {
      const response = await callRoute(
        newPerson.action,
        routeRequest("/officer/persons/new", {
          cookie: officer.cookie,
          form: intakeForm({ ...base, fullName: "Đỗ Văn Bồi", otherDecisionsCompletedOn }) as Record<string, string>,
        }),
      );
      expect(response.status).toBe(400);
      const body = (await response.json()) as {
        values: Record<string, string>;
        errors: Record<string, { key: string }>;
      };
      expect(body.errors.otherDecisionsCompletedOn).toEqual({ key });
      expect(body.values).toMatchObject({ fullName: "Đỗ Văn Bồi", otherDecisionsCompletedOn });
    };
    await refused("2026-11-16", "persons.error.otherDecisionsInFuture");
    await refused("2020-05-31", "persons.error.otherDecisionsBeforeOffence");
    await refused("10/2026", "validation.date");

    const id = await register(officer, {
      ...base,
      fullName: "Đỗ Văn Bồi",
      dateOfBirth: "1982-05-05",
      otherDecisionsCompletedOn: "2026-03-15",
    });
    const [row] = await ctx.handle.db
      .select({ on: releasedPerson.otherDecisionsCompletedOn })
      .from(releasedPerson)
      .where(eq(releasedPerson.id, id));
    expect(row.on).toBe("2026-03-15");
    const page = await json<{ person: { expungement: { computed: Computed } } }>(
      callRoute(personPage.loader, routeRequest(`/officer/persons/${id}`, { cookie: officer.cookie }), { id }),
    );
    expect(page.person.expungement.computed).toMatchObject({ date: "2026-03-15", decidedBy: "other_decisions" });
  });

  it("is edited on the record page (audited), validated the same way, and cleared when left empty", async () => {
    setClock({ at: new Date("2026-02-01T03:00:00Z") });
    const officer = await officerOf(BINH_THUAN);
    const id = await register(officer, {
      ...base,
      fullName: "Võ Thị Phí",
      gender: "female",
      dateOfBirth: "1983-06-06",
    });
    const post = (form: Record<string, string>) =>
      callRoute(
        personPage.action,
        routeRequest(`/officer/persons/${id}`, {
          cookie: officer.cookie,
          form: { intent: "other-decisions", ...form },
        }),
        { id },
      );
    expect((await dueList(officer)).automatic.map((p) => p.id)).toContain(id);

    const future = await post({ otherDecisionsCompletedOn: "2026-02-02" });
    expect(future.status).toBe(400);
    expect(await future.json()).toMatchObject({
      intent: "other-decisions",
      values: { otherDecisionsCompletedOn: "2026-02-02" },
      errors: { otherDecisionsCompletedOn: { key: "persons.error.otherDecisionsInFuture" } },
    });
    expect((await post({ otherDecisionsCompletedOn: "2019-01-01" })).status).toBe(400);

    const saved = await post({ otherDecisionsCompletedOn: "2026-01-20" });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe(`/officer/persons/${id}?done=other-decisions`);
    // Completed ten days after the period ended: due from that day, so still due today, at the new date.
    const due = await dueList(officer);
    expect(due.automatic.find((p) => p.id === id)?.computed.date).toBe("2026-01-20");
    const edits = await ctx.handle.db
      .select({ details: auditEvent.details })
      .from(auditEvent)
      .where(and(eq(auditEvent.personId, id), eq(auditEvent.action, "edit")));
    expect(edits.map((e) => e.details)).toContainEqual({ field: "otherDecisionsCompletedOn", on: "2026-01-20" });

    // Not completed yet after all: cleared, and the date is the period's again.
    expect((await post({ otherDecisionsCompletedOn: "" })).status).toBe(302);
    const [row] = await ctx.handle.db
      .select({ on: releasedPerson.otherDecisionsCompletedOn })
      .from(releasedPerson)
      .where(eq(releasedPerson.id, id));
    expect(row.on).toBeNull();

    // Another commune's officer cannot touch it.
    const stranger = await officerOf(PHAN_THIET);
    const foreign = await callRoute(
      personPage.action,
      routeRequest(`/officer/persons/${id}`, {
        cookie: stranger.cookie,
        form: { intent: "other-decisions", otherDecisionsCompletedOn: "2026-01-01" },
      }),
      { id },
    );
    expect(foreign.status).toBe(404);
  });
});
