import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { StaffScope } from "~/auth/scope.server";
import { createLoan, listLoans } from "~/modules/loans/loans.server";
import { loanSchema } from "~/modules/loans/schema.server";
import * as loansPage from "~/routes/officer.loans._index";
import * as loanPage from "~/routes/officer.loans.$id";
import * as bankPage from "~/routes/officer.loans.bank-list";
import * as bankCsv from "~/routes/officer.loans.bank-list[.]csv";
import * as personLoansPage from "~/routes/officer.persons.$id_.loans";
import { setClock } from "~/utils/clock.server";

import { auditEvent, loan } from "../../db/schema";
import { createUser, UNITS } from "../factories";
import { createPerson } from "../factories/persons";
import { setupIntegration } from "../setup/integration";
import { render } from "../setup/render-page";
import { at, call, cookieFor, type LoggedInOfficer as Officer, loggedInOfficer as officer } from "../setup/routes";

/*
 * Loans under Decision 22/2023 through the routes: the rules refuse with Vietnamese messages and write
 * nothing, statuses move only forward, the commune's totals add up, and form 01 of a month holds exactly
 * that month's listed loans of the officer's communes, as a page and as a CSV safe to open in Excel.
 */

const ctx = setupIntegration({ indexes: true });
const db = () => ctx.handle.db;

const TODAY = "2026-03-20";
const RELEASE = "2025-05-20";

const loanForm = (overrides: Record<string, string> = {}) => ({
  purpose: "business",
  amountVnd: "50.000.000",
  trainingMonths: "",
  termMonths: "36",
  bankBranch: "Phòng giao dịch NHCSXH Xã Nam Đà",
  appliedOn: "2026-03-02",
  listMonth: "2026-03",
  note: "",
  ...overrides,
});

/** A loan written through the service, as an officer would through the form. */
async function listed(scope: StaffScope, personId: string, overrides: Record<string, string> = {}) {
  const outcome = await createLoan(scope, personId, loanSchema.parse(loanForm(overrides)));
  if (!outcome.ok) throw new Error(`createLoan failed: ${JSON.stringify(outcome)}`);
  return outcome.loanId;
}

const loanCount = async () => Number((await db().select({ n: count() }).from(loan))[0]!.n);

let officerA: Officer;
let officerB: Officer;
let adminA: { cookie: string };
let personId: string;
let krongNoPerson: string;
let otherPerson: string;
const NAME = "Nông Văn Vay Vốn";

beforeAll(async () => {
  at(TODAY);
  // Officer A serves two communes: form 01 covers both.
  officerA = await officer([UNITS.namDa, UNITS.krongNo], UNITS.lamDong);
  officerB = await officer([UNITS.luongSon], UNITS.phuTho);
  const admin = await createUser({ role: "admin", provinceCode: UNITS.lamDong });
  adminA = { cookie: await cookieFor(admin.id) };
  personId = await createPerson(officerA, {
    fullName: NAME,
    citizenId: "068090001234",
    releaseDate: RELEASE,
    mainCompletedOn: RELEASE,
  });
  krongNoPerson = await createPerson(officerA, {
    fullName: "Y Bih Krông Nô",
    communeCode: UNITS.krongNo,
    releaseDate: RELEASE,
    mainCompletedOn: RELEASE,
  });
  otherPerson = await createPerson(officerB, {
    fullName: "Bùi Văn Phú Thọ",
    communeCode: UNITS.luongSon,
    releaseDate: RELEASE,
    mainCompletedOn: RELEASE,
  });
}, 120_000);

afterAll(() => setClock(undefined));

describe("a person's loans", () => {
  const path = () => `/officer/persons/${personId}/loans`;
  const post = (form: Record<string, string>) =>
    call(personLoansPage.action, path(), officerA.cookie, { id: personId }, form);

  it("suggests the commune's bank office and the next list, and records an application typed with dots", async () => {
    at(TODAY);
    const page = await (await call(personLoansPage.loader, path(), officerA.cookie, { id: personId })).json();
    // 20 March: the March list went on the 5th, so a new application goes on April's.
    expect(page.defaults).toMatchObject({
      bankBranch: expect.stringMatching(/^Phòng giao dịch NHCSXH .*Nam Đà$/),
      listMonth: "2026-04",
      appliedOn: TODAY,
    });
    expect(page.deadline).toBe("2030-05-20");

    const res = await post(loanForm({ amountVnd: "50.000.000", listMonth: "2026-04" }));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`${path()}?done=saved`);
    const [row] = await db().select().from(loan).where(eq(loan.personId, personId));
    expect(row).toMatchObject({
      amountVnd: 50_000_000,
      purpose: "business",
      trainingMonths: null,
      termMonths: 36,
      listMonth: "2026-04-01",
      status: "listed",
      communeCode: UNITS.namDa,
      recordedBy: officerA.actorId,
    });
    const trail = await db()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.personId, personId), eq(auditEvent.action, "loan")));
    expect(trail).toMatchObject([{ purpose: "loan", details: { stage: "listed", loanId: row!.id } }]);

    const after = await (await call(personLoansPage.loader, path(), officerA.cookie, { id: personId })).json();
    expect(after.loans).toMatchObject([{ id: row!.id, amountVnd: 50_000_000 }]);
    expect(render(personLoansPage.default, after)).toContain("50.000.000 ₫");
  });

  it.each([
    [
      "a business loan of 100.000.001",
      { amountVnd: "100.000.001" },
      { amountVnd: "support.loan.error.businessCap" },
      "Vay sản xuất, kinh doanh tối đa 100.000.000 ₫.",
    ],
    [
      "a training loan above 4 million a month",
      { purpose: "training", trainingMonths: "6", amountVnd: "24.000.001" },
      { amountVnd: "support.loan.error.trainingCap" },
      "với 6 tháng là tối đa 24.000.000 ₫",
    ],
    [
      "a training loan without months",
      { purpose: "training", amountVnd: "4.000.000" },
      { trainingMonths: "support.loan.error.trainingMonthsRequired" },
      "Vay học nghề: nhập số tháng học.",
    ],
    [
      "a term of 121 months",
      { termMonths: "121" },
      { termMonths: "support.loan.error.term" },
      "Thời hạn vay từ 1 đến 120 tháng.",
    ],
    ["no lender", { bankBranch: "" }, { bankBranch: "validation.required" }, "Vui lòng nhập thông tin này."],
    [
      "an unreadable amount",
      { amountVnd: "5,5 triệu" },
      { amountVnd: "support.loan.error.amountFormat" },
      "Số tiền không đúng",
    ],
    [
      "an application before the release",
      { appliedOn: "2025-05-19", listMonth: "2026-03" },
      { appliedOn: "support.loan.error.appliedBeforeRelease" },
      "(20/05/2025)",
    ],
    ["no purpose", { purpose: "" }, { purpose: "validation.choose" }, "Vui lòng chọn một mục."],
  ])(
    "refuses %s with 400 and a Vietnamese message, keeps what was typed, writes nothing",
    async (_label, overrides, expected, message) => {
      at(TODAY);
      const before = await loanCount();
      const form = loanForm({ ...overrides, note: "giữ nguyên ghi chú" });
      const res = await post(form);
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(Object.fromEntries(Object.entries(body.errors).map(([k, v]) => [k, (v as { key: string }).key]))).toEqual(
        expected,
      );
      expect(body.values).toEqual(form);
      expect(await loanCount()).toBe(before);
      const html = render(
        personLoansPage.default,
        await (await call(personLoansPage.loader, path(), officerA.cookie, { id: personId })).json(),
        body,
      );
      expect(html).toContain(message);
      expect(html).toContain("giữ nguyên ghi chú");
    },
  );

  it("refuses an application more than 5 years after release, to the day", async () => {
    at(TODAY);
    const old = await createPerson(officerA, {
      fullName: "Lý Văn Quá Hạn",
      offenceDate: "2018-01-10",
      releaseDate: "2021-03-19",
      mainCompletedOn: "2021-03-19",
    });
    const p = `/officer/persons/${old}/loans`;
    const late = await call(
      personLoansPage.action,
      p,
      officerA.cookie,
      { id: old },
      loanForm({ appliedOn: "2026-03-20" }),
    );
    expect(late.status).toBe(400);
    expect((await late.json()).errors.appliedOn.key).toBe("support.loan.error.tooLate");
    const onTime = await call(
      personLoansPage.action,
      p,
      officerA.cookie,
      { id: old },
      loanForm({ appliedOn: "2026-03-19" }),
    );
    expect(onTime.status).toBe(302);
  });

  it("another commune's officer gets 404, even for a valid application; admins are refused", async () => {
    at(TODAY);
    const before = await loanCount();
    expect((await call(personLoansPage.loader, path(), officerB.cookie, { id: personId })).status).toBe(404);
    expect((await call(personLoansPage.action, path(), officerB.cookie, { id: personId }, loanForm())).status).toBe(
      404,
    );
    expect((await call(personLoansPage.loader, path(), adminA.cookie, { id: personId })).status).toBe(403);
    expect((await call(personLoansPage.loader, "/officer/persons/x/loans", officerA.cookie, { id: "x" })).status).toBe(
      404,
    );
    expect(await loanCount()).toBe(before);
  });
});

describe("a loan's status", () => {
  let loanId: string;
  const path = () => `/officer/loans/${loanId}`;
  const move = (form: Record<string, string>, cookie = officerA.cookie) =>
    call(loanPage.action, path(), cookie, { id: loanId }, form);
  const statusOf = async () => (await db().select({ s: loan.status }).from(loan).where(eq(loan.id, loanId)))[0]!.s;

  beforeAll(async () => {
    at(TODAY);
    loanId = await listed(officerA, personId, {
      appliedOn: "2026-03-02",
      listMonth: "2026-03",
      purpose: "training",
      trainingMonths: "6",
      amountVnd: "24.000.000",
    });
  });

  it("moves listed → approved → disbursed → overdue → bad debt, with dates checked, and keeps the history", async () => {
    at(TODAY);
    const refusals: [Record<string, string>, string][] = [
      [{ status: "disbursed", on: "2026-03-10" }, "support.loan.error.disbursedBeforeApproved"],
      [{ status: "bad_debt" }, "support.loan.error.badDebtBeforeDisbursed"],
      [{ status: "approved" }, "support.loan.error.decidedOnRequired"],
      [{ status: "approved", on: "2026-03-01" }, "support.loan.error.decidedBeforeApplied"],
    ];
    for (const [form, key] of refusals) {
      const res = await move(form);
      expect(res.status, JSON.stringify(form)).toBe(400);
      const body = await res.json();
      expect(Object.values(body.errors).map((e) => (e as { key: string }).key)).toEqual([key]);
      expect(await statusOf()).toBe("listed");
    }
    expect((await move({ status: "approved", on: "2026-03-12", note: "Ngân hàng duyệt" })).status).toBe(302);
    const disbursedEarly = await move({ status: "disbursed", on: "2026-03-11" });
    expect((await disbursedEarly.json()).errors.on.key).toBe("support.loan.error.disbursedBeforeDecided");
    expect((await move({ status: "disbursed", on: "2026-03-15" })).status).toBe(302);
    expect((await move({ status: "overdue" })).status).toBe(302);
    expect((await move({ status: "bad_debt" })).status).toBe(302);
    const [row] = await db().select().from(loan).where(eq(loan.id, loanId));
    expect(row).toMatchObject({ status: "bad_debt", decidedOn: "2026-03-12", disbursedOn: "2026-03-15" });
    // Bad debt is final.
    const again = await move({ status: "repaid" });
    expect(again.status).toBe(400);
    expect((await again.json()).errors.status.key).toBe("support.loan.error.final");

    const page = await (await call(loanPage.loader, path(), officerA.cookie, { id: loanId })).json();
    expect(page.next).toEqual([]);
    expect(page.history.map((h: { stage: string }) => h.stage)).toEqual([
      "listed",
      "approved",
      "disbursed",
      "overdue",
      "bad_debt",
    ]);
    const html = render(loanPage.default, page);
    expect(html).toContain("Nợ xấu");
    expect(html).toContain("Ngân hàng duyệt");
    expect(html).toContain("15/03/2026");
  });

  it("an unknown status is refused; another commune's officer gets 404 and moves nothing", async () => {
    at(TODAY);
    const fresh = await listed(officerA, personId, { appliedOn: "2026-03-03" });
    const p = `/officer/loans/${fresh}`;
    expect((await call(loanPage.action, p, officerA.cookie, { id: fresh }, { status: "forgiven" })).status).toBe(400);
    expect((await call(loanPage.loader, p, officerB.cookie, { id: fresh })).status).toBe(404);
    expect((await call(loanPage.action, p, officerB.cookie, { id: fresh }, { status: "cancelled" })).status).toBe(404);
    expect((await call(loanPage.loader, p, adminA.cookie, { id: fresh })).status).toBe(403);
    expect((await call(loanPage.loader, "/officer/loans/nope", officerA.cookie, { id: "nope" })).status).toBe(404);
    const [row] = await db().select().from(loan).where(eq(loan.id, fresh));
    expect(row!.status).toBe("listed");
  });
});

describe("the commune's loans and form 01", () => {
  const MARCH_NOTE = "=cmd|' /C calc'!A0";
  let marchIds: string[];
  let cancelled: string;

  beforeAll(async () => {
    at(TODAY);
    // Start from a clean table: the loans above are not this block's.
    await db().delete(loan);
    const a = await listed(officerA, personId, { amountVnd: "30.000.000", listMonth: "2026-03", note: MARCH_NOTE });
    const b = await listed(officerA, krongNoPerson, {
      amountVnd: "8.000.000",
      purpose: "training",
      trainingMonths: "2",
      listMonth: "2026-03",
      bankBranch: "Phòng giao dịch NHCSXH Krông Nô",
    });
    cancelled = await listed(officerA, krongNoPerson, { amountVnd: "10.000.000", listMonth: "2026-03" });
    await listed(officerA, personId, { amountVnd: "20.000.000", listMonth: "2026-04", appliedOn: "2026-03-18" });
    // Officer B's commune, the same month: never on A's list.
    await listed(officerB, otherPerson, {
      amountVnd: "40.000.000",
      listMonth: "2026-03",
      bankBranch: "Phòng giao dịch NHCSXH Lương Sơn",
    });
    marchIds = [a, b];
    expect(
      (
        await call(
          loanPage.action,
          `/officer/loans/${cancelled}`,
          officerA.cookie,
          { id: cancelled },
          { status: "cancelled" },
        )
      ).status,
    ).toBe(302);
    expect(
      (
        await call(
          loanPage.action,
          `/officer/loans/${b}`,
          officerA.cookie,
          { id: b },
          { status: "approved", on: "2026-03-10" },
        )
      ).status,
    ).toBe(302);
  });

  it("totals count and amount by status, for a month or for all", async () => {
    at(TODAY);
    const all = await (await call(loansPage.loader, "/officer/loans", officerA.cookie)).json();
    expect(all.loans).toHaveLength(4);
    expect(all.totals.listed).toEqual({ count: 2, amountVnd: 50_000_000 });
    expect(all.totals.approved).toEqual({ count: 1, amountVnd: 8_000_000 });
    expect(all.totals.cancelled).toEqual({ count: 1, amountVnd: 10_000_000 });
    expect(all.all).toEqual({ count: 4, amountVnd: 68_000_000 });

    const march = await (await call(loansPage.loader, "/officer/loans?month=2026-03", officerA.cookie)).json();
    expect(march.all).toEqual({ count: 3, amountVnd: 48_000_000 });
    expect(march.totals.listed).toEqual({ count: 1, amountVnd: 30_000_000 });

    // The status filter narrows the rows; the totals still show every status of the month.
    const approved = await (
      await call(loansPage.loader, "/officer/loans?month=2026-03&status=approved", officerA.cookie)
    ).json();
    expect(approved.loans.map((l: { id: string }) => l.id)).toEqual([marchIds[1]]);
    expect(approved.all.count).toBe(3);
    // Unreadable filters are no filters, never a 500.
    expect((await call(loansPage.loader, "/officer/loans?month=abc&status=zzz", officerA.cookie)).status).toBe(200);

    const b = await listLoans(officerB, { status: undefined, month: null });
    expect(b.all).toEqual({ count: 1, amountVnd: 40_000_000 });
    const html = render(loansPage.default, march);
    expect(html).toContain("48.000.000 ₫");
    expect(html).toContain(NAME);
  });

  it("form 01 of a month holds exactly that month's listed loans of the officer's communes, audited per person", async () => {
    at(TODAY);
    const before = await db()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.purpose, "loan"), eq(auditEvent.action, "view")));
    const res = await call(bankPage.loader, "/officer/loans/bank-list?month=2026-03", officerA.cookie);
    expect(res.status).toBe(200);
    const list = await res.json();
    expect(list.month).toBe("2026-03-01");
    expect(list.dueDate).toBe("2026-03-05");
    expect(list.rows.map((r: { loanId: string }) => r.loanId).sort()).toEqual([...marchIds].sort());
    expect(list.rows.map((r: { stt: number }) => r.stt)).toEqual([1, 2]);
    const mine = list.rows.find((r: { personId: string }) => r.personId === personId);
    expect(mine).toMatchObject({
      fullName: NAME,
      citizenId: "068090001234",
      dateOfBirth: "1990-08-02",
      releaseDate: RELEASE,
      amountVnd: 30_000_000,
      termMonths: 36,
    });
    expect(mine.address).toContain("Thôn Nam Tiến");

    const after = await db()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.purpose, "loan"), eq(auditEvent.action, "view")));
    const fresh = after.filter((e) => !before.some((b) => b.id === e.id));
    expect(fresh.map((e) => e.personId).sort()).toEqual([personId, krongNoPerson].sort());
    expect(fresh[0]!.details).toMatchObject({ form: "01", month: "2026-03" });

    const html = render(bankPage.default, list);
    expect(html).toContain("Hạn gửi ngày 05/03/2026");
    expect(html).toContain("Tháng 03/2026");
    expect(html).toContain("Học nghề (2 tháng)");
    expect(html).toContain('class="no-print print-toolbar"');
    expect(html).toContain('href="/officer/loans/bank-list.csv?month=2026-03"');
    expect(html).not.toContain("Bùi Văn Phú Thọ");

    // April holds April's loan only; without a month, this month's list.
    const april = await (await call(bankPage.loader, "/officer/loans/bank-list?month=2026-04", officerA.cookie)).json();
    expect(april.rows).toHaveLength(1);
    expect(april.dueDate).toBe("2026-04-05");
    const current = await (
      await call(bankPage.loader, "/officer/loans/bank-list?month=garbage", officerA.cookie)
    ).json();
    expect(current.month).toBe("2026-03-01");

    // Officer B's list for March is B's loan only; admins have no bank list.
    const b = await (await call(bankPage.loader, "/officer/loans/bank-list?month=2026-03", officerB.cookie)).json();
    expect(b.rows.map((r: { fullName: string }) => r.fullName)).toEqual(["Bùi Văn Phú Thọ"]);
    expect((await call(bankPage.loader, "/officer/loans/bank-list", adminA.cookie)).status).toBe(403);
  });

  it("the CSV has Vietnamese headers, a BOM, the same rows, and neutralises formulas; downloads are audited", async () => {
    at(TODAY);
    const res = await call(bankCsv.loader, "/officer/loans/bank-list.csv?month=2026-03", officerA.cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toContain('filename="mau-01-vay-von-2026-03.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).slice(1);
    const lines = text.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      '"STT","Họ và tên","Ngày sinh","Số định danh cá nhân (CCCD)","Nơi cư trú","Ngày chấp hành xong án phạt tù","Mục đích vay","Số tiền đề nghị vay (đồng)","Thời hạn vay (tháng)","Ghi chú","Xã, phường lập danh sách"',
    );
    expect(lines).toHaveLength(3);
    const row = lines.find((l) => l.includes(NAME))!;
    expect(row).toContain('"30000000"');
    expect(row).toContain('"068090001234"');
    expect(row).toContain('"02/08/1990"');
    // The note "=cmd…" gets a leading single quote, so no spreadsheet runs it as a formula.
    expect(row).toContain(`"'=cmd|' /C calc'!A0"`);
    expect(row).not.toMatch(/(^|,)"=/);
    expect(text).toContain("Học nghề (2 tháng)");
    expect(text).not.toContain("Bùi Văn Phú Thọ");

    const exported = await db()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.purpose, "loan"), eq(auditEvent.action, "export")));
    expect(exported.map((e) => e.personId).sort()).toEqual([personId, krongNoPerson].sort());
    expect((await call(bankCsv.loader, "/officer/loans/bank-list.csv", adminA.cookie)).status).toBe(403);
  });
});
