import { afterEach, describe, expect, it } from "vitest";

import { refreshEnv } from "~/env.server";
import { contactChoices, contactOf } from "~/modules/notifications/settings.server";
import { action as accountAction, loader as accountLoader } from "~/routes/account";
import { loader as outboxLoader } from "~/routes/dev.outbox";

import { db } from "../../db/client.server";
import { createUser, uniquePhone, UNITS } from "../factories";
import { activatePerson, createOfficerScope, createPerson, giveConsent } from "../factories/persons";
import { setupIntegration } from "../setup/integration";
import { callRoute, cookieFor, routeRequest } from "../setup/routes";

setupIntegration();

afterEach(() => {
  delete process.env.DEV_OUTBOX;
  refreshEnv();
});

describe("/account: how each user is reached outside the app", () => {
  it("starts from the role's defaults, saves the user's choice, and an officer's digest hour", async () => {
    const officer = await createUser({ role: "officer", communeCodes: [UNITS.namDa], phone: uniquePhone() });
    expect(await contactOf(db(), officer.id)).toMatchObject({ channels: ["email"], digestHour: 7, chosen: false });
    const cookie = await cookieFor(officer.id);
    const saved = await callRoute(
      accountAction,
      routeRequest("/account", { cookie, form: { intent: "contact", channels: ["sms", "email"], digestHour: "17" } }),
    );
    expect(saved.headers.get("Location")).toBe("/account?done=contact#contact");
    expect(await contactOf(db(), officer.id)).toMatchObject({
      channels: ["sms", "email"],
      digestHour: 17,
      chosen: true,
    });
    // Nothing ticked and no digest: nothing leaves the app for them.
    await callRoute(accountAction, routeRequest("/account", { cookie, form: { intent: "contact", digestHour: "" } }));
    expect(await contactOf(db(), officer.id)).toMatchObject({ channels: [], digestHour: null });
    const page = await (await callRoute(accountLoader, routeRequest("/account", { cookie }))).json();
    expect(page.contact.officer).toBe(true);
    expect(page.contact.choices.map((c: { channel: string; chosen: boolean }) => [c.channel, c.chosen])).toEqual([
      ["sms", false],
      ["zalo", false],
      ["email", false],
    ]);
  });

  it("refuses a channel the user has no address for, and a digest hour out of range", async () => {
    const employer = await createUser({ role: "employer" }); // an e-mail, no phone
    const cookie = await cookieFor(employer.id);
    await callRoute(
      accountAction,
      routeRequest("/account", { cookie, form: { intent: "contact", channels: ["sms", "email"] } }),
    );
    expect((await contactOf(db(), employer.id))!.channels).toEqual(["email"]);
    const bad = await callRoute(
      accountAction,
      routeRequest("/account", { cookie, form: { intent: "contact", channels: "pigeon", digestHour: "25" } }),
    );
    expect(bad.status).toBe(400);
    expect((await contactOf(db(), employer.id))!.channels).toEqual(["email"]);
  });

  it("shows a person whether their consent allows texts, and never offers e-mail", async () => {
    const officer = await createOfficerScope([UNITS.namDa]);
    const personId = await createPerson(officer, { fullName: "Đỗ Văn Nhắn", dateOfBirth: "1991-01-01" });
    await giveConsent(officer, personId, { purposes: ["matching", "share_contact", "contact_sms"] });
    const userId = await activatePerson(officer, personId, { phone: uniquePhone(), ip: "10.91.0.1" });
    const view = await contactChoices(userId);
    expect(view!.choices.map((c) => [c.channel, c.consent])).toEqual([
      ["sms", "given"],
      ["zalo", "needed"],
    ]);
  });
});

describe("/dev/outbox", () => {
  it("exists only with DEV_OUTBOX on (the embedded demo), never in production", async () => {
    process.env.DEV_OUTBOX = "true";
    refreshEnv();
    const shown = await callRoute(outboxLoader, routeRequest("/dev/outbox"));
    expect(shown.status).toBe(200);
    process.env.DEV_OUTBOX = "false";
    refreshEnv();
    const absent = await callRoute(outboxLoader, routeRequest("/dev/outbox"));
    expect(absent.status).toBe(404);
  });
});
