import { describe, expect, it } from "vitest";

import { isMessageKey } from "~/i18n";
import { normalizeEmail, normalizePhone, parseIdentifier } from "~/modules/accounts/identifier";
import { loginSchema, officerSchema, registrationSchema } from "~/modules/accounts/schema.server";
import { type FormValues, formValues, readForm, validateForm, withoutSecrets } from "~/utils/forms";

import { officerForm, registrationForm } from "../factories";

describe("normalizePhone", () => {
  it.each([
    ["0912 345 678", "0912345678"],
    ["+84 912 345 678", "0912345678"],
    ["84912345678", "0912345678"],
    ["0912.345.678", "0912345678"],
    ["0912-345-678", "0912345678"],
    ["(0912) 345 678", "0912345678"],
    ["+84912345678", "0912345678"],
    [" 0263 388 123 ", "0263388123"],
  ])("reads %j as %s", (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each([
    "",
    "12345",
    "091234567", // 9 digits
    "09123456789", // 11 digits
    "8491234567", // 84 + 8 digits: too short to be a number with the country code
    "+1 912 345 678",
    "0912 345 67a",
    "không có số",
    "+84 0912 345 678", // +84 followed by the trunk 0 gives 11 digits
  ])("refuses %j", (input) => {
    expect(normalizePhone(input)).toBeNull();
  });
});

describe("normalizeEmail", () => {
  it("trims and lowercases", () => {
    expect(normalizeEmail("  Lan.Nguyen@CongTy.VN ")).toBe("lan.nguyen@congty.vn");
  });

  it.each([
    "lan@",
    "@congty.vn",
    "lan@congty",
    "lan nguyen@congty.vn",
    "lan@@congty.vn",
    `${"a".repeat(250)}@congty.vn`,
  ])("refuses %j", (input) => {
    expect(normalizeEmail(input)).toBeNull();
  });
});

describe("parseIdentifier", () => {
  it("takes anything with an @ as an email", () => {
    expect(parseIdentifier(" Admin@ChungTay.test ")).toEqual({ kind: "email", value: "admin@chungtay.test" });
  });

  it("takes the rest as a phone number, whatever the spacing", () => {
    expect(parseIdentifier("+84 905 123 456")).toEqual({ kind: "phone", value: "0905123456" });
    expect(parseIdentifier("0905.123.456")).toEqual({ kind: "phone", value: "0905123456" });
  });

  it("does not fall back to a phone when an email is malformed", () => {
    expect(parseIdentifier("0905123456@")).toBeNull();
  });

  it("refuses text that is neither", () => {
    expect(parseIdentifier("nguyenvanan")).toBeNull();
    expect(parseIdentifier("   ")).toBeNull();
  });
});

/** Every error of a failed validation, as field → i18n key. */
function errorKeys(schema: Parameters<typeof validateForm>[0], values: FormValues): Record<string, string> {
  const result = validateForm(schema, values);
  if (result.ok) return {};
  for (const error of Object.values(result.errors)) expect(isMessageKey(error.key), error.key).toBe(true);
  return Object.fromEntries(Object.entries(result.errors).map(([field, error]) => [field, error.key]));
}

describe("loginSchema", () => {
  it("accepts an email or a phone and says which", () => {
    const byPhone = validateForm(loginSchema, { identifier: "+84 912 345 678", password: "x" });
    expect(byPhone.ok && byPhone.data.identifier).toEqual({ kind: "phone", value: "0912345678" });
    const byEmail = validateForm(loginSchema, { identifier: "Lan@CongTy.vn", password: "x", redirectTo: "/admin" });
    expect(byEmail.ok && byEmail.data).toEqual({
      identifier: { kind: "email", value: "lan@congty.vn" },
      password: "x",
      redirectTo: "/admin",
    });
  });

  it("asks for both fields when they are empty or missing", () => {
    expect(errorKeys(loginSchema, { identifier: "  ", password: "" })).toEqual({
      identifier: "validation.required",
      password: "validation.required",
    });
    expect(errorKeys(loginSchema, {})).toEqual({ identifier: "validation.required", password: "validation.required" });
  });

  it("explains what an identifier looks like", () => {
    expect(errorKeys(loginSchema, { identifier: "nguyenvanan", password: "x" })).toEqual({
      identifier: "validation.identifier",
    });
  });

  it("treats a repeated field (an array) as missing, not as a crash", () => {
    expect(errorKeys(loginSchema, { identifier: ["a@b.vn", "c@d.vn"], password: "x" })).toEqual({
      identifier: "validation.required",
    });
  });
});

describe("registrationSchema", () => {
  it("accepts a complete form and normalises what was typed", () => {
    const result = validateForm(
      registrationSchema,
      registrationForm({
        orgName: "  Tiệm sửa xe Hoà Bình  ".normalize("NFD"),
        taxCode: "0101 234 567",
        contactPhone: "+84 912 345 678",
        email: " Chu.Tiem@Example.VN ",
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.orgName).toBe("Tiệm sửa xe Hoà Bình".normalize("NFC"));
    expect(result.data.taxCode).toBe("0101234567");
    expect(result.data.contactPhone).toBe("0912345678");
    expect(result.data.email).toBe("chu.tiem@example.vn");
  });

  it.each([
    ["", null],
    ["0101234567", "0101234567"],
    ["0101234567-001", "0101234567001"],
    ["0101234567001", "0101234567001"],
  ])("takes tax code %j as %j", (taxCode, expected) => {
    const result = validateForm(registrationSchema, registrationForm({ taxCode }));
    expect(result.ok && result.data.taxCode).toBe(expected);
  });

  it.each(["12345", "01012345678", "010123456700", "01012345670011", "01O1234567"])(
    "refuses tax code %j",
    (taxCode) => {
      expect(errorKeys(registrationSchema, registrationForm({ taxCode }))).toEqual({ taxCode: "validation.taxCode" });
    },
  );

  it.each([
    ["too short", "abc12345"],
    ["no digit", "chỉcóchữcái"],
    ["no letter", "1234567890"],
  ])("refuses a password with %s", (_why, password) => {
    expect(errorKeys(registrationSchema, registrationForm({ password, passwordConfirm: password }))).toEqual({
      password: "validation.password",
    });
  });

  it("counts Vietnamese letters as letters", () => {
    const password = "đồnglúa2026";
    expect(validateForm(registrationSchema, registrationForm({ password, passwordConfirm: password })).ok).toBe(true);
  });

  it("reports a confirmation that does not match on the confirmation field", () => {
    expect(errorKeys(registrationSchema, registrationForm({ passwordConfirm: "MatKhau2027" }))).toEqual({
      passwordConfirm: "validation.passwordMismatch",
    });
  });

  it("reports the mismatch even when other fields are wrong too", () => {
    expect(errorKeys(registrationSchema, registrationForm({ orgName: "", passwordConfirm: "khác" }))).toEqual({
      orgName: "validation.required",
      passwordConfirm: "validation.passwordMismatch",
    });
  });

  it.each([
    ["employer", "training_centre"],
    ["employer", "school"],
    ["employer", "police"],
    ["training_provider", "household_business"],
    ["training_provider", "workshop"],
    ["training_provider", "police"],
  ])("refuses a %s of kind %s", (role, kind) => {
    expect(errorKeys(registrationSchema, registrationForm({ role, kind }))).toEqual({ kind: "validation.choose" });
  });

  it.each([
    ["employer", "company"],
    ["employer", "workshop"],
    ["training_provider", "training_centre"],
    ["training_provider", "cooperative"],
  ])("accepts a %s of kind %s", (role, kind) => {
    expect(validateForm(registrationSchema, registrationForm({ role, kind })).ok).toBe(true);
  });

  it("asks to choose a role, province and commune", () => {
    expect(
      errorKeys(registrationSchema, registrationForm({ role: "police_unit", provinceCode: "", communeCode: "4924" })),
    ).toMatchObject({
      role: "validation.choose",
      provinceCode: "validation.choose",
      communeCode: "validation.choose",
    });
  });

  it("names the field and the limit when a text is too long", () => {
    const result = validateForm(registrationSchema, registrationForm({ orgName: "x".repeat(201) }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.orgName).toEqual({ key: "validation.tooLong", vars: { max: 200 } });
  });

  it("gives field-specific keys for a bad phone and email", () => {
    expect(errorKeys(registrationSchema, registrationForm({ contactPhone: "12345", email: "chu-tiem" }))).toEqual({
      contactPhone: "validation.phone",
      email: "validation.email",
    });
  });

  it("keeps every typed value on failure, and withoutSecrets drops the passwords", () => {
    const values = registrationForm({ orgName: "", email: "sai" });
    const result = validateForm(registrationSchema, values);
    expect(result.ok).toBe(false);
    expect(result.values).toEqual(values);
    const echoed = withoutSecrets(result.values);
    expect(echoed).not.toHaveProperty("password");
    expect(echoed).not.toHaveProperty("passwordConfirm");
    expect(echoed).toEqual({ ...values, password: undefined, passwordConfirm: undefined });
    expect(echoed.email).toBe("sai");
  });
});

describe("officerSchema", () => {
  it("takes one commune or several, and an optional phone", () => {
    const one = validateForm(officerSchema, officerForm({ communeCodes: "04924", phone: "" }));
    expect(one.ok && one.data).toMatchObject({ communeCodes: ["04924"], phone: null });
    const several = validateForm(
      officerSchema,
      officerForm({ communeCodes: ["04924", "08542"], phone: "0912 345 678" }),
    );
    expect(several.ok && several.data).toMatchObject({ communeCodes: ["04924", "08542"], phone: "0912345678" });
  });

  it("asks for at least one commune", () => {
    expect(errorKeys(officerSchema, officerForm({ communeCodes: "" }))).toEqual({ communeCodes: "validation.choose" });
    const { communeCodes: _omitted, ...withoutCommunes } = officerForm();
    expect(errorKeys(officerSchema, withoutCommunes)).toEqual({ communeCodes: "validation.choose" });
  });

  it("refuses a commune code that is not five digits, and a bad phone", () => {
    expect(errorKeys(officerSchema, officerForm({ communeCodes: ["04924", "abc"], phone: "123" }))).toEqual({
      communeCodes: "validation.invalid",
      phone: "validation.phone",
    });
  });

  it("requires a name and an email", () => {
    expect(errorKeys(officerSchema, officerForm({ fullName: " ", email: "" }))).toEqual({
      fullName: "validation.required",
      email: "validation.required",
    });
  });
});

describe("form helpers", () => {
  it("formValues keeps repeated names as arrays and leaves files out", () => {
    const form = new FormData();
    form.append("name", "Lan");
    form.append("communeCodes", "04924");
    form.append("communeCodes", "08542");
    form.append("upload", new Blob(["x"]), "x.txt");
    expect(formValues(form)).toEqual({ name: "Lan", communeCodes: ["04924", "08542"], upload: "" });
  });

  it("readForm reads a urlencoded body", async () => {
    const request = new Request("http://localhost/login", {
      method: "POST",
      body: new URLSearchParams({ identifier: "0912 345 678", password: "x" }),
    });
    expect(await readForm(request)).toEqual({ identifier: "0912 345 678", password: "x" });
  });

  it.each([
    ["application/json", '{"identifier":"a@b.vn"}'],
    ["multipart/form-data", "--x\r\nnot a part"],
    ["multipart/form-data; boundary=abc", "garbage without parts"],
    ["text/plain", "identifier=a@b.vn"],
  ])("readForm turns a %s body it cannot read into an empty form", async (contentType, body) => {
    const request = new Request("http://localhost/login", {
      method: "POST",
      body,
      headers: { "Content-Type": contentType },
    });
    expect(await readForm(request)).toEqual({});
  });

  it("withoutSecrets drops every field whose name mentions a password", () => {
    expect(
      withoutSecrets({ email: "a@b.vn", password: "x", passwordConfirm: "x", newPassword: "y", currentPASSWORD: "z" }),
    ).toEqual({
      email: "a@b.vn",
    });
  });
});
