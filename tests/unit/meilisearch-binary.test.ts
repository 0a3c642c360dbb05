import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { meilisearchBinaryPath, MeilisearchUnavailableError, verifyMeilisearchBinary } from "../../search/launcher";

describe("the bundled Meilisearch binary is checked before it runs", () => {
  it("the installed binary has the pinned SHA-256", () => {
    expect(() => meilisearchBinaryPath()).not.toThrow();
  });

  it("a binary with any other content is refused, naming both hashes", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-meili-bin-"));
    try {
      const fake = path.join(dir, "meilisearch");
      const real = fs.readFileSync(meilisearchBinaryPath());
      const tampered = Buffer.from(real.subarray(0, 4096));
      tampered[4000] ^= 0xff;
      fs.writeFileSync(fake, tampered);
      expect(() => verifyMeilisearchBinary(fake)).toThrow(MeilisearchUnavailableError);
      expect(() => verifyMeilisearchBinary(fake)).toThrow(/not the one this version of Chung Tay was tested with/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
