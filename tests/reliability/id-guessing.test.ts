import { describe, expect, it } from "vitest";

import { type Actor, type Answer, send, subjectAppForFile, subjectDetailsIn } from "./support/app";
import { SUBJECT } from "./support/fixtures";
import { JUNK, neighbours, randomUuids, respellings, sequentialUuids } from "./support/ids";
import { type Guesser, GUESSERS, HOSTILE_POSTS, TARGETS } from "./support/targets";
import { routeUrl } from "./support/walk";

/*
 * Guessing and iterating ids against the running app (issue 7). The subject's records (tests/reliability/
 * support/fixtures.ts) belong to commune A of province X; officer B, admin Y, another employer, another
 * person and anonymous visitors try (1) their real ids, (2) neighbours, runs and junk, (3) and must not be able
 * to tell a real id from a made-up one; (4) scope-selecting query parameters must not widen what an officer
 * or an admin sees; (5) posts that would work on their own records change nothing of the subject's.
 */

const run = subjectAppForFile(
  "id-guessing",
  () => `${Object.keys(TARGETS).length} targets, ${Object.keys(HOSTILE_POSTS).length} hostile posts`,
);

async function get(actor: Guesser | Actor, path: string): Promise<Answer> {
  run.requests++;
  return send(run.app.url, "GET", path, { cookie: actor === "anon" ? undefined : run.app.cookies[actor] });
}

/** The answer in the targets' words; anything else (a 200, a 500, a redirect elsewhere) is reported as it is. */
function word(res: Answer): string {
  if (res.status >= 300 && res.status < 400 && res.location?.startsWith("/login?")) return "login";
  if ([400, 403, 404].includes(res.status)) return String(res.status);
  return `${res.status}${res.location ? ` → ${res.location}` : ""}`;
}

/** An answer with what varies per request taken out: the guessed id, the CSP nonce, the request id. */
function normalised(res: Answer, id?: string): string {
  return (id ? res.text.split(id).join("{id}") : res.text)
    .replace(/nonce="[^"]*"/g, 'nonce=""')
    .replace(/\b[0-9a-f]{8}\b(?=\))/g, "{request}")
    .replace(/"requestId":"[^"]*"/g, '"requestId":""');
}

const expected = (line: string) =>
  Object.fromEntries(GUESSERS.map((g, i) => [g, line.trim().split(/\s+/)[i]])) as Record<Guesser, string>;

describe("(1) the real ids of the subject's records", () => {
  it.each(Object.keys(TARGETS))("%s", async (name) => {
    const target = TARGETS[name];
    const path = target.path(target.real(run.app.ids), run.app.ids);
    const got = {} as Record<Guesser, string>;
    const leaks: string[] = [];
    for (const guesser of GUESSERS) {
      const res = await get(guesser, path);
      got[guesser] = word(res);
      const details = subjectDetailsIn(res.text);
      if (details.length) leaks.push(`${guesser}: ${details.join(", ")}`);
    }
    expect({ got, leaks }, path).toEqual({ got: expected(target.expect), leaks: [] });
  });
});

describe("(2) iterated and mutated ids", () => {
  it.each(Object.keys(TARGETS))("%s", async (name) => {
    const target = TARGETS[name];
    const real = target.real(run.app.ids);
    const numeric = /^\d+$/.test(real);
    // Serial numbers are iterated as numbers; uuids by their neighbours, runs and other spellings.
    const guesses = numeric
      ? [
          ...Array.from({ length: 8 }, (_, k) => String(Number(real) + k - 4)).filter((n) => n !== real),
          String(Number(real) + 1000),
          ...JUNK,
        ]
      : [...neighbours(real, 3), ...sequentialUuids(3), ...randomUuids(3), ...JUNK];
    const outsiders = numeric ? [] : respellings(real);
    const wrong: string[] = [];
    const refusal = expected(target.expect);
    const check = async (actor: Guesser | Actor, guess: string, allowed: string[]) => {
      const res = await get(actor, target.path(guess, run.app.ids));
      const answer = word(res);
      if (!allowed.includes(answer)) wrong.push(`${actor} ${guess.slice(0, 40)}: ${answer}`);
      const details = subjectDetailsIn(res.text);
      if (details.length) wrong.push(`${actor} ${guess.slice(0, 40)} shows ${details.join(", ")}`);
    };
    // A well-formed id gets exactly the refusal of the real one: 404 where the role may use the page, its
    // 403 or login where it may not. Junk may also be refused as a bad request (a malformed escape is
    // refused before any route runs, even for anonymous visitors).
    for (const guesser of GUESSERS) {
      for (const guess of [...guesses, ...outsiders]) {
        await check(guesser, guess, JUNK.includes(guess) ? [refusal[guesser], "404", "400"] : [refusal[guesser]]);
      }
    }
    // The entitled roles' own guesses: ids that do not exist are not found, and junk is never a 500.
    for (const owner of target.owners)
      for (const guess of guesses) await check(owner, guess, JUNK.includes(guess) ? ["404", "400"] : ["404"]);
    expect(wrong, target.path("{id}", run.app.ids)).toEqual([]);
  });
});

describe("(3) not found and not allowed answer alike", () => {
  it.each(Object.keys(TARGETS))("%s", async (name) => {
    const target = TARGETS[name];
    const real = target.real(run.app.ids);
    const made = /^\d+$/.test(real) ? String(Number(real) + 1_000_000) : randomUuids(1)[0];
    const differences: string[] = [];
    for (const guesser of GUESSERS) {
      const [a, b] = [
        await get(guesser, target.path(real, run.app.ids)),
        await get(guesser, target.path(made, run.app.ids)),
      ];
      if (a.status !== b.status)
        differences.push(`${guesser}: ${a.status} for the real id, ${b.status} for a made-up one`);
      else if (a.contentType !== b.contentType || normalised(a, real) !== normalised(b, made))
        differences.push(`${guesser}: the bodies differ`);
    }
    expect(differences, target.path("{id}", run.app.ids)).toEqual([]);
  });
});

describe("(4) scope-selecting query parameters cannot widen what staff see", () => {
  const REPORTS = [
    "officer.reports._index.tsx",
    "officer.reports.export[.]csv.tsx",
    "officer.reports.export[.]xlsx.tsx",
    "officer.reports.hcd12.tsx",
    "officer.reports.hcd13.tsx",
  ];
  /** Parameters naming commune A or province X, which no page of B or Y may honour. */
  const WIDEN =
    "commune=24697&province=68&communeCode=24697&provinceCode=68&provinceCodes=68&communes=24697&scope=province";
  const withQuery = (path: string, query: string) => `${path}${path.includes("?") ? "&" : "?"}${query}`;

  /**
   * What a page hands its renderer (its loader's JSON, Remix's ?_data) or, for a file, the file itself, with
   * the values the URL carried (echoed back in a search box) replaced: the data, never the markup around it.
   */
  async function content(actor: Actor, file: string, path: string, echoes: string[] = []) {
    const resource = !file.endsWith(".tsx") || file.includes("[.]");
    const res = await get(
      actor,
      resource ? path : withQuery(path, `_data=${encodeURIComponent(`routes/${file.replace(/\.tsx?$/, "")}`)}`),
    );
    let text = normalised(res);
    for (const echo of echoes) text = text.split(JSON.stringify(echo).slice(1, -1)).join("{echo}");
    return { status: res.status, text };
  }

  /** The tampered request must get exactly what the plain one gets, and its page must name nobody of commune A. */
  async function same(
    actor: Actor,
    file: string,
    plain: [string, string[]?],
    tampered: [string, string[]?],
    problems: string[],
  ) {
    const [a, b] = [await content(actor, file, ...plain), await content(actor, file, ...tampered)];
    if (a.status !== b.status || a.text !== b.text)
      problems.push(`${actor} ${tampered[0]}: ${b.status}, not what ${plain[0]} gives (${a.status})`);
    if (!tampered[1]?.length) {
      const details = subjectDetailsIn((await get(actor, tampered[0])).text);
      if (details.length) problems.push(`${actor} ${tampered[0]} shows ${details.join(", ")}`);
    }
  }

  it("reports and their exports: another commune or model is not found; other parameters are ignored", async () => {
    const problems: string[] = [];
    const expectWord = async (actor: Actor, path: string, answer: string) => {
      const got = word(await get(actor, path));
      if (got !== answer) problems.push(`${actor} ${path}: ${got}, expected ${answer}`);
    };
    for (const file of REPORTS) {
      const report = routeUrl(file, { get: "" }, run.app.ids);
      for (const actor of ["officerB", "adminY"] as const) {
        await expectWord(actor, `${report}?commune=24697`, "404");
        await expectWord(actor, `${report}?model=${run.app.ids.model}`, "404");
        // Of repeated parameters the first is read: B's own commune, never A's added to it.
        await same(actor, file, [`${report}?commune=04924`], [`${report}?commune=04924&commune=24697`], problems);
        await same(
          actor,
          file,
          [report],
          [`${report}?province=68&provinceCode=68&communeCode=24697&communes=24697&scope=province`],
          problems,
        );
      }
      // Commune A's own staff cannot reach B's commune or Y's province either.
      await expectWord("officerA", `${report}?commune=04924`, "404");
      await expectWord("adminX", `${report}?commune=04924`, "404");
      await expectWord("adminX", `${report}?commune=08542`, "404");
    }
    expect(problems).toEqual([]);
  });

  it("the national role: figures of every area, never a person, whatever the address says", async () => {
    const problems: string[] = [];
    const expectWord = async (path: string, answer: string) => {
      const res = await get("national", path);
      const got = word(res);
      if (got !== answer) problems.push(`national ${path}: ${got}, expected ${answer}`);
      const details = subjectDetailsIn(res.text);
      if (details.length) problems.push(`national ${path} shows ${details.join(", ")}`);
    };
    const ids = run.app.ids;
    for (const base of ["/national", "/national/export.csv", "/national/export.xlsx"]) {
      // Drilled down to the subject's own commune: figures, and nothing that names them.
      await expectWord(`${base}?province=68&commune=24697`, "200");
      // Ids of the subject's records as parameters are ignored: the same figures, still no person.
      await expectWord(
        `${base}?province=68&commune=24697&id=${ids.person}&person=${ids.person}&personId=${ids.person}`,
        "200",
      );
      // A commune of another province, a made-up province, junk: not found.
      await expectWord(`${base}?province=68&commune=04924`, "404");
      await expectWord(`${base}?province=99`, "404");
      await expectWord(`${base}?province=68&commune=${ids.person}`, "404");
    }
    // The officers' report and every person address stay closed to it.
    await expectWord(`/officer/reports?commune=24697`, "403");
    await expectWord(`/officer/persons/${ids.person}`, "403");
    await expectWord(`/officer/persons?q=${encodeURIComponent(SUBJECT.fullName)}`, "403");
    await expectWord(`/officer/candidates`, "403");
    expect(problems).toEqual([]);
  });

  it("the lists and the bank's list of officer B and admin Y ignore parameters naming commune A", async () => {
    const problems: string[] = [];
    const month = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7); // Vietnam's month
    const officerB = [
      "officer._index.tsx",
      "officer.persons._index.tsx",
      "officer.figures.tsx",
      "officer.expungements.tsx",
      "officer.loans._index.tsx",
      "officer.meetings._index.tsx",
      "officer.job-fairs._index.tsx",
      "officer.models._index.tsx",
      "officer.follow-ups._index.tsx",
      "officer.referrals._index.tsx",
      "officer.requests.tsx",
      "officer.transfers.tsx",
    ];
    const adminY = [
      "admin._index.tsx",
      "admin.officers.tsx",
      "officer.persons._index.tsx",
      "officer.figures.tsx",
      "officer.expungements.tsx",
      "officer.job-fairs._index.tsx",
    ];
    for (const [actor, files] of [
      ["officerB", officerB],
      ["adminY", adminY],
    ] as const) {
      for (const file of files) {
        const page = routeUrl(file, { get: "" }, run.app.ids);
        await same(actor, file, [page], [withQuery(page, WIDEN)], problems);
      }
    }
    for (const file of ["officer.loans.bank-list.tsx", "officer.loans.bank-list[.]csv.tsx"]) {
      const list = `${routeUrl(file, { get: "" }, run.app.ids)}?month=${month}`;
      await same("officerB", file, [list], [withQuery(list, WIDEN)], problems);
    }
    expect(problems).toEqual([]);
  });

  it("searching for the subject by name, phone or citizen id finds what searching for nobody finds", async () => {
    const problems: string[] = [];
    const nobody = { name: "Đặng Thị Không Ai Có", phone: "0987650999", citizenId: "068195099999" };
    const pairs: [string, string][] = [
      [SUBJECT.fullName, nobody.name],
      [SUBJECT.phone, nobody.phone],
      [SUBJECT.citizenId, nobody.citizenId],
    ];
    for (const [real, fake] of pairs) {
      const q = (v: string) => `q=${encodeURIComponent(v)}`;
      for (const actor of ["officerB", "adminY"] as const) {
        await same(
          actor,
          "officer.persons._index.tsx",
          [`/officer/persons?${q(fake)}&status=all`, [fake]],
          [`/officer/persons?${q(real)}&status=all&${WIDEN}`, [real]],
          problems,
        );
      }
      await same(
        "officerB",
        "officer.candidates.tsx",
        [`/officer/candidates?${q(fake)}`, [fake]],
        [`/officer/candidates?${q(real)}&${WIDEN}`, [real]],
        problems,
      );
      await same(
        "adminY",
        "admin.audit.tsx",
        [`/admin/audit?actor=${encodeURIComponent(fake)}`, [fake]],
        [`/admin/audit?actor=${encodeURIComponent(real)}`, [real]],
        problems,
      );
    }
    const made = randomUuids(1)[0];
    await same(
      "adminY",
      "admin.audit.tsx",
      [`/admin/audit?personId=${made}`, [made]],
      [`/admin/audit?personId=${run.app.ids.person}`, [run.app.ids.person]],
      problems,
    );
    expect(problems).toEqual([]);
  });

  it("a person's own pages ignore parameters naming the subject", async () => {
    const problems: string[] = [];
    for (const page of [
      "/me",
      "/me/data",
      "/me/consents",
      "/me/referrals",
      "/me/matches",
      "/me/saved",
      "/me/data.json",
    ]) {
      const res = await get(
        "otherPerson",
        `${page}?personId=${run.app.ids.person}&id=${run.app.ids.person}&userId=${run.app.ids.person}`,
      );
      const details = subjectDetailsIn(res.text);
      if (res.status !== 200 || details.length)
        problems.push(`${page}: ${res.status}${details.length ? `, shows ${details.join(", ")}` : ""}`);
    }
    expect(problems).toEqual([]);
  });
});

describe("(5) posts that would work on one's own records, aimed at the subject's", () => {
  /** What officer A and the employer see of the subject's records, as the pages' own loaders return it (JSON). */
  async function snapshot(): Promise<Record<string, unknown>> {
    const views: [Actor, string, string][] = [
      ["officerA", `/officer/persons/${run.app.ids.person}`, "routes/officer.persons.$id"],
      ["officerA", `/officer/persons/${run.app.ids.person}/activities`, "routes/officer.persons.$id_.activities"],
      ["officerA", `/officer/referrals/${run.app.ids.referral}`, "routes/officer.referrals.$id"],
      ["officerA", `/officer/placements/${run.app.ids.placement}`, "routes/officer.placements.$id"],
      ["officerA", `/officer/follow-ups/${run.app.ids.followUp}`, "routes/officer.follow-ups.$id"],
      ["officerA", `/officer/enrolments/${run.app.ids.enrolment}`, "routes/officer.enrolments.$id"],
      ["officerA", `/officer/loans/${run.app.ids.loan}`, "routes/officer.loans.$id"],
      ["officerA", `/officer/job-fairs/${run.app.ids.fair}`, "routes/officer.job-fairs.$id"],
      ["officerA", `/officer/models/${run.app.ids.model}`, "routes/officer.models.$id"],
      ["officerA", "/officer/requests", "routes/officer.requests"],
      ["employer", "/employer/jobs", "routes/employer.jobs._index"],
    ];
    const out: Record<string, unknown> = {};
    for (const [actor, path, route] of views) {
      const res = await get(actor, `${path}?_data=${encodeURIComponent(route)}`);
      expect(res.status, `${actor} reads ${path}`).toBe(200);
      out[path] = withoutReads(JSON.parse(res.text));
    }
    return out;
  }

  it("are refused, and the subject's records are unchanged", async () => {
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10); // Vietnam's date
    const before = await snapshot();
    const got: Record<string, string> = {};
    for (const [name, post] of Object.entries(HOSTILE_POSTS)) {
      run.requests++;
      const res = await send(run.app.url, "POST", post.path(run.app.ids), {
        cookie: run.app.cookies[post.actor],
        body: post.body(run.app.ids, today),
      });
      got[name] = word(res);
      expect(subjectDetailsIn(res.text), `${name} shows the subject`).toEqual([]);
    }
    expect(got).toEqual(Object.fromEntries(Object.entries(HOSTILE_POSTS).map(([name, post]) => [name, post.expect])));
    expect(await snapshot()).toEqual(before);
  });
});

/** What changes with every read and not with the record: the server's clock, and lists of the latest reads. */
function withoutReads(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutReads);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !/^(now|accessLog|audit|recentAccess)$/i.test(key))
        .map(([k, v]) => [k, withoutReads(v)]),
    );
  }
  return value;
}
