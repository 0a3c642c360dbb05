import { eq } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";

import type { StaffScope } from "~/auth/scope.server";
import { EVIDENCE_MAX_BYTES } from "~/modules/consent/constants";
import { CONSENT_BODY_MAX_BYTES, readPersonPageBody } from "~/modules/consent/upload.server";
import { action as recordAction } from "~/routes/officer.persons.$id";

import { consentGrant } from "../../db/schema";
import { UNITS } from "../factories";
import { consentForm, createOfficerScope, createPerson } from "../factories/persons";
import { callHandler, expectClearRefusal, FC_SEED, fuzz, junkText } from "../setup/fuzz";
import { changedTables, fingerprint } from "../setup/fuzz-db";
import { setupIntegration } from "../setup/integration";
import { cookieFor } from "../setup/routes";

/*
 * The consent form's evidence scan (issue 7): checked by its bytes (JPEG, PNG, PDF), never by its name or
 * declared type; at most 5 MB; a body far too big is refused unread (413), a scan too big is read through
 * without being kept and reported with what was typed; never a 500, never a row for a refused scan.
 */

const ctx = setupIntegration();

let officer: StaffScope;
let cookie: string;
let serial = 0;

beforeAll(async () => {
  officer = await createOfficerScope([UNITS.namDa], UNITS.lamDong);
  cookie = await cookieFor(officer.actorId);
});

const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]),
  Buffer.alloc(200, 7),
]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 3)]);
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const HTML = Buffer.from("<!doctype html><script>alert(document.cookie)</script>");
const EXE = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), Buffer.alloc(200)]);
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>');
const GIF = Buffer.concat([Buffer.from("GIF89a"), Buffer.alloc(50)]);

/** The consent form as the browser posts it: its fields, then the scan (multipart). */
function consentBody(
  file: { bytes: Buffer; name: string; type: string } | null,
  overrides: Record<string, string | string[]> = {},
): FormData {
  const form = new FormData();
  const fields = {
    ...consentForm({ evidenceKind: "upload", paperFormNumber: "" }),
    intent: "grant-consent",
    ...overrides,
  };
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) form.append(k, x);
  if (file) form.append("evidenceFile", new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
  return form;
}

async function person() {
  const id = await createPerson(officer, { fullName: `Khúc Văn Minh Chứng ${++serial}` });
  return { id, url: `http://localhost/officer/persons/${id}` };
}

async function post(p: { id: string; url: string }, body: BodyInit, headers: Record<string, string> = {}) {
  const request = new Request(p.url, {
    method: "POST",
    headers: { Cookie: cookie, Origin: "http://localhost", ...headers },
    body,
    duplex: "half",
  } as RequestInit);
  const res = await callHandler(recordAction, request, { id: p.id });
  if (res instanceof Error) throw res;
  return res;
}

const grantsOf = (personId: string) =>
  ctx.handle.db
    .select({ mime: consentGrant.evidenceMime, bytes: consentGrant.evidenceFile, ref: consentGrant.evidenceRef })
    .from(consentGrant)
    .where(eq(consentGrant.personId, personId));

describe("the scan's type is read from its bytes", () => {
  it.each([
    ["a JPEG photo", JPEG, "dong-y.jpg", "image/jpeg", "image/jpeg"],
    ["a PNG", PNG, "dong-y.png", "image/png", "image/png"],
    ["a PDF scan", PDF, "phieu-dong-y.pdf", "application/pdf", "application/pdf"],
    ["a PNG the browser calls image/jpeg (kept as what it is)", PNG, "anh.jpg", "image/jpeg", "image/png"],
  ])("%s is kept, with its real type", async (_what, bytes, name, declared, stored) => {
    const p = await person();
    const res = await post(p, consentBody({ bytes, name, type: declared }));
    expect(res.status).toBe(302);
    const [grant] = await grantsOf(p.id);
    expect(grant!.mime).toBe(stored);
    expect(Buffer.from(grant!.bytes!).equals(bytes)).toBe(true);
  });

  it.each([
    ["an HTML page named scan.pdf", HTML, "scan.pdf", "application/pdf"],
    ["a Windows program sent as image/png", EXE, "anh.png", "image/png"],
    ["an SVG with a script", SVG, "anh.svg", "image/svg+xml"],
    ["a GIF", GIF, "anh.gif", "image/gif"],
    ["text that merely starts like a JPEG", Buffer.from([0xff, 0xd8]), "anh.jpg", "image/jpeg"],
  ])(
    "%s is refused with the type message, what was typed is kept, no grant is written",
    async (_what, bytes, name, type) => {
      const p = await person();
      const before = await fingerprint(ctx.handle.db);
      const res = await post(p, consentBody({ bytes, name, type }));
      expect(res.status).toBe(400);
      const data = (await res.json()) as { errors: Record<string, { key: string }>; values: Record<string, unknown> };
      expect(data.errors).toEqual({ evidenceFile: { key: "consent.error.file" } });
      expect(data.values).toMatchObject({
        intent: "grant-consent",
        evidenceKind: "upload",
        purposes: ["matching", "share_contact"],
      });
      expect(changedTables(before, await fingerprint(ctx.handle.db))).toEqual([]);
    },
  );

  it("a file name with a NUL or decomposed letters is stored clean", async () => {
    const p = await person();
    const res = await post(
      p,
      consentBody({ bytes: JPEG, name: `${"bản-quét-đồng-ý".normalize("NFD")}\u0000.jpg`, type: "image/jpeg" }),
    );
    expect(res.status).toBe(302);
    expect((await grantsOf(p.id))[0]!.ref).toBe("bản-quét-đồng-ý.jpg");
  });
});

/** A multipart body streamed chunk by chunk: `size` bytes of scan between the fields; counts what was pulled. */
function streamedConsent(size: number) {
  const boundary = "----chungtay-test-boundary";
  const field = (name: string, value: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const head = Buffer.from(
    field("intent", "grant-consent") +
      field("evidenceKind", "upload") +
      `--${boundary}\r\nContent-Disposition: form-data; name="evidenceFile"; filename="scan.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`,
  );
  // The fields after the scan must still arrive when the scan is dropped.
  const tail = Buffer.from(
    `\r\n${field("purposes", "matching")}${field("givenOn", new Date().toISOString().slice(0, 10))}--${boundary}--\r\n`,
  );
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let sent = 0;
  const pulled = { bytes: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === 0) {
        controller.enqueue(new Uint8Array(head));
        pulled.bytes += head.length;
      }
      if (sent >= size) {
        controller.enqueue(new Uint8Array(tail));
        pulled.bytes += tail.length;
        controller.close();
        return;
      }
      const n = Math.min(chunk.length, size - sent);
      sent += n;
      pulled.bytes += n;
      controller.enqueue(new Uint8Array(chunk.subarray(0, n)));
    },
  });
  return {
    stream,
    pulled,
    contentType: `multipart/form-data; boundary=${boundary}`,
    length: head.length + size + tail.length,
  };
}

describe("the scan's size", () => {
  it("5 MB exactly is kept; one byte more is refused with the size message and what was typed", async () => {
    const atLimit = await person();
    const full = Buffer.concat([PDF, Buffer.alloc(EVIDENCE_MAX_BYTES - PDF.length, 0x20)]);
    expect((await post(atLimit, consentBody({ bytes: full, name: "scan.pdf", type: "application/pdf" }))).status).toBe(
      302,
    );

    const over = await person();
    const before = await fingerprint(ctx.handle.db);
    const res = await post(
      over,
      consentBody({ bytes: Buffer.concat([full, Buffer.from(" ")]), name: "scan.pdf", type: "application/pdf" }),
    );
    expect(res.status).toBe(400);
    const data = (await res.json()) as { errors: Record<string, { key: string }>; values: Record<string, unknown> };
    expect(data.errors.evidenceFile).toEqual({ key: "consent.error.fileTooLarge" });
    expect(data.values).toMatchObject({
      intent: "grant-consent",
      purposes: ["matching", "share_contact"],
      paperFormNumber: "",
    });
    expect(changedTables(before, await fingerprint(ctx.handle.db))).toEqual([]);
  });

  it("a 30 MB upload that says so is refused with 413 before its body is read", async () => {
    const p = await person();
    const body = streamedConsent(30 * 1024 * 1024);
    const res = await post(p, body.stream, { "Content-Type": body.contentType, "Content-Length": String(body.length) });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({
      intent: "grant-consent",
      errors: { evidenceFile: { key: "consent.error.fileTooLarge" } },
    });
    // At most what a stream reads ahead, never the 30 MB.
    expect(body.pulled.bytes).toBeLessThan(CONSENT_BODY_MAX_BYTES);
    expect(await grantsOf(p.id)).toEqual([]);
  });

  it("a 30 MB upload sent without a length is read through without being kept: the size message, the later fields kept", async () => {
    const p = await person();
    const body = streamedConsent(30 * 1024 * 1024);
    const res = await post(p, body.stream, { "Content-Type": body.contentType });
    expect(res.status).toBe(400);
    const data = (await res.json()) as { errors: Record<string, { key: string }>; values: Record<string, unknown> };
    expect(data.errors.evidenceFile).toEqual({ key: "consent.error.fileTooLarge" });
    expect(data.values).toMatchObject({ intent: "grant-consent", evidenceKind: "upload", purposes: "matching" });
    expect(await grantsOf(p.id)).toEqual([]);
  }, 60_000);

  it("keeps only the first evidenceFile part: other file parts and oversized text fields are dropped unkept", async () => {
    const form = new FormData();
    form.append("intent", "grant-consent");
    form.append("evidenceFile", new File([new Uint8Array(JPEG)], "first.jpg", { type: "image/jpeg" }));
    for (let i = 0; i < 4; i++) form.append(`extra${i}`, new File([new Uint8Array(2 * 1024 * 1024)], `x${i}.bin`));
    form.append("evidenceFile", new File([new Uint8Array(PNG)], "second.png", { type: "image/png" }));
    form.append("note", "x".repeat(300 * 1024));
    form.append("after", "còn giữ");
    const body = await readPersonPageBody(new Request("http://localhost/", { method: "POST", body: form }));
    expect(body.file?.name).toBe("first.jpg");
    // The fields share 256 KB: the 300 KB note used it up, so "after" is dropped too (no form is that long).
    expect(Object.keys(body.values).sort()).toEqual(["evidenceFile", "intent"]);
  });
});

describe(`generated uploads (FC_SEED=${FC_SEED})`, () => {
  const magic = fc.constantFrom(
    JPEG.subarray(0, 4),
    PNG.subarray(0, 8),
    Buffer.from("%PDF-"),
    HTML,
    EXE,
    Buffer.alloc(0),
    Buffer.from([0xff]),
  );
  const upload = fc.record({
    bytes: fc.tuple(magic, fc.uint8Array({ maxLength: 300 })).map(([m, rest]) => Buffer.concat([m, Buffer.from(rest)])),
    name: fc.oneof(
      fc.constantFrom("scan.pdf", "anh.jpg", "", "../../etc/passwd", "a\u0000b.png", "ảnh.png".normalize("NFD")),
      junkText.map((s) => s.slice(0, 300)),
    ),
    type: fc.oneof(
      fc.constantFrom("image/jpeg", "image/png", "application/pdf", "text/html", "application/octet-stream", ""),
      fc.string({ maxLength: 20 }),
    ),
  });

  it("never a 500; a refused scan writes nothing and says why in catalogue keys", async () => {
    const p = await person();
    await fuzz(
      fc.tuple(fc.array(upload, { maxLength: 2 }), fc.constantFrom("upload", "paper_form", "")),
      async ([files, evidenceKind]) => {
        const form = consentBody(null, { evidenceKind });
        for (const f of files)
          form.append("evidenceFile", new File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
        const before = await fingerprint(ctx.handle.db);
        const res = await post(p, form);
        const label = `${evidenceKind} ${files
          .map((f) => `${JSON.stringify(f.name.slice(0, 40))}:${f.type}:${f.bytes.subarray(0, 8).toString("hex")}`)
          .join(" ")}`;
        expect(res.status, label).toBeLessThan(500);
        if (res.status >= 400) {
          expect(changedTables(before, await fingerprint(ctx.handle.db)), label).toEqual([]);
          await expectClearRefusal(res, {}, "multipart", {}, label);
        }
      },
      40,
    );
  }, 120_000);
});
