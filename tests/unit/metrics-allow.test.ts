import { describe, expect, it } from "vitest";

import { addressAllowed } from "~/http/metrics.server";

describe("who may read /metrics", () => {
  const allow = ["127.0.0.1", "::1", "10.20.0.0/16"];
  it("lets the listed addresses and ranges in, IPv4-mapped IPv6 included", () => {
    expect(addressAllowed("127.0.0.1", allow)).toBe(true);
    expect(addressAllowed("::ffff:127.0.0.1", allow)).toBe(true);
    expect(addressAllowed("::1", allow)).toBe(true);
    expect(addressAllowed("10.20.3.4", allow)).toBe(true);
    expect(addressAllowed("::ffff:10.20.255.255", allow)).toBe(true);
  });
  it("keeps everyone else out, and anything that is not an address", () => {
    expect(addressAllowed("10.21.0.1", allow)).toBe(false);
    expect(addressAllowed("192.168.1.10", allow)).toBe(false);
    expect(addressAllowed("127.0.0.2", allow)).toBe(false);
    expect(addressAllowed(undefined, allow)).toBe(false);
    expect(addressAllowed("10.20.0.300", allow)).toBe(false);
    expect(addressAllowed("127.0.0.1", [])).toBe(false);
    expect(addressAllowed("1.2.3.4", ["0.0.0.0/0"])).toBe(true);
  });
});
