import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { staffScope } from "~/auth/scope.server";
import { authenticate, startSession } from "~/auth/session.server";
import { searchCandidates } from "~/modules/matching/candidates.server";
import { contactChoices } from "~/modules/notifications/settings.server";
import { listPersons } from "~/modules/persons/list.server";
import { expungementOf } from "~/modules/persons/record.server";

import { appUser, conviction, releasedPerson } from "../../db/schema";
import { seedDemoData } from "../../db/seed/demo";
import { drainOutbox, setupIntegration } from "../setup/integration";

const ctx = setupIntegration({ indexes: true });

async function asUser(email: string) {
  const [user] = await ctx.handle.db.select({ id: appUser.id }).from(appUser).where(eq(appUser.email, email));
  const cookie = (await startSession(user.id)).split(";")[0];
  const auth = await authenticate(new Request("http://x/", { headers: { Cookie: cookie } }));
  if (!auth.user) throw new Error("no session");
  return auth.user;
}

describe("demo released persons", () => {
  it("seeds varied persons in xã Nam Đà and xã Lương Sơn, Mr Nguyễn Văn H. linked to the phone login, once", async () => {
    await seedDemoData(ctx.handle.db);
    const before = await ctx.handle.db.select({ id: releasedPerson.id }).from(releasedPerson);
    await seedDemoData(ctx.handle.db);
    expect(await ctx.handle.db.select({ id: releasedPerson.id }).from(releasedPerson)).toHaveLength(before.length);

    const persons = await ctx.handle.db.select().from(releasedPerson);
    expect(persons.filter((p) => p.communeCode === "24697").length).toBeGreaterThanOrEqual(5);
    expect(persons.filter((p) => p.communeCode === "04924").length).toBeGreaterThanOrEqual(4);
    expect(new Set(persons.map((p) => p.status))).toEqual(new Set(["active", "closed"]));

    const h = persons.find((p) => p.fullName === "Nguyễn Văn H.")!;
    expect(h).toMatchObject({ communeCode: "24697", trades: ["72311"] });
    const [login] = await ctx.handle.db.select().from(appUser).where(eq(appUser.phone, "0900000001"));
    expect(h.userId).toBe(login.id);
    // He agreed to be texted, so the demo outbox shows what reaches his phone (and nothing by Zalo).
    const reach = await contactChoices(login.id);
    expect(reach!.choices.map((c) => [c.channel, c.address, c.consent])).toEqual([
      ["sms", "+84900000001", "given"],
      ["zalo", "+84900000001", "needed"],
    ]);
    const convictions = await ctx.handle.db.select().from(conviction).where(eq(conviction.personId, h.id));
    expect(convictions).toMatchObject([{ penalty: "prison", sentenceMonths: 36 }]);
    expect(expungementOf(h, convictions, []).computed).toMatchObject({ kind: "automatic", date: "2027-05-20" });
  });

  it("the Nam Đà officer finds him as a candidate for motorbike repair; the Lương Sơn officer does not", async () => {
    await drainOutbox(ctx.handle.db, ctx.search);
    const namDa = await staffScope(await asUser("officer.namda@chungtay.test"));
    const luongSon = await staffScope(await asUser("officer.luongson@chungtay.test"));
    expect((await searchCandidates(namDa, { q: "sua xe may" })).map((c) => c.fullName)).toContain("Nguyễn Văn H.");
    expect((await searchCandidates(luongSon, { q: "sua xe may" })).map((c) => c.fullName)).not.toContain(
      "Nguyễn Văn H.",
    );
    // The person whose matching consent expired is on the list but not a candidate.
    expect((await searchCandidates(namDa, { q: "chan nuoi" })).map((c) => c.fullName)).not.toContain("Đinh Văn Lực");
    expect((await listPersons(namDa, { q: "Lực" })).persons.map((p) => p.fullName)).toContain("Đinh Văn Lực");
  });
});
