import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type RunningApp, startApp } from "../setup/app-server";
import { DEMO, SESSION_COOKIE, sessionCookie } from "../setup/browser";

/*
 * HTML and script typed into the app stay text (issue 7). The payload goes in through the real forms of the
 * built app (a job's title and description, an organisation's name at registration, a person's name and
 * experience, an activity note, a message on a referral thread), then every page that shows it is read as
 * the server sends it: the payload must be there escaped, and never as a live tag anywhere in the document,
 * the hydration data Remix inlines included. React escapes text; the one dangerouslySetInnerHTML (report
 * charts) renders only catalogue strings and counts. The app asks Meilisearch for no highlights (_formatted).
 */

const PAYLOAD = "<script>alert(1)</script><img src=x onerror=alert(1)>";
/** How React writes the payload as text: the tags' brackets escaped. */
const ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;";
/** Any of these in a page means the payload became markup (or broke out of an inline script). */
const LIVE = ["<script>alert(1)", "<img src=x onerror", "</script><img"];

let app: RunningApp;
const cookies = { officer: "", employer: "" };

beforeAll(async () => {
  app = await startApp();
  cookies.officer = `${SESSION_COOKIE}=${await sessionCookie(app.url, DEMO.officerNamDa)}`;
  cookies.employer = `${SESSION_COOKIE}=${await sessionCookie(app.url, DEMO.employer)}`;
});
afterAll(async () => {
  await app?.stop();
});

const get = async (path: string, cookie?: string) => {
  const res = await fetch(`${app.url}${path}`, { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} });
  expect(res.status, `GET ${path}`).toBe(200);
  return res.text();
};

/** A form posted as the browser does without JavaScript; the redirect's target. */
async function post(
  path: string,
  cookie: string | undefined,
  fields: Record<string, string | string[]>,
): Promise<string> {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  const res = await fetch(`${app.url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: app.url,
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body,
  });
  // On a refusal, the page's error messages say why.
  const errors = () =>
    res
      .clone()
      .text()
      .then((html) => [...html.matchAll(/class="[^"]*error[^"]*"[^>]*>([^<]+)</g)].map((m) => m[1]).join(" | "));
  if (res.status !== 302) expect.fail(`POST ${path}: ${res.status} ${await errors()}`);
  return res.headers.get("Location") ?? "";
}

function expectInert(html: string, where: string) {
  expect(html, `${where}: the payload is not shown at all, so this check proves nothing`).toContain(ESCAPED);
  for (const live of LIVE) expect(html.includes(live), `${where}: "${live}" is live markup`).toBe(false);
}

const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + 7 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10);

describe("HTML typed into forms is shown as text", () => {
  let jobId = "";
  let personId = "";

  it("a job's title and description: the public page, the search results, the employer's list", async () => {
    await post("/employer/jobs/new", cookies.employer, {
      intent: "publish",
      title: PAYLOAD,
      occupationCode: "72311",
      description: `Mô tả ${PAYLOAD}`,
      provinceCode: "68",
      communeCode: "24697",
      workplaceAddress: "Thôn Nam Thanh",
      wageMin: "5.000.000",
      wageMax: "7.000.000",
      employmentType: "full_time",
      openings: "1",
      skills: "",
      experience: "",
      startsAt: "",
      closesAt: inDays(30),
    });
    // Its id from the employer's own list; then the search results, newest first (a title made of markup has no
    // trade words to search by: decision 026), once the outbox worker has indexed it (bounded wait).
    jobId =
      (await get("/employer/jobs", cookies.employer)).match(/href="\/employer\/jobs\/([0-9a-f-]{36})"/)?.[1] ?? "";
    expect(jobId, "the job is not on the employer's list").not.toBe("");
    let results = "";
    for (let i = 0; i < 60; i++) {
      results = await get("/jobs?sort=newest");
      if (results.includes(`href="/jobs/${jobId}"`)) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(results, "the job never appeared in the search results").toContain(`href="/jobs/${jobId}"`);
    expectInert(results, "/jobs?sort=newest");
    expectInert(await get(`/jobs/${jobId}`), `/jobs/${jobId}`);
    expectInert(await get(`/jobs/${jobId}`, cookies.officer), `/jobs/${jobId} (officer)`);
    expectInert(await get("/employer/jobs", cookies.employer), "/employer/jobs");
  });

  it("an organisation's name: the verification list of the province's officer", async () => {
    await post("/register", undefined, {
      role: "employer",
      kind: "household_business",
      orgName: `Xưởng ${PAYLOAD}`,
      taxCode: "",
      provinceCode: "68",
      communeCode: "24697",
      address: "Thôn 1",
      contactName: "Nguyễn Văn Thử",
      contactPhone: "0911222333",
      email: `xss.${Date.now()}@example.vn`,
      password: "Ong-Vang-Bay-Qua-7391",
      passwordConfirm: "Ong-Vang-Bay-Qua-7391",
    });
    expectInert(await get("/organizations/review", cookies.officer), "/organizations/review");
  });

  it("a person's name and experience, and an activity note: the officer's list, record and activity log", async () => {
    const location = await post("/officer/persons/new", cookies.officer, {
      fullName: `Lê ${PAYLOAD}`.slice(0, 120),
      gender: "male",
      dateOfBirth: "1990-01-02",
      citizenId: "",
      phone: "",
      address: "Thôn Nam Tiến",
      communeCode: "24697",
      releaseDate: "2025-05-20",
      releaseType: "completed",
      offenceDate: "2022-03-10",
      offenceCategory: "property",
      penalty: "prison",
      sentenceMonths: "36",
      mainCompletedOn: "2025-05-20",
      experience: PAYLOAD,
      confirmNotDuplicate: "on",
    });
    personId = location.match(/persons\/([0-9a-f-]{36})/)?.[1] ?? "";
    expect(personId).not.toBe("");
    // The list is paged in name order: look the person up by name, as an officer would.
    expectInert(
      await get(`/officer/persons?q=${encodeURIComponent("onerror=alert")}`, cookies.officer),
      "/officer/persons",
    );
    expectInert(await get(`/officer/persons/${personId}`, cookies.officer), `/officer/persons/${personId}`);
    await post(`/officer/persons/${personId}/activities`, cookies.officer, {
      kind: "encouragement_visit",
      topic: "",
      mode: "",
      occurredOn: today(),
      note: PAYLOAD,
    });
    expectInert(await get(`/officer/persons/${personId}/activities`, cookies.officer), "activity log");
  });

  it("a message on a referral thread: the officer's and the employer's referral pages", async () => {
    const list = await get("/officer/referrals?status=accepted", cookies.officer);
    const referralId = list.match(/href="\/officer\/referrals\/([0-9a-f-]{36})/)?.[1];
    expect(referralId, "the demo data has an accepted referral of Nam Đà to the repair shop").toBeTruthy();
    await post(`/officer/referrals/${referralId}`, cookies.officer, { intent: "message", body: PAYLOAD });
    expectInert(await get(`/officer/referrals/${referralId}`, cookies.officer), "officer referral thread");
    expectInert(await get(`/employer/referrals/${referralId}`, cookies.employer), "employer referral thread");
  });
});
