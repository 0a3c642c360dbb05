import type { OrgScope } from "~/auth/org-scope.server";
import { createJob } from "~/modules/jobs/jobs.server";
import { type JobInput, jobInputSchema } from "~/modules/jobs/schema";
import { type TrainingInput, trainingInputSchema } from "~/modules/trainings/schema.server";
import { createTraining } from "~/modules/trainings/trainings.server";
import { todayIso } from "~/utils/clock.server";
import { addDays } from "~/utils/dates";
import type { FormValues } from "~/utils/forms";

import { createOrganization, createUser, UNITS } from "./index";

/** An ISO date `days` from today (Vietnam calendar). */
export function daysFromToday(days: number): string {
  return addDays(todayIso(), days);
}

/** The job form as an employer would fill it: the repair shop's motorbike mechanic job by default. */
export function jobForm(overrides: FormValues = {}): FormValues {
  return {
    title: "Thợ sửa xe máy",
    occupationCode: "72311",
    description: "Sửa chữa, bảo dưỡng xe máy các loại tại tiệm. Được hướng dẫn thêm tay nghề.",
    provinceCode: UNITS.lamDong,
    communeCode: UNITS.namDa,
    workplaceAddress: "Thôn Nam Thanh, Quốc lộ 28",
    wageMin: "5.000.000",
    wageMax: "7.000.000",
    employmentType: "full_time",
    openings: "2",
    skills: "thay nhớt, sửa phanh, vá săm",
    experience: "",
    benefits: ["meals"],
    startsAt: "",
    closesAt: daysFromToday(30),
    ...overrides,
  };
}

export function jobInput(overrides: FormValues = {}): JobInput {
  return jobInputSchema.parse(jobForm(overrides));
}

export function trainingForm(overrides: FormValues = {}): FormValues {
  return {
    title: "Sửa chữa xe máy – sơ cấp",
    occupationCode: "72311",
    levelCode: "so_cap",
    description: "Khóa học thực hành sửa chữa, bảo dưỡng xe máy.",
    durationWeeks: "12",
    schedule: "Sáng thứ Hai đến thứ Sáu",
    startsAt: daysFromToday(40),
    applicationDeadline: daysFromToday(30),
    seats: "25",
    costVnd: "",
    support: ["free", "meals"],
    provinceCode: UNITS.lamDong,
    communeCode: "24688",
    address: "Tổ dân phố 3, đường Hùng Vương",
    ...overrides,
  };
}

export function trainingInput(overrides: FormValues = {}): TrainingInput {
  return trainingInputSchema.parse(trainingForm(overrides));
}

/** A verified (or pending) organisation with one member, and that member's scope. */
export async function createOrgMember(
  role: "employer" | "provider",
  options: { verified?: boolean; name?: string; provinceCode?: string; communeCode?: string } = {},
): Promise<OrgScope> {
  const org = await createOrganization({
    role: role === "employer" ? "employer" : "training_provider",
    kind: role === "employer" ? "household_business" : "training_centre",
    ...(options.name ? { name: options.name } : {}),
    provinceCode: options.provinceCode ?? UNITS.lamDong,
    communeCode: options.communeCode ?? UNITS.namDa,
    verificationStatus: options.verified === false ? "pending" : "verified",
  });
  const user = await createUser({ role, organizationId: org.id });
  return { actorId: user.id, organizationId: org.id, role };
}

export async function publishJob(scope: OrgScope, overrides: FormValues = {}) {
  const outcome = await createJob(scope, jobInput(overrides), { publish: true });
  if (!outcome.ok) throw new Error(`createJob failed: ${JSON.stringify(outcome.errors)}`);
  return outcome;
}

export async function publishTraining(scope: OrgScope, overrides: FormValues = {}) {
  const outcome = await createTraining(scope, trainingInput(overrides), { publish: true });
  if (!outcome.ok) throw new Error(`createTraining failed: ${JSON.stringify(outcome.errors)}`);
  return outcome;
}
