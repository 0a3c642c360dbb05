import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import * as expungementsPage from "~/routes/officer.expungements";
import * as listPage from "~/routes/officer.persons._index";
import * as newPerson from "~/routes/officer.persons.new";

import { conviction, releasedPerson } from "../../db/schema";
import { createUser } from "../factories";
import { intakeForm } from "../factories/persons";
import { setupIntegration } from "../setup/integration";
import { callRoute, cookieFor, routeRequest } from "../setup/routes";

/**
 * The order of every list of persons (docs/decisions/022), on the database in use (PGlite, and PostgreSQL
 * in CI): the key computed by ct_name_sort_key, and the lists and pages built on it.
 */
const ctx = setupIntegration();
const TIEN_THANH = "22954"; // Lâm Đồng; no other test registers persons there

/** Ordered by hand as a Vietnamese register: given name, then family and middle names; alphabet a ă â b c d đ …; tones after letters. */
const REGISTER_ORDER = [
  "Nguyễn Văn An",
  "Trần Văn An",
  "Dương Văn Bình", // same given name: by family name, D before Đ
  "Đinh Văn Bình",
  "Nguyễn Thị Bình", // same family: by middle name
  "Nguyễn Văn Bình",
  "Phạm Văn Dũng", // u before ư
  "Lê Văn Dương",
  "Nguyễn Văn Đạt", // Đ after D, before E
  "Nguyễn Thị Hà", // ha < hai < hanh
  "Lê Văn Hải",
  "Trần Thị Hạnh", // a < ă < â
  "Lê Thị Hằng",
  "Võ Ngọc Hân",
  "Trần Thị Hoa", // tones: none < huyền < sắc < nặng
  "Lê Văn Hòa",
  "Nguyễn Văn Hóa",
  "Đặng Văn Họa",
  "Lê Văn Hoàng", // Hà … Hoa … before Hoàng
  "Phan Văn Long", // o < ô < ơ
  "Hồ Văn Lộc",
  "Mai Văn Lợi",
  "Bùi Văn Tú", // letters first: tu (sắc) before tư
  "Ngô Văn Tư",
  "Hoàng Thị Yến",
];

async function keyOf(name: string): Promise<string> {
  const rows = await ctx.handle.db.execute<{ k: string }>(sql`select ct_name_sort_key(${name}) as k`);
  return (Array.isArray(rows) ? rows : (rows as unknown as { rows: { k: string }[] }).rows)[0].k;
}
const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

describe("ct_name_sort_key", () => {
  it("orders a register sorted by hand", async () => {
    const keys = await Promise.all(REGISTER_ORDER.map(async (name) => ({ name, key: await keyOf(name) })));
    const shuffled = [...keys].reverse();
    expect(shuffled.sort((a, b) => byteOrder(a.key, b.key)).map((k) => k.name)).toEqual(REGISTER_ORDER);
  });

  it("orders the 29 letters of the Vietnamese alphabet, and the six tones after the base letters", async () => {
    const alphabet = "a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y".split(" ");
    const letters = await Promise.all(alphabet.map(async (l) => ({ l, key: await keyOf(`Nguyễn Văn ${l}x`) })));
    expect(
      [...letters]
        .reverse()
        .sort((a, b) => byteOrder(a.key, b.key))
        .map((x) => x.l),
    ).toEqual(alphabet);
    const tones = ["ma", "mà", "mả", "mã", "má", "mạ", "mai", "man"]; // ngang, huyền, hỏi, ngã, sắc, nặng; then longer words
    const toned = await Promise.all(tones.map(async (t) => ({ t, key: await keyOf(t) })));
    expect(
      [...toned]
        .reverse()
        .sort((a, b) => byteOrder(a.key, b.key))
        .map((x) => x.t),
    ).toEqual(tones);
  });

  it("ignores case, spacing, punctuation, the tone mark's position and the Unicode form", async () => {
    const key = await keyOf("Nguyễn Văn Hòa");
    expect(await keyOf("NGUYỄN  VĂN HÒA")).toBe(key);
    expect(await keyOf("Nguyễn Văn Hoà")).toBe(key);
    expect(await keyOf(" Nguyễn Văn Hòa. ")).toBe(key);
    expect(await keyOf("Nguyễn Văn Hòa".normalize("NFD"))).toBe(key);
    expect(await keyOf("")).toBe("");
  });
});

describe("the lists of persons", () => {
  it("/officer/persons pages in register order, filters kept, on the database in use; names stored as NFC", async () => {
    const officer = await createUser({ role: "officer", communeCodes: [TIEN_THANH] });
    const cookie = await cookieFor(officer.id);
    // Inserted out of order; the last one through the intake form, typed decomposed (NFD).
    const rows = REGISTER_ORDER.filter((n) => n !== "Lê Văn Hòa")
      .map((fullName, i) => ({ fullName, i }))
      .sort((a, b) => ((a.i * 7) % 25) - ((b.i * 7) % 25))
      .map(({ fullName }) => ({
        fullName,
        gender: "male" as const,
        dateOfBirth: "1985-01-01",
        provinceCode: "68",
        communeCode: TIEN_THANH,
        releaseDate: "2020-01-01",
        releaseType: "completed" as const,
      }));
    const inserted = await ctx.handle.db
      .insert(releasedPerson)
      .values(rows)
      .returning({ id: releasedPerson.id, fullName: releasedPerson.fullName });
    const created = await callRoute(
      newPerson.action,
      routeRequest("/officer/persons/new", {
        cookie,
        form: intakeForm({
          communeCode: TIEN_THANH,
          fullName: "Lê Văn Hòa".normalize("NFD"),
          dateOfBirth: "1984-04-04",
        }) as Record<string, string>,
      }),
    );
    expect(created.status).toBe(302);

    type Page = { persons: { fullName: string }[]; total: number; page: number; pageCount: number };
    const list = async (query: string) => {
      const response = await callRoute(listPage.loader, routeRequest(`/officer/persons${query}`, { cookie }));
      expect(response.status).toBe(200);
      return (await response.json()) as Page;
    };
    const first = await list("");
    expect(first).toMatchObject({ total: 25, page: 1, pageCount: 2 });
    expect(first.persons.map((p) => p.fullName)).toEqual(REGISTER_ORDER.slice(0, 20));
    // Stored as NFC, whatever was typed.
    expect(first.persons.find((p) => p.fullName.normalize("NFD") === "Lê Văn Hòa".normalize("NFD"))?.fullName).toBe(
      "Lê Văn Hòa".normalize("NFC"),
    );
    const second = await list("?page=2");
    expect(second).toMatchObject({ total: 25, page: 2, pageCount: 2 });
    expect(second.persons.map((p) => p.fullName)).toEqual(REGISTER_ORDER.slice(20));
    // A page past the end is the last page; a nonsense page is the first.
    expect((await list("?page=9")).persons.map((p) => p.fullName)).toEqual(REGISTER_ORDER.slice(20));
    expect((await list("?page=abc")).page).toBe(1);
    // Filters and paging together: the 18 "Văn" fit one page, in order; their page 2 is that page.
    const van = REGISTER_ORDER.filter((n) => n.includes(" Văn "));
    expect(await list("?q=van")).toMatchObject({ total: van.length, page: 1, pageCount: 1 });
    expect((await list("?q=van")).persons.map((p) => p.fullName)).toEqual(van);
    expect((await list("?q=van&page=2")).persons.map((p) => p.fullName)).toEqual(van);

    // /officer/expungements lists in the same order (each list of persons does).
    const due = ["Võ Ngọc Hân", "Nguyễn Văn Đạt", "Hoàng Thị Yến", "Dương Văn Bình"];
    await ctx.handle.db.insert(conviction).values(
      due.map((name) => ({
        personId: inserted.find((p) => p.fullName === name)!.id,
        offenceDate: "2015-01-01",
        offenceCategory: "property" as const,
        penalty: "prison" as const,
        sentenceMonths: 24,
        mainCompletedOn: "2018-01-01",
      })),
    );
    const expungements = (await (
      await callRoute(expungementsPage.loader, routeRequest("/officer/expungements", { cookie }))
    ).json()) as { automatic: { fullName: string }[] };
    expect(expungements.automatic.map((p) => p.fullName)).toEqual(REGISTER_ORDER.filter((n) => due.includes(n)));
  });
});
