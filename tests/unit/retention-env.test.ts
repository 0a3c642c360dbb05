import { describe, expect, it } from "vitest";

import { parseEnv } from "~/env.server";

describe("RETENTION_* settings", () => {
  it("default to five years for closed files and the audit log, 180 days for deliveries", () => {
    const env = parseEnv({});
    expect(env.RETENTION_CLOSED_FILE_DAYS).toBe(1826);
    expect(env.RETENTION_AUDIT_DAYS).toBe(1826);
    expect(env.RETENTION_DELIVERY_DAYS).toBe(180);
    expect(parseEnv({ RETENTION_DELIVERY_DAYS: " " }).RETENTION_DELIVERY_DAYS).toBe(180);
  });

  it("take whole days from 30 up", () => {
    expect(parseEnv({ RETENTION_AUDIT_DAYS: "30" }).RETENTION_AUDIT_DAYS).toBe(30);
    expect(parseEnv({ RETENTION_CLOSED_FILE_DAYS: "3650" }).RETENTION_CLOSED_FILE_DAYS).toBe(3650);
  });

  it.each([
    ["0", "must be at least 30 days"],
    ["29", "must be at least 30 days"],
    ["-5", "must be at least 30 days"],
    ["90.5", "must be a whole number of days"],
    ["five years", "must be a whole number of days"],
    ["100000", "must be at most 36500 days"],
  ])("refuse %s with a message naming the variable", (value, message) => {
    for (const name of ["RETENTION_CLOSED_FILE_DAYS", "RETENTION_AUDIT_DAYS", "RETENTION_DELIVERY_DAYS"])
      expect(() => parseEnv({ [name]: value })).toThrow(`${name}: ${message}`);
  });
});
