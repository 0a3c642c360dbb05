import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { forbiddenWordsIn } from "~/modules/notifications/forbidden-words";

import { freePort } from "../../search/launcher";
import { startEsmsServer } from "../fakes/esms-server";
import { startFakeSmtp } from "../fakes/smtp";
import { startFakeZns } from "../fakes/zns-server";
import { DEMO, fillLogin, mainText, PHONE, screenshot, setupBrowser } from "../setup/browser";

/*
 * Issue 13's "done when": the repair-shop story with deliveries. The app runs with real channel adapters
 * pointed at local servers that speak each provider's documented contract and stand in for them (eSMS for
 * SMS, Zalo ZNS, an SMTP server): nothing leaves the machine. The app's clock is moved through a file.
 */
const esms = await startEsmsServer({
  port: await freePort(),
  apiKey: "e2e-key",
  secretKey: "e2e-secret",
  brandnames: ["ChungTay"],
});
const zns = await startFakeZns({ accessToken: "e2e-oa-token" });
const smtp = await startFakeSmtp();
const clockFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ct-clock-")), "offset-days");

/** The app's "now" as an offset in (fractional) days: 10:00 in Vietnam, `days` after tomorrow. */
function moveClockTo(days: number, hour = 10, minute = 0) {
  const vnNow = new Date(Date.now() + 7 * 3_600_000);
  const target =
    Date.UTC(vnNow.getUTCFullYear(), vnNow.getUTCMonth(), vnNow.getUTCDate() + 1 + days, hour, minute) - 7 * 3_600_000;
  fs.writeFileSync(clockFile, String((target - Date.now()) / 86_400_000));
}
/** The app's calendar date (YYYY-MM-DD), `days` after tomorrow. */
function appDate(days: number): string {
  const vnNow = new Date(Date.now() + 7 * 3_600_000);
  return new Date(Date.UTC(vnNow.getUTCFullYear(), vnNow.getUTCMonth(), vnNow.getUTCDate() + 1 + days))
    .toISOString()
    .slice(0, 10);
}
moveClockTo(0);

const e2e = setupBrowser({
  ownApp: {
    env: {
      TEST_CLOCK_FILE: clockFile,
      ESMS_URL: esms.url,
      ESMS_API_KEY: "e2e-key",
      ESMS_SECRET_KEY: "e2e-secret",
      ESMS_BRANDNAME: "ChungTay",
      ZNS_URL: zns.url,
      ZNS_ACCESS_TOKEN: "e2e-oa-token",
      SMTP_URL: smtp.url,
      MAIL_FROM: "Chung Tay <no-reply@chungtay.test>",
    },
  },
});
afterAll(async () => {
  await Promise.all([esms.close(), zns.stop(), smtp.stop()]);
  fs.rmSync(path.dirname(clockFile), { recursive: true, force: true });
});

const MR_H_PHONE = "0900000001";
const SHOP_PHONE_ZNS = "84905123456";
const JOB = "Thợ sửa xe máy";

/** Wait until `find` returns something (the worker sends within a tick or two). */
async function eventually<T>(what: string, find: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const smsTo = (phone: string) => esms.messages.filter((m) => m.body.Phone === phone).map((m) => String(m.body.Content));

/** Every message that left the app in this run, as its recipient reads it. */
function everythingSent(): string[] {
  return [
    ...esms.messages.map((m) => String(m.body.Content)),
    ...zns.messages.map((m) => Object.values(m.templateData).join(" ")),
    ...smtp.messages.flatMap((m) => [m.headers.subject ?? "", m.text]),
  ];
}

async function smsCodeFor(phone: string, after: number): Promise<string> {
  const text = await eventually("the reset code", () =>
    smsTo(phone)
      .slice(after)
      .find((t) => /\b\d{6}\b/.test(t)),
  );
  return /\b(\d{6})\b/.exec(text)![1]!;
}

describe("issue 13: people reached outside the app", () => {
  it(
    "the officer's referral reaches the shop by Zalo and e-mail, Mr H. gets his reminder by SMS the day before, his offer waits for his yes",
    { timeout: 300_000 },
    async () => {
      const officer = await e2e.pageAs(DEMO.officerNamDa);

      // 1. Mr H. agrees, on the paper form, to be texted (a purpose of its own).
      await officer.goto("/officer/persons?q=Nguy%E1%BB%85n+V%C4%83n+H.");
      await officer.locator("main a", { hasText: "Nguyễn Văn H." }).first().click();
      await officer.waitForURL((url) => /^\/officer\/persons\/[0-9a-f-]{36}$/.test(url.pathname));
      const personUrl = new URL(officer.url()).pathname;
      const consent = officer
        .locator("main form")
        .filter({ has: officer.locator('input[name="intent"][value="grant-consent"]') });
      for (const purpose of ["matching", "share_contact", "contact_sms"])
        await consent.locator(`input[name="purposes"][value="${purpose}"]`).check();
      for (const field of ["full_name", "age", "skills", "trades"])
        await consent.locator(`input[name="shareableFields"][value="${field}"]`).check();
      await consent.locator('input[name="givenOn"]').fill(appDate(0));
      await consent.locator('input[name="evidenceKind"][value="paper_form"]').check();
      await consent.locator('input[name="paperFormNumber"]').fill("HCD-02/2026/SMS1");
      await consent.locator('button[type="submit"]').click();
      await officer.locator("main").getByText("HCD-02/2026/SMS1").first().waitFor();

      // 2. The officer refers him to the repair shop's job.
      await officer.goto(`${personUrl}/matches`);
      const first = officer.locator("section[aria-labelledby='match-jobs'] ol.match-list > li").first();
      await first.waitFor();
      expect(await first.innerText()).toContain(JOB);
      await first.locator("a", { hasText: /Giới thiệu/ }).click();
      const refer = officer.locator("main form").filter({ has: officer.locator('input[name="listingId"]') });
      await refer.locator('button[type="submit"]').click();
      await officer.waitForURL((url) => /^\/officer\/referrals\/[0-9a-f-]{36}$/.test(url.pathname));
      const referralId = new URL(officer.url()).pathname.split("/").pop()!;

      // 3. The shop hears at once on Zalo (its approved template) and by e-mail; Mr H. by text.
      const zalo = await eventually("the shop's Zalo message", () =>
        zns.messages.find((m) => m.phone === SHOP_PHONE_ZNS && m.templateData.title === JOB),
      );
      expect(zalo.templateData.link).toMatch(/\/n\/[A-Za-z0-9_-]{8}$/);
      const mail = await eventually("the shop's e-mail", () =>
        smtp.messages.find((m) => m.envelope.to.includes(DEMO.employer) && m.text.includes(JOB)),
      );
      expect(mail.text).toContain("Có người lao động mới được giới thiệu");
      expect(mail.headers["list-unsubscribe"]).toMatch(/\/n\//);
      await eventually("Mr H.'s text about the referral", () =>
        smsTo(MR_H_PHONE).find((t) => t.startsWith("Chung Tay: Co mot co hoi moi danh cho ban")),
      );

      // The Zalo link opens the referral for the shop once logged in, and shows nothing to anyone else.
      const stranger = await e2e.page();
      await stranger.goto(new URL(zalo.templateData.link!).pathname);
      expect(await mainText(stranger)).not.toContain(JOB);
      const employer = await e2e.pageAs(DEMO.employer);
      await employer.goto(new URL(zalo.templateData.link!).pathname);
      await employer.waitForURL((url) => url.pathname === `/employer/referrals/${referralId}`);

      // 4. The shop sets an interview in two days, at 09:00.
      const interview = employer.locator("form.referral-move--interview");
      await interview.locator('input[name="interviewAt"]').fill(`${appDate(2)}T09:00`);
      await interview.locator('input[name="interviewPlace"]').fill("Tiệm sửa xe, thôn Nam Tiến");
      await interview.locator('button[type="submit"]').click();
      await eventually("Mr H.'s text about the interview", () =>
        smsTo(MR_H_PHONE).find((t) => t.includes("muon hen gap ban")),
      );

      // 5. The next day, the day before the interview, the reminder reaches him by SMS (and the shop on Zalo).
      const textsBefore = smsTo(MR_H_PHONE).length;
      expect(smsTo(MR_H_PHONE).some((t) => t.includes("Nhac ban lich hen gap ngay mai"))).toBe(false);
      moveClockTo(1, 10);
      const reminder = await eventually(
        "the interview reminder",
        () =>
          smsTo(MR_H_PHONE)
            .slice(textsBefore)
            .find((t) => t.includes("Nhac ban lich hen gap ngay mai")),
        60_000,
      );
      expect(reminder).toContain("09:00");
      await eventually("the shop's Zalo reminder", () =>
        zns.messages.find((m) => m.phone === SHOP_PHONE_ZNS && m.templateData.date === "09:00"),
      );

      // 6. The shop offers him the job: it waits for his yes, and he is told so.
      await employer.goto(`/employer/referrals/${referralId}`);
      await employer.locator("form.referral-move--offer button[type='submit']").click();
      await employer.locator("main").getByText("Đang chờ người lao động trả lời").first().waitFor();
      await eventually("the offer text", () => smsTo(MR_H_PHONE).find((t) => t.includes("muon nhan ban")));
      const mrH = await e2e.pageAs(MR_H_PHONE);
      await mrH.setViewportSize(PHONE);
      await mrH.goto("/me/referrals");
      await screenshot(mrH, "deliveries-1-offer-waits-for-his-yes");
      await mrH.locator("form.referral-answer--yes button[type='submit']").first().click();
      await mrH.waitForURL((url) => url.searchParams.get("done") === "person_accepted");

      // 7. Every message that left the app names no prison, sentence, offence or police file.
      const sent = everythingSent();
      expect(sent.length).toBeGreaterThanOrEqual(6);
      for (const text of sent) expect({ text, found: forbiddenWordsIn(text) }).toEqual({ text, found: [] });
    },
  );

  it("a saved search sends one digest when a matching job is posted", { timeout: 180_000 }, async () => {
    const mrH = await e2e.pageAs(MR_H_PHONE);
    await mrH.goto("/jobs?q=ph%E1%BB%A5+b%E1%BA%BFp");
    await mrH.locator("form.save-search button[type='submit']").click();
    await mrH.waitForURL((url) => url.pathname === "/me/saved");
    const before = smsTo(MR_H_PHONE).length;

    const employer = await e2e.pageAs(DEMO.employer);
    await employer.goto("/employer/jobs/new");
    const form = employer.locator("main form").filter({ has: employer.locator('input[name="title"]') });
    await form.locator('input[name="title"]').fill("Phụ bếp quán cơm");
    await form.locator('select[name="occupationCode"]').selectOption("72311");
    await form.locator('textarea[name="description"]').fill("Phụ bếp, rửa rau, dọn quán. Có bữa trưa.");
    await form.locator('input[name="employmentType"][value="full_time"]').check();
    await form.locator('input[name="openings"]').fill("1");
    await form.locator('input[name="workplaceAddress"]').fill("Thôn Nam Thanh, Quốc lộ 28");
    await form.locator('textarea[name="skills"]').fill("rửa rau, nấu cơm");
    await form.locator('input[name="wageMin"]').fill("4.000.000");
    await form.locator('input[name="wageMax"]').fill("5.000.000");
    await form.locator('input[name="benefits"][value="meals"]').check();
    await form.locator('input[name="closesAt"]').fill(appDate(20));
    await form.locator('button[name="intent"][value="publish"]').click();
    await employer
      .waitForURL((url) => url.pathname === "/employer/jobs")
      .catch(async (e) => {
        throw new Error(`${e}\n${await mainText(employer)}`);
      });
    await employer.locator("main").getByText("Phụ bếp quán cơm").first().waitFor();

    moveClockTo(3, 10); // the next morning: the daily digest is due
    const alert = await eventually(
      "the job alert",
      () =>
        smsTo(MR_H_PHONE)
          .slice(before)
          .find((t) => t.includes("viec lam moi hop voi tim kiem")),
      90_000,
    );
    expect(alert).toContain("phu bep");
    await new Promise((r) => setTimeout(r, 3_000));
    expect(
      smsTo(MR_H_PHONE)
        .slice(before)
        .filter((t) => t.includes("viec lam moi")),
    ).toHaveLength(1);
  });

  it("a person recovers a forgotten password with a code sent by SMS", { timeout: 120_000 }, async () => {
    const page = await e2e.page();
    await page.setViewportSize(PHONE);
    await page.goto("/login");
    await page.locator("main a", { hasText: "Quên mật khẩu?" }).click();
    await page.waitForURL((url) => url.pathname === "/forgot-password");
    await page.locator("main h1", { hasText: "Quên mật khẩu" }).waitFor();
    await page.locator('input[name="identifier"]').fill(MR_H_PHONE);
    const before = smsTo(MR_H_PHONE).length;
    await page.locator("main form button[type='submit']").click();
    await page
      .waitForURL((url) => url.pathname === "/reset-password")
      .catch(async (e) => {
        throw new Error(`${e}\n${page.url()}\n${await mainText(page)}`);
      });
    const code = await smsCodeFor(MR_H_PHONE, before);
    await page.locator('input[name="phone"]').fill(MR_H_PHONE);
    await page.locator('input[name="code"]').fill(code);
    await page.locator('input[name="password"]').fill("XeMayMoi2027");
    await page.locator('input[name="passwordConfirm"]').fill("XeMayMoi2027");
    await screenshot(page, "deliveries-2-reset-password-phone");
    await page.locator("main form button[type='submit']").click();
    await page.waitForURL((url) => url.pathname === "/login" && url.searchParams.get("reset") === "1");
    await fillLogin(page, MR_H_PHONE, "XeMayMoi2027");
    await page.waitForURL((url) => url.pathname.startsWith("/me"));
  });

  it(
    "killing the SMS gateway mid-run leaves texts queued, delivered once when it is back",
    { timeout: 180_000 },
    async () => {
      const admin = await e2e.pageAs(DEMO.adminLamDong);
      const officer = await e2e.pageAs(DEMO.officerNamDa);
      await esms.stop();
      const before = smsTo(MR_H_PHONE).length;
      moveClockTo(3, 9);
      await officer.goto("/officer/referrals");
      const received = esms.messages.length;
      // Queue a text: the person asks nothing; the officer withdraws nothing; the simplest notice is a new referral.
      await officer.goto("/officer/persons?q=Nguy%E1%BB%85n+V%C4%83n+H.");
      await officer.locator("main a", { hasText: "Nguyễn Văn H." }).first().click();
      await officer.waitForURL((url) => /^\/officer\/persons\/[0-9a-f-]{36}$/.test(url.pathname));
      const personUrl = new URL(officer.url()).pathname;
      await officer.goto(`${personUrl}/matches`);
      // Another job that matches him (the repair shop's is already referred).
      const another = officer
        .locator("section[aria-labelledby='match-jobs'] ol.match-list > li")
        .filter({ has: officer.locator("a", { hasText: /Giới thiệu/ }) })
        .first();
      await another.locator("a", { hasText: /Giới thiệu/ }).click();
      await officer
        .locator("main form")
        .filter({ has: officer.locator('input[name="listingId"]') })
        .locator('button[type="submit"]')
        .click();
      await officer.waitForURL((url) => /^\/officer\/referrals\/[0-9a-f-]{36}$/.test(url.pathname));

      // The gateway is down: the text waits in the queue, with the reason, for the admin to see.
      const waiting = admin
        .locator("li.delivery[data-channel='sms'][data-status='queued']")
        .filter({ hasText: "+84900000001" })
        .first();
      const deadline = Date.now() + 20_000;
      let shown = "";
      while (!/eSMS unreachable|ECONNREFUSED|fetch failed|connect/i.test(shown) && Date.now() < deadline) {
        await admin.goto("/admin/deliveries?show=all");
        shown = (await waiting.count()) ? await waiting.innerText() : "";
      }
      expect(shown).toMatch(/ECONNREFUSED|fetch failed|connect|unreachable/i);
      await screenshot(admin, "deliveries-3-admin-sees-queued-text");
      expect(esms.messages.length).toBe(received);

      // Back up: the retry (30 s later on the app's clock) delivers it, once.
      await esms.start();
      moveClockTo(4, 9, 2);
      const delivered = await eventually(
        "the queued text",
        () =>
          smsTo(MR_H_PHONE)
            .slice(before)
            .find((t) => t.includes("Co mot co hoi moi danh cho ban")),
        60_000,
      );
      await new Promise((r) => setTimeout(r, 3_000));
      expect(
        smsTo(MR_H_PHONE)
          .slice(before)
          .filter((t) => t === delivered),
      ).toHaveLength(1);
    },
  );
});
