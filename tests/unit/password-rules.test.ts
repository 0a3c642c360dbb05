import { describe, expect, it } from "vitest";

import { translator } from "~/i18n";
import { COMMON_PASSWORDS } from "~/modules/accounts/common-passwords";
import { foldPassword, passwordProblem } from "~/modules/accounts/password-rules";
import { changePasswordSchema, registrationSchema } from "~/modules/accounts/schema.server";
import { activationSchema } from "~/modules/persons/invitations.server";
import { validateForm } from "~/utils/forms";

import { DEFAULT_PASSWORD, registrationForm } from "../factories";

const me = { email: "lan.nguyen@hoptac.vn", phone: "0912345678" };

describe("the password rules", () => {
  it.each([
    ["the demo password", "ChungTay@2026"],
    ["the factories' password", DEFAULT_PASSWORD],
    ["Vietnamese letters", "đồnglúa2026"],
    ["a long passphrase", "con đò nhỏ qua sông 2026"],
    ["200 characters", `${"a".repeat(190)}1234567890`],
  ])("accept %s", (_what, password) => {
    expect(passwordProblem(password, me)).toBeNull();
  });

  it.each([
    ["9 characters", "abcd12345", "validation.password"],
    ["no digit", "khôngcósố", "validation.password"],
    ["no letter", "1234567890", "validation.password"],
    ["201 characters", `${"a".repeat(191)}1234567890`, "account.password.tooLong"],
    ["matkhau123", "matkhau123", "account.password.common"],
    ["Mật khẩu 123 with accents and spaces", "Mật khẩu 123", "account.password.common"],
    ["123456789a", "123456789a", "account.password.common"],
    ["iloveyou + digits", "iloveyou2026", "account.password.common"],
    ["anhyeuem + digits", "AnhYeuEm@1990", "account.password.common"],
    ["digits + a weak word", "2026matkhau", "account.password.common"],
    ["Password with symbols", "P@ssword!!2026", "account.password.common"],
    ["a keyboard walk", "1qaz2wsx3edc", "account.password.common"],
    ["one letter repeated", "aaaaaaaaaa1", "account.password.common"],
    ["the email's name", "Lan.Nguyen2026", "account.password.personal"],
    ["the phone number", "xe0912345678", "account.password.personal"],
    ["the phone number grouped", "so 912-345-678 ok", "account.password.personal"],
  ])("refuse %s", (_what, password, expected) => {
    expect(passwordProblem(password, me)).toBe(expected);
  });

  it("ship a few hundred common passwords, folded, including the Vietnamese favourites", () => {
    expect(COMMON_PASSWORDS.length).toBeGreaterThanOrEqual(300);
    for (const p of COMMON_PASSWORDS) expect(foldPassword(p), p).toBe(p);
    for (const p of ["matkhau123", "123456789a", "anhyeuem", "emyeuanh", "yeuem123"])
      expect(COMMON_PASSWORDS).toContain(p);
    expect(COMMON_PASSWORDS.some((p) => p.includes("chungtay"))).toBe(false);
  });

  it("have a Vietnamese and an English message for every answer", () => {
    for (const key of [
      "validation.password",
      "account.password.tooLong",
      "account.password.common",
      "account.password.personal",
      "account.password.same",
    ] as const) {
      expect(translator("vi")(key)).not.toBe(key);
      expect(translator("en")(key)).not.toBe(translator("vi")(key));
    }
  });
});

describe("the forms that set a password use them", () => {
  it("registration: common, and the account's own email or phone", () => {
    const common = validateForm(
      registrationSchema,
      registrationForm({ password: "matkhau2026", passwordConfirm: "matkhau2026" }),
    );
    expect(!common.ok && common.errors.password?.key).toBe("account.password.common");
    const form = registrationForm();
    const withPhone = `Xe${String(form.contactPhone)}`;
    const personal = validateForm(registrationSchema, { ...form, password: withPhone, passwordConfirm: withPhone });
    expect(!personal.ok && personal.errors.password?.key).toBe("account.password.personal");
    const local = String(form.email).split("@")[0]!;
    const withEmail = `${local}X9`;
    const byEmail = validateForm(registrationSchema, { ...form, password: withEmail, passwordConfirm: withEmail });
    expect(!byEmail.ok && byEmail.errors.password?.key).toBe("account.password.personal");
  });

  it("activation: common, and the person's phone", () => {
    const base = { code: "ACDE-7K3M", phone: "0912 345 678" };
    const common = validateForm(activationSchema, { ...base, password: "123456789a", passwordConfirm: "123456789a" });
    expect(!common.ok && common.errors.password?.key).toBe("account.password.common");
    const personal = validateForm(activationSchema, {
      ...base,
      password: "Lan0912345678",
      passwordConfirm: "Lan0912345678",
    });
    expect(!personal.ok && personal.errors.password?.key).toBe("account.password.personal");
    expect(
      validateForm(activationSchema, { ...base, password: "SongXanh2026", passwordConfirm: "SongXanh2026" }).ok,
    ).toBe(true);
  });

  it("password change: the rules, a confirmation, and a new password that differs", () => {
    const change = (password: string, currentPassword = "ChungTay@2026", passwordConfirm = password) =>
      validateForm(changePasswordSchema, { currentPassword, password, passwordConfirm });
    expect(change("iloveyou123")).toMatchObject({
      ok: false,
      errors: { password: { key: "account.password.common" } },
    });
    expect(change("ChungTay@2026")).toMatchObject({
      ok: false,
      errors: { password: { key: "account.password.same" } },
    });
    expect(change("SongXanh2026", undefined, "SongXanh2027")).toMatchObject({
      ok: false,
      errors: { passwordConfirm: { key: "validation.passwordMismatch" } },
    });
    expect(change("SongXanh2026", "")).toMatchObject({
      ok: false,
      errors: { currentPassword: { key: "validation.required" } },
    });
    expect(change("SongXanh2026").ok).toBe(true);
  });
});
