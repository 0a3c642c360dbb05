import { describe, expect, it } from "vitest";

import { builtOnce, MAX_SHAPES } from "../../db/prepared.server";

describe("builtOnce (statements built once per executor and shape)", () => {
  it("builds once per executor and key, and again for another key or executor", () => {
    const a = {};
    const b = {};
    let builds = 0;
    const build = () => ({ n: ++builds });
    const first = builtOnce(a, "k", build);
    expect(builtOnce(a, "k", build)).toBe(first);
    expect(builds).toBe(1);
    expect(builtOnce(a, "other", build)).not.toBe(first);
    expect(builtOnce(b, "k", build)).not.toBe(first);
    expect(builds).toBe(3);
  });

  it("starts afresh past MAX_SHAPES keys on one executor", () => {
    const executor = {};
    let builds = 0;
    const build = () => ({ n: ++builds });
    const kept = builtOnce(executor, "key 0", build);
    for (let i = 1; i < MAX_SHAPES; i++) builtOnce(executor, `key ${i}`, build);
    expect(builtOnce(executor, "key 0", build)).toBe(kept);
    builtOnce(executor, "one too many", build);
    expect(builtOnce(executor, "key 0", build)).not.toBe(kept);
  });
});
