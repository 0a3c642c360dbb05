import fs from "node:fs";
import path from "node:path";

import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { db } from "../../db/client.server";
import { followUp, notification } from "../../db/schema";
import { createUser, UNITS } from "../factories";
import { createOrgMember, publishJob } from "../factories/marketplace";
import { createOfficerScope, createPerson, giveConsent } from "../factories/persons";
import { acceptReferral, placeFromReferral, refer } from "../factories/referrals";
import { setupIntegration } from "../setup/integration";

setupIntegration();

const MIGRATION = path.resolve(import.meta.dirname, "../../db/migrations/0015_notification_names_to_references.sql");

/** Migration 0015 run again on rows written the old way (a copy of the name in params). */
async function runMigration() {
  for (const statement of fs.readFileSync(MIGRATION, "utf8").split("--> statement-breakpoint")) {
    if (statement.replace(/--.*$/gm, "").trim()) await db().execute(sql.raw(statement));
  }
}

describe("migration 0015: officers' notifications keep a reference, not a name", () => {
  it("turns each copied name into the person's id where the link says who, and into 'a person' elsewhere", async () => {
    const officer = await createOfficerScope([UNITS.namDa]);
    const personId = await createPerson(officer, { fullName: "Lò Văn Cũ", dateOfBirth: "1985-05-05" });
    await giveConsent(officer, personId);
    const org = await createOrgMember("employer");
    const job = await publishJob(org);
    const referralId = await refer(officer, personId, "job", job.id);
    await acceptReferral(org, referralId, officer);
    await placeFromReferral(officer, personId, referralId);
    const [due] = await db().select().from(followUp).where(eq(followUp.personId, personId)).limit(1);
    const reader = await createUser({ role: "officer", communeCodes: [UNITS.namDa] });
    const old = await db()
      .insert(notification)
      .values([
        {
          recipientId: reader.id,
          messageKey: "notify.referral.officer.referred",
          params: { title: "A", name: "Lò Văn Cũ" },
          link: `/officer/referrals/${referralId}`,
        },
        {
          recipientId: reader.id,
          messageKey: "notify.followUp.due.officer",
          params: { month: 1, name: "Lò Văn Cũ" },
          link: `/officer/follow-ups/${due!.id}`,
        },
        {
          recipientId: reader.id,
          messageKey: "notify.referral.request.created",
          params: { title: "B", name: "Lò Văn Cũ" },
          link: "/officer/referrals",
        },
        {
          recipientId: reader.id,
          messageKey: "notify.placement.created.org",
          params: { position: "C", date: "01/01/2027" },
          link: "/employer/placements",
        },
      ])
      .returning({ id: notification.id });
    await runMigration();
    const rows = await db()
      .select()
      .from(notification)
      .where(eq(notification.recipientId, reader.id))
      .orderBy(notification.id);
    expect(rows.map((r) => r.id)).toEqual(old.map((o) => o.id));
    expect(rows.map((r) => r.params)).toEqual([
      { title: "A", personId },
      { month: 1, personId },
      { title: "B", personId: "00000000-0000-0000-0000-000000000000" },
      { position: "C", date: "01/01/2027" },
    ]);
    expect(JSON.stringify(rows)).not.toContain("Lò Văn Cũ");
  });
});
