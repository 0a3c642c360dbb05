import { describe, expect, it } from "vitest";

import { isMobile, toE164 } from "~/utils/phone";

describe("toE164", () => {
  it.each([
    ["0912345678", "+84912345678"],
    ["0912 345 678", "+84912345678"],
    ["+84 912 345 678", "+84912345678"],
    ["+84912345678", "+84912345678"],
    ["84912345678", "+84912345678"],
    ["0912.345.678", "+84912345678"],
    ["(0912) 345-678", "+84912345678"],
    [" 0981 234 567 ", "+84981234567"],
    ["0868123456", "+84868123456"],
    ["024 3825 1234", "+842438251234"],
    ["028 3822 1234", "+842838221234"],
    ["+1 650 253 0000", "+16502530000"],
  ])("reads %j as %s", (input, expected) => {
    expect(toE164(input)).toBe(expected);
  });

  it("reads a national number in the country given", () => {
    expect(toE164("(650) 253-0000", "US")).toBe("+16502530000");
    expect(toE164("650 253 0000")).toBeNull();
  });

  it.each([
    "",
    "abc",
    "12345",
    "091234567", // 9 digits
    "091234567890", // 12 digits
    "0123456789", // a mobile range retired in 2018
    "0912 345 67a",
    "gọi 0912345678 nhé", // a number inside words
    "0912345678 ext 5", // an extension cannot receive an SMS
    "113",
  ])("refuses %j", (input) => {
    expect(toE164(input)).toBeNull();
  });
});

describe("isMobile", () => {
  it.each([
    ["+84912345678", true],
    ["+84981234567", true],
    ["+84321234567", true],
    ["+842438251234", false], // Hà Nội landline
    ["+8418001234", false], // toll-free
    ["+84123", false],
    ["0912345678", false], // not E.164
    ["garbage", false],
  ])("%s → %s", (e164, expected) => {
    expect(isMobile(e164)).toBe(expected);
  });
});
