import type { StaffScope } from "~/auth/scope.server";
import { grantConsent } from "~/modules/consent/consent.server";
import { consentSchema } from "~/modules/consent/schema.server";
import { registerPerson } from "~/modules/persons/intake.server";
import { activateAccount, activationSchema, issueInvitation } from "~/modules/persons/invitations.server";
import { intakeSchema } from "~/modules/persons/schema.server";
import { todayIso } from "~/utils/clock.server";
import type { FormValues } from "~/utils/forms";

import { createUser, DEFAULT_PASSWORD, UNITS } from "./index";

/** The intake form as an officer fills it: Mr Nguyễn Văn H. of Nam Đà by default (3 years, motorbikes). */
export function intakeForm(overrides: FormValues = {}): FormValues {
  return {
    fullName: "Nguyễn Văn H.",
    gender: "male",
    dateOfBirth: "1990-08-02",
    citizenId: "",
    phone: "",
    address: "Thôn Nam Tiến",
    communeCode: UNITS.namDa,
    releaseDate: "2025-05-20",
    releaseType: "completed",
    offenceDate: "2022-03-10",
    offenceCategory: "property",
    penalty: "prison",
    sentenceMonths: "36",
    mainCompletedOn: "2025-05-20",
    supplementaryCompletedOn: "",
    skills: "sửa xe máy, thay nhớt, vá săm",
    trades: ["72311"],
    desiredOccupations: ["72311"],
    willingToMove: "",
    expectedWage: "5.000.000",
    needs: ["id_card"],
    ...overrides,
  };
}

export async function createOfficerScope(
  communeCodes: string[] = [UNITS.namDa],
  provinceCode: string = UNITS.lamDong,
): Promise<StaffScope> {
  const officer = await createUser({ role: "officer", communeCodes });
  return { actorId: officer.id, role: "officer", provinceCodes: [provinceCode], communeCodes };
}

export async function createPerson(scope: StaffScope, overrides: FormValues = {}) {
  const outcome = await registerPerson(scope, intakeSchema.parse(intakeForm(overrides)));
  if (!outcome.ok) throw new Error(`registerPerson failed: ${JSON.stringify(outcome)}`);
  return outcome.personId;
}

export function consentForm(overrides: FormValues = {}): FormValues {
  return {
    purposes: ["matching", "share_contact"],
    shareableFields: ["full_name", "age", "commune", "skills", "trades", "phone"],
    givenOn: todayIso(),
    evidenceKind: "paper_form",
    paperFormNumber: "HCD-02/2026/017",
    validMonths: "12",
    ...overrides,
  };
}

export async function giveConsent(scope: StaffScope, personId: string, overrides: FormValues = {}) {
  const outcome = await grantConsent(scope, personId, consentSchema.parse(consentForm(overrides)));
  if (!outcome.ok) throw new Error(`grantConsent failed: ${JSON.stringify(outcome)}`);
  return outcome.grantId;
}

/**
 * The person's own account, the way they get it: the officer issues an invitation, the person activates it
 * with the code, their phone and a password (from `ip`, which the activation limiter counts). Their user id.
 */
export async function activatePerson(
  scope: StaffScope,
  personId: string,
  options: { phone: string; ip: string; password?: string },
): Promise<string> {
  const issued = await issueInvitation(scope, personId);
  if (!issued) throw new Error("issueInvitation failed");
  const password = options.password ?? DEFAULT_PASSWORD;
  const input = activationSchema.parse({
    code: issued.code,
    phone: options.phone,
    password,
    passwordConfirm: password,
  });
  const outcome = await activateAccount({ ...input, ip: options.ip });
  if (!outcome.ok) throw new Error(`activateAccount failed: ${JSON.stringify(outcome.errors)}`);
  return outcome.userId;
}
