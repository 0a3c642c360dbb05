import { Readable } from "node:stream";
import { text } from "node:stream/consumers";

import { describe, expect, it } from "vitest";

import { stripNulBytes } from "~/utils/strip-nul.server";

describe("stripNulBytes", () => {
  it("drops the zero bytes React 18 pads a chunk with, keeping split multi-byte letters whole", async () => {
    const word = Buffer.from("phường Bến Thành", "utf8");
    // "ư" (2 bytes) split across chunks, with the padding React leaves at the end of the first one.
    const chunks = [
      Buffer.concat([word.subarray(0, 4), Buffer.alloc(2)]),
      word.subarray(4, 7),
      Buffer.from([0]),
      word.subarray(7),
    ];
    const out = await text(Readable.from(chunks).pipe(stripNulBytes()));
    expect(out).toBe("phường Bến Thành");
  });

  it("passes chunks without zeros through unchanged", async () => {
    const out = await text(Readable.from([Buffer.from("<p>Thợ sửa xe máy</p>")]).pipe(stripNulBytes()));
    expect(out).toBe("<p>Thợ sửa xe máy</p>");
  });
});
