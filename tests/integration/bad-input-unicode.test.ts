import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";

import type { StaffScope } from "~/auth/scope.server";
import { action as newJobAction } from "~/routes/employer.jobs.new";
import { loader as jobsLoader } from "~/routes/jobs._index";
import { action as loginAction } from "~/routes/login";
import { loader as personsLoader } from "~/routes/officer.persons._index";
import { action as intakeAction } from "~/routes/officer.persons.new";
import { action as registerAction } from "~/routes/register";

import { appUser, job, releasedPerson } from "../../db/schema";
import { registrationForm, uniquePhone, UNITS } from "../factories";
import { createOrgMember, jobForm } from "../factories/marketplace";
import { createOfficerScope, intakeForm } from "../factories/persons";
import { drainOutbox, setupIntegration } from "../setup/integration";
import { callRoute, cookieFor, routeRequest } from "../setup/routes";

/*
 * Decomposed and precomposed Vietnamese are one string (issue 7). "Nguyễn" typed on macOS, by some IMEs or
 * pasted from a PDF arrives decomposed (e + U+0302 + U+0303); the app turns every form field and search box
 * into NFC at the boundary (app/utils/text.ts), so duplicates, searches and logins agree whatever was typed.
 */

const ctx = setupIntegration({ indexes: true });

const nfd = (s: string) => s.normalize("NFD");
let officer: StaffScope;
let officerCookie: string;

beforeAll(async () => {
  officer = await createOfficerScope([UNITS.namDa], UNITS.lamDong);
  officerCookie = await cookieFor(officer.actorId);
});

/** Post the intake form as the officer: the new person's id, or the 400's data. */
async function intake(fields: Record<string, string>) {
  const res = await callRoute(
    intakeAction,
    routeRequest("/officer/persons/new", {
      cookie: officerCookie,
      form: intakeForm({ phone: uniquePhone(), ...fields }),
    }),
  );
  if (res.status === 302)
    return { id: res.headers.get("Location")!.match(/persons\/([0-9a-f-]{36})/)![1]!, refused: null };
  expect(res.status).toBe(400);
  return {
    id: null,
    refused: (await res.json()) as { errors: Record<string, { key: string }>; duplicates: { fullName: string }[] },
  };
}

describe("the same name, decomposed or precomposed", () => {
  it("is stored in NFC, and the second intake of the same person is caught as a duplicate whichever form came first", async () => {
    for (const [first, second, dateOfBirth] of [
      [nfd("Nguyễn Thị Hường"), "Nguyễn Thị Hường", "1991-03-04"],
      ["Đặng Văn Quý", nfd("Đặng Văn Quý"), "1988-11-12"],
    ] as const) {
      expect(first).not.toBe(second);
      const created = await intake({ fullName: first, dateOfBirth });
      const [stored] = await ctx.handle.db
        .select({ fullName: releasedPerson.fullName })
        .from(releasedPerson)
        .where(eq(releasedPerson.id, created.id!));
      expect(stored!.fullName).toBe(first.normalize("NFC"));

      const again = await intake({ fullName: second, dateOfBirth });
      expect(again.id).toBeNull();
      expect(again.refused!.errors.confirmNotDuplicate).toEqual({ key: "persons.error.duplicate" });
      expect(again.refused!.duplicates.map((d) => d.fullName)).toContain(second.normalize("NFC"));
    }
  });

  it("a citizen ID typed with decomposed text around it still finds the person already on file", async () => {
    await intake({ fullName: "Lò Văn Căn", citizenId: "068090001234" });
    const again = await intake({ fullName: nfd("Lò Văn Căn"), citizenId: "068 090 001 234" });
    expect(again.refused!.errors.citizenId).toEqual({ key: "persons.error.duplicateCitizenId" });
  });

  it("the officer's list finds a person whichever form the name was stored and searched in", async () => {
    await intake({ fullName: nfd("Hoàng Thị Ngọc Ánh"), dateOfBirth: "1995-06-07" });
    await intake({ fullName: "Trương Văn Lộc", dateOfBirth: "1979-01-02" });
    const list = async (q: string) => {
      const res = await callRoute(
        personsLoader,
        routeRequest(`/officer/persons?q=${encodeURIComponent(q)}`, { cookie: officerCookie }),
      );
      return ((await res.json()) as { persons: { fullName: string }[]; filters: { q?: string } }).persons.map(
        (p) => p.fullName,
      );
    };
    expect(await list("Hoàng Thị Ngọc Ánh")).toContain("Hoàng Thị Ngọc Ánh");
    expect(await list(nfd("Trương Văn Lộc"))).toContain("Trương Văn Lộc");
    expect(await list(nfd("Ngọc Ánh"))).toContain("Hoàng Thị Ngọc Ánh");
  });

  it("public search finds a job typed decomposed with a precomposed query, and the other way round; the index holds NFC", async () => {
    const shop = await createOrgMember("employer");
    const cookie = await cookieFor(shop.actorId);
    const post = (title: string) =>
      callRoute(
        newJobAction,
        routeRequest("/employer/jobs/new", { cookie, form: jobForm({ title, intent: "publish" }) }),
      );
    expect((await post(nfd("Thợ hàn khung nhôm kính Điện Biên"))).status).toBe(302);
    expect((await post("Phụ bếp nhà hàng Hướng Dương")).status).toBe(302);
    const [stored] = await ctx.handle.db
      .select({ id: job.id, title: job.title })
      .from(job)
      .where(eq(job.organizationId, shop.organizationId))
      .orderBy(job.createdAt)
      .limit(1);
    expect(stored!.title).toBe("Thợ hàn khung nhôm kính Điện Biên");
    await drainOutbox(ctx.handle.db, ctx.search);

    const document = await ctx.search.raw.index(ctx.search.indexUid("jobs")).getDocument(stored!.id);
    expect(document.title).toBe("Thợ hàn khung nhôm kính Điện Biên");

    const titles = async (q: string) => {
      const res = await jobsLoader({
        request: new Request(`http://localhost/jobs?q=${encodeURIComponent(q)}`),
        params: {},
        context: { requestId: "t", cspNonce: "", clientIp: "127.0.0.1" },
      } as never);
      const data = (await (res as Response).json()) as {
        search: { q: string };
        result: { source: string; hits: { title: string }[] };
      };
      expect(data.result.source).toBe("meilisearch");
      // What the search box shows back is NFC too, whatever was typed.
      expect(data.search.q).toBe(q.normalize("NFC"));
      return data.result.hits.map((h) => h.title);
    };
    expect(await titles("hàn khung nhôm kính")).toContain("Thợ hàn khung nhôm kính Điện Biên");
    expect(await titles(nfd("Phụ bếp Hướng Dương"))).toContain("Phụ bếp nhà hàng Hướng Dương");
  });
});

describe("the same e-mail address, decomposed or precomposed", () => {
  it("is one account: registering it again is refused, and logging in with the other form works", async () => {
    const email = `hưng.${Date.now()}@ví-dụ.vn`;
    const register = (address: string) =>
      callRoute(
        registerAction,
        routeRequest("/register", { form: registrationForm({ email: address, contactPhone: uniquePhone() }) }),
      );
    expect((await register(email)).status).toBe(302);
    const [user] = await ctx.handle.db.select({ email: appUser.email }).from(appUser).where(eq(appUser.email, email));
    expect(user?.email).toBe(email);

    const again = await register(nfd(email));
    expect(again.status).toBe(400);
    expect(((await again.json()) as { errors: Record<string, { key: string }> }).errors.email).toEqual({
      key: "register.error.emailTaken",
    });

    const login = await callRoute(
      loginAction,
      routeRequest("/login", {
        form: { identifier: nfd(email.toUpperCase()), password: registrationForm().password as string },
      }),
      {},
      { requestId: "t", cspNonce: "n", clientIp: "10.88.0.1" },
    );
    expect(login.status).toBe(302);
    expect(login.headers.get("Set-Cookie")).toMatch(/./);
  });
});
