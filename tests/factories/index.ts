import crypto from "node:crypto";

import { hashPassword } from "~/auth/password.server";
import type { FormValues } from "~/utils/forms";

import { db } from "../../db/client.server";
import { appUser, officerCommune, organization, type Role } from "../../db/schema";

/**
 * Factories, not fixtures: each builds a valid record with sensible Vietnamese defaults and takes
 * overrides for what a test cares about. The `create*` ones write to the process database (`db()`),
 * which setupIntegration points at the test file's own copy.
 */

/** Real administrative units from the shipped catalogue, used as defaults and in scope tests. */
export const UNITS = {
  phuTho: "25",
  luongSon: "04924", // Phú Thọ
  thanhSon: "08542", // Phú Thọ
  lamDong: "68",
  namDa: "24697", // Lâm Đồng
  krongNo: "24688", // Lâm Đồng
} as const;

/** Satisfies the password rules (10+ characters, letters and digits). */
export const DEFAULT_PASSWORD = "NuiXanh2026";

let sequence = 0;
// Per process: two test files never share a database, but a random part keeps reruns readable.
const runTag = crypto.randomBytes(2).toString("hex");

function next(): number {
  sequence += 1;
  return sequence;
}

export function uniqueEmail(prefix = "user"): string {
  return `${prefix}.${runTag}.${next()}@example.vn`;
}

/** A valid mobile number (10 digits, leading 09), unique within this process. */
export function uniquePhone(): string {
  const n = (parseInt(runTag, 16) * 1000 + next()) % 100_000_000;
  return `09${String(n).padStart(8, "0")}`;
}

// argon2 costs ~30 ms a hash: reuse one per distinct password.
const hashes = new Map<string, Promise<string>>();
function hashOnce(password: string): Promise<string> {
  let hash = hashes.get(password);
  if (!hash) {
    hash = hashPassword(password);
    hashes.set(password, hash);
  }
  return hash;
}

type OrganizationInsert = typeof organization.$inferInsert;

export function buildOrganization(overrides: Partial<OrganizationInsert> = {}): OrganizationInsert {
  const n = next();
  return {
    role: "employer",
    kind: "company",
    name: `Công ty TNHH Thử Nghiệm ${n}`,
    taxCode: null,
    provinceCode: UNITS.phuTho,
    communeCode: UNITS.luongSon,
    address: `Số ${n}, đường Trần Phú`,
    contactName: "Nguyễn Văn An",
    contactPhone: uniquePhone(),
    verificationStatus: "pending",
    ...overrides,
  };
}

export async function createOrganization(overrides: Partial<OrganizationInsert> = {}) {
  const [row] = await db().insert(organization).values(buildOrganization(overrides)).returning();
  return row;
}

type UserInsert = typeof appUser.$inferInsert;
export type UserOverrides = Partial<Omit<UserInsert, "passwordHash">> & {
  role?: Role;
  password?: string;
  /** Officers only: the communes they serve (default Lương Sơn). */
  communeCodes?: string[];
};

export function buildUser(
  overrides: Omit<UserOverrides, "password" | "communeCodes"> = {},
): Omit<UserInsert, "passwordHash"> {
  const role = overrides.role ?? "employer";
  return {
    email: uniqueEmail(role),
    phone: null,
    fullName: `Người Thử ${next()}`,
    role,
    provinceCode: role === "admin" ? UNITS.phuTho : null,
    ...overrides,
  };
}

/** A user that can log in with `password` (returned alongside), officers linked to their communes. */
export async function createUser(overrides: UserOverrides = {}) {
  const { password = DEFAULT_PASSWORD, communeCodes, ...fields } = overrides;
  const values = buildUser(fields);
  const [user] = await db()
    .insert(appUser)
    .values({ ...values, passwordHash: await hashOnce(password) })
    .returning();
  if (user.role === "officer") {
    const codes = communeCodes ?? [UNITS.luongSon];
    await db()
      .insert(officerCommune)
      .values(codes.map((communeCode) => ({ userId: user.id, communeCode })));
  }
  return { ...user, password };
}

/** What the registration form posts, valid unless overridden. */
export function registrationForm(overrides: FormValues = {}): FormValues {
  const n = next();
  return {
    role: "employer",
    kind: "household_business",
    orgName: `Tiệm sửa xe Hoà Bình ${n}`,
    taxCode: "",
    provinceCode: UNITS.phuTho,
    communeCode: UNITS.luongSon,
    address: "Thôn Đồng Bến",
    contactName: "Trần Thị Bình",
    contactPhone: uniquePhone(),
    email: uniqueEmail("dangky"),
    password: DEFAULT_PASSWORD,
    passwordConfirm: DEFAULT_PASSWORD,
    ...overrides,
  };
}

/** What the admin's "new officer" form posts, valid unless overridden. */
export function officerForm(overrides: FormValues = {}): FormValues {
  return {
    fullName: `Cán Bộ Thử ${next()}`,
    email: uniqueEmail("canbo"),
    phone: "",
    communeCodes: [UNITS.luongSon],
    ...overrides,
  };
}

/** A form as the browser posts it (repeated names for arrays). */
export function formBody(values: FormValues): URLSearchParams {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  }
  return body;
}
