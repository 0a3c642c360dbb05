import { describe, expect, it } from "vitest";

import { ARTIFACTS, DEMO, mainText, PHONE, screenshot, setupBrowser } from "../setup/browser";

/*
 * Issue 11, defects 2 and 3 in the browser: Mr Nguyễn Văn H. (demo) agreed to job matching and to sharing
 * his phone. He is referred to the repair shop with his phone; he then withdraws only the phone at
 * /me/consents. Matching stays given, and the employer's referral page no longer shows the number.
 * Its own app: withdrawing the demo person's consent must not change what other files see.
 */
const e2e = setupBrowser({ ownApp: {} });

const NAME = "Nguyễn Văn H.";
const PHONE_NUMBER = "0900000001";

describe("a person withdraws one purpose of their consent", () => {
  it("keeps the other purpose, and the employer's referral page stops showing the phone", async () => {
    // The officer refers him to the repair shop's job, sharing his phone.
    const officer = await e2e.pageAs(DEMO.officerNamDa);
    await officer.goto("/officer/persons");
    await officer.locator("main a", { hasText: NAME }).first().click();
    await officer.waitForURL((url) => /^\/officer\/persons\/[0-9a-f-]{36}$/.test(url.pathname));
    const personUrl = new URL(officer.url()).pathname;
    await officer.goto(`${personUrl}/matches`);
    const first = officer.locator("section[aria-labelledby='match-jobs'] ol.match-list > li").first();
    await first.waitFor();
    await first.locator("a", { hasText: /Giới thiệu/ }).click();
    const refer = officer.locator("main form").filter({ has: officer.locator('input[name="listingId"]') });
    await refer.waitFor();
    expect(await refer.locator('input[name="fields"][value="phone"]').isChecked()).toBe(true);
    await refer.locator('button[type="submit"]').click();
    await officer.waitForURL((url) => /^\/officer\/referrals\/[0-9a-f-]{36}$/.test(url.pathname));
    const referralId = new URL(officer.url()).pathname.split("/").pop()!;

    const employer = await e2e.pageAs(DEMO.employer);
    await employer.goto(`/employer/referrals/${referralId}`);
    expect(await mainText(employer)).toContain(PHONE_NUMBER);

    // He withdraws only the phone, confirming first.
    const person = await e2e.pageAs(DEMO.person, { viewport: PHONE });
    await person.goto("/me/consents");
    const phonePurpose = person.locator('main li.consent-purpose[data-purpose="share_contact"]');
    await phonePurpose.locator("summary").click();
    await screenshot(person, "consent-withdraw-one-confirm-phone");
    await phonePurpose.locator('button[type="submit"]').click();
    await person.waitForURL((url) => url.searchParams.get("purpose") === "share_contact");
    await person.locator("main .alert--success").waitFor();
    const after = await mainText(person);
    expect(after).toContain("Bạn đã rút đồng ý cho việc: Cho nơi được giới thiệu biết số điện thoại.");
    const matching = person.locator('main li.consent-purpose[data-purpose="matching"]');
    expect(await matching.innerText()).toContain("Đang đồng ý");
    expect(await person.locator('main li.consent-purpose[data-purpose="share_contact"]').innerText()).toMatch(
      /Đã rút ngày \d{2}\/\d{2}\/\d{4}/,
    );
    // Matching can still be withdrawn on its own; the phone no longer can.
    expect(await matching.locator("details.withdraw").count()).toBe(1);
    expect(await person.locator('main li.consent-purpose[data-purpose="share_contact"] details.withdraw').count()).toBe(
      0,
    );
    await screenshot(person, "consent-withdraw-one-done-phone");

    // The employer's page: the rest of what was shared, and, instead of the phone, when it was withdrawn.
    await employer.goto(`/employer/referrals/${referralId}`);
    const shared = await mainText(employer);
    expect(shared).not.toContain(PHONE_NUMBER);
    expect(shared).toContain(NAME);
    expect(shared).toMatch(/người lao động đã rút đồng ý chia sẻ ngày \d{2}\/\d{2}\/\d{4}/);
    await screenshot(employer, "consent-withdraw-one-employer-desktop");
    await employer.setViewportSize(PHONE);
    await screenshot(employer, "consent-withdraw-one-employer-phone");
    const headerText = await employer.locator("header").innerText();
    expect(headerText).toMatch(/Thông báo\s*\(?\d/);

    // The officer's consent panel: the phone struck through, its history, matching still withdrawable on its own.
    await officer.goto(personUrl);
    const panel = officer.locator("#consents");
    expect(await panel.locator('li.grant-purpose--withdrawn[data-purpose="share_contact"]').count()).toBe(1);
    expect(await panel.innerText()).toMatch(
      /Cho biết số điện thoại: rút ngày \d{2}\/\d{2}\/\d{4}, do chính người lao động, trên trang cá nhân\./,
    );
    expect(await panel.locator('li.grant-purpose[data-purpose="matching"] details.withdraw').count()).toBe(1);
    await panel.locator('li.grant-purpose[data-purpose="matching"] summary').click();
    await panel.screenshot({ path: `${ARTIFACTS}/consent-withdraw-one-officer-desktop.png` });
    await officer.setViewportSize(PHONE);
    await panel.screenshot({ path: `${ARTIFACTS}/consent-withdraw-one-officer-phone.png` });
  });
});
