import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";

import { grantConsent, withdrawConsent } from "~/modules/consent/consent.server";
import { consentSchema } from "~/modules/consent/schema.server";
import { searchCandidates } from "~/modules/matching/candidates.server";
import { registerPerson } from "~/modules/persons/intake.server";
import { intakeSchema } from "~/modules/persons/schema.server";
import { setClock } from "~/utils/clock.server";
import { sweepExpired } from "~/worker/tasks.server";

import { auditEvent, referralRequest } from "../../db/schema";
import { UNITS } from "../factories";
import { consentForm, createOfficerScope, createPerson, giveConsent, intakeForm } from "../factories/persons";
import { drainOutbox, setupIntegration } from "../setup/integration";

const ctx = setupIntegration({ indexes: true });

const drain = () => drainOutbox(ctx.handle.db, ctx.search);

afterEach(() => setClock(undefined));

describe("intake", () => {
  it("checks eligibility: age 15+, already released, living in the officer's communes", async () => {
    const officer = await createOfficerScope();
    const young = await registerPerson(officer, intakeSchema.parse(intakeForm({ dateOfBirth: "2015-01-01" })));
    expect(young).toMatchObject({ ok: false, errors: { dateOfBirth: { key: "persons.error.tooYoung" } } });
    const future = await registerPerson(officer, intakeSchema.parse(intakeForm({ releaseDate: "2099-01-01" })));
    expect(future).toMatchObject({ ok: false, errors: { releaseDate: { key: "persons.error.notReleased" } } });
    const elsewhere = await registerPerson(officer, intakeSchema.parse(intakeForm({ communeCode: UNITS.luongSon })));
    expect(elsewhere).toMatchObject({ ok: false, errors: { communeCode: { key: "persons.error.communeOutOfScope" } } });
    const unknownTrade = await registerPerson(
      officer,
      intakeSchema.parse(
        intakeForm({ trades: ["99999"], bannedOccupations: ["72311", "12345"], occupationBanEndsOn: "2030-01-01" }),
      ),
    );
    expect(unknownTrade).toMatchObject({
      ok: false,
      errors: { trades: { key: "validation.choose" }, bannedOccupations: { key: "validation.choose" } },
    });
  });

  it("shows a likely duplicate instead of creating it, and creates it once the officer confirms", async () => {
    const officer = await createOfficerScope();
    await createPerson(officer, { fullName: "Trần Văn Bình", dateOfBirth: "1988-02-03", citizenId: "068088001234" });
    const sameId = await registerPerson(
      officer,
      intakeSchema.parse(intakeForm({ fullName: "Tran Van Binh B", citizenId: "068088001234" })),
    );
    expect(sameId).toMatchObject({ ok: false, duplicates: [{ reason: "citizen_id", fullName: "Trần Văn Bình" }] });
    // Accents and spacing do not hide a duplicate name with the same birth date in the province.
    const sameName = await registerPerson(
      officer,
      intakeSchema.parse(intakeForm({ fullName: "tran  van binh", dateOfBirth: "1988-02-03" })),
    );
    expect(sameName).toMatchObject({ ok: false, duplicates: [{ reason: "name_birth" }] });
    const confirmed = await registerPerson(
      officer,
      intakeSchema.parse(
        intakeForm({ fullName: "tran  van binh", dateOfBirth: "1988-02-03", confirmNotDuplicate: "on" }),
      ),
    );
    expect(confirmed.ok).toBe(true);
    // An officer of another province only learns that a record exists, not whose.
    const other = await createOfficerScope([UNITS.luongSon], UNITS.phuTho);
    const fromOther = await registerPerson(
      other,
      intakeSchema.parse(intakeForm({ communeCode: UNITS.luongSon, fullName: "Khác", citizenId: "068088001234" })),
    );
    expect(fromOther).toMatchObject({ ok: false, duplicates: [{ id: null, fullName: "", reason: "citizen_id" }] });
  });
});

describe("consent and the candidates index", () => {
  it("a person is a candidate only with a live matching consent; withdrawal removes them at once", async () => {
    const officer = await createOfficerScope();
    const personId = await createPerson(officer, { fullName: "Lê Văn Cường" });
    await drain();
    expect((await searchCandidates(officer, { q: "sua xe may" })).map((h) => h.id)).not.toContain(personId);

    const grantId = await giveConsent(officer, personId);
    await drain();
    const found = await searchCandidates(officer, { q: "sua xe may" });
    expect(found.map((h) => h.id)).toContain(personId);
    const hit = found.find((h) => h.id === personId)!;
    expect(hit.fullName).toBe("Lê Văn Cường");

    // The index document holds only what matching needs.
    const doc = await ctx.search.index("candidates").getDocument(personId);
    expect(Object.keys(doc).sort()).toEqual(
      [
        "availableFrom",
        "bannedOccupationCodes",
        "communeCode",
        "expectedWage",
        "id",
        "occupationsWanted",
        "occupationsWantedNames",
        "preferredProvinceCode",
        "provinceCode",
        "skills",
        "tradeNames",
        "trades",
        "updatedAt",
        "willingToMove",
      ].sort(),
    );
    const values = JSON.stringify(Object.values(doc));
    expect(values).not.toContain("Lê Văn Cường");
    expect(values).not.toContain("property");

    // Another commune's officer never sees them.
    const other = await createOfficerScope([UNITS.luongSon], UNITS.phuTho);
    expect((await searchCandidates(other, { q: "sua xe may" })).map((h) => h.id)).not.toContain(personId);

    await ctx.handle.db.insert(referralRequest).values({ personId, kind: "job", listingId: personId });
    expect(
      await withdrawConsent({ id: officer.actorId, role: "officer" }, { personId, grantId, scope: officer }),
    ).toEqual({ ok: true });
    // No drain: gone in the same request.
    expect((await searchCandidates(officer, { q: "sua xe may" })).map((h) => h.id)).not.toContain(personId);
    await expect(ctx.search.index("candidates").getDocument(personId)).rejects.toThrow();
    const [request] = await ctx.handle.db.select().from(referralRequest).where(eq(referralRequest.personId, personId));
    expect(request.status).toBe("withdrawn");

    const events = await ctx.handle.db.select().from(auditEvent).where(eq(auditEvent.personId, personId));
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(["create", "consent_grant", "view", "consent_withdraw"]),
    );
  });

  it("an expired consent stops matching even before the sweeper, which then clears the index", async () => {
    const officer = await createOfficerScope();
    const personId = await createPerson(officer, { fullName: "Phạm Văn Dũng", citizenId: "068090004321" });
    await giveConsent(officer, personId, { validMonths: "1" });
    await drain();
    expect((await searchCandidates(officer, { q: "sua xe may" })).map((h) => h.id)).toContain(personId);
    setClock({ offsetMs: 40 * 86_400_000 });
    expect((await searchCandidates(officer, { q: "sua xe may" })).map((h) => h.id)).not.toContain(personId);
    await sweepExpired(ctx.handle.db);
    await drain();
    setClock(undefined);
    await expect(ctx.search.index("candidates").getDocument(personId)).rejects.toThrow();
  });

  it("refuses bundled or unsupported evidence and never shares record status without its own purpose", async () => {
    const officer = await createOfficerScope();
    const personId = await createPerson(officer, { fullName: "Đỗ Văn Em", citizenId: "068090005555" });
    const bundled = consentSchema.safeParse(
      consentForm({ purposes: ["matching"], shareableFields: ["record_status"] }),
    );
    expect(bundled.success).toBe(false);
    const upload = consentSchema.parse(consentForm({ evidenceKind: "upload", paperFormNumber: "" }));
    const fake = { name: "dong-y.jpg", type: "image/jpeg", bytes: Buffer.from("<script>alert(1)</script>") };
    expect(await grantConsent(officer, personId, upload, fake)).toMatchObject({
      ok: false,
      errors: { evidenceFile: { key: "consent.error.file" } },
    });
    const jpeg = {
      name: "dong-y.jpg",
      type: "image/jpeg",
      bytes: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100)]),
    };
    expect(await grantConsent(officer, personId, upload, jpeg)).toMatchObject({ ok: true });
    // A guessed id outside the officer's scope is simply not found.
    const other = await createOfficerScope([UNITS.luongSon], UNITS.phuTho);
    expect(await grantConsent(other, personId, consentSchema.parse(consentForm()))).toEqual({
      ok: false,
      notFound: true,
    });
  });
});
