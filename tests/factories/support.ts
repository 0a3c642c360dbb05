import type { StaffScope } from "~/auth/scope.server";
import { recordActivity } from "~/modules/activities/activities.server";
import { createMeeting } from "~/modules/activities/meetings.server";
import { activitySchema, meetingSchema } from "~/modules/activities/schema.server";
import { createFair } from "~/modules/job-fairs/job-fairs.server";
import { registerParticipant } from "~/modules/job-fairs/participants.server";
import { fairSchema } from "~/modules/job-fairs/schema.server";
import { createLoan } from "~/modules/loans/loans.server";
import { loanSchema } from "~/modules/loans/schema.server";
import { createModel } from "~/modules/models/models.server";
import { coverPerson } from "~/modules/models/persons.server";
import { coverPersonSchema, modelSchema } from "~/modules/models/schema.server";
import { todayIso } from "~/utils/clock.server";
import type { FormValues } from "~/utils/forms";

/**
 * Support records (issue 6) built through the real services and the forms' own schemas (rules, audit and
 * notifications included), so a test's data is what the pages would have produced. Each throws when the
 * service refuses, so a broken factory fails loudly instead of leaving a test without its data.
 */

function must<T extends { ok: boolean }>(what: string, outcome: T): Extract<T, { ok: true }> {
  if (!outcome.ok) throw new Error(`${what} failed: ${JSON.stringify(outcome)}`);
  return outcome as Extract<T, { ok: true }>;
}

/** An activity in the person's log (by default an encouragement visit today). */
export async function logActivity(officer: StaffScope, personId: string, overrides: FormValues = {}) {
  const input = activitySchema.parse({
    kind: "encouragement_visit",
    occurredOn: todayIso(),
    note: "",
    ...overrides,
  });
  return must("recordActivity", await recordActivity(officer, personId, input)).activityId;
}

/** A periodic meeting of the commune, held today, attended by `attendees`. */
export async function holdMeeting(
  officer: StaffScope,
  communeCode: string,
  attendees: string[],
  overrides: FormValues = {},
) {
  const input = meetingSchema.parse({
    communeCode,
    title: "Sinh hoạt định kỳ tháng này",
    heldOn: todayIso(),
    place: "Nhà văn hoá thôn 3",
    guestCount: "2",
    attendees,
    note: "",
    ...overrides,
  });
  return must("createMeeting", await createMeeting(officer, input)).meetingId;
}

/** A business loan applied for today and put on this month's list for the bank (form 01). */
export async function listLoan(officer: StaffScope, personId: string, overrides: FormValues = {}) {
  const today = todayIso();
  const input = loanSchema.parse({
    purpose: "business",
    amountVnd: "50.000.000",
    termMonths: "36",
    bankBranch: "Phòng giao dịch NHCSXH huyện Krông Nô",
    listMonth: today.slice(0, 7),
    appliedOn: today,
    note: "",
    ...overrides,
  });
  return must("createLoan", await createLoan(officer, personId, input)).loanId;
}

/** A job fair held today in the commune, with `personIds` registered. */
export async function fairWith(
  officer: StaffScope,
  communeCode: string,
  personIds: string[],
  overrides: FormValues = {},
) {
  const input = fairSchema.parse({
    title: "Phiên giao dịch việc làm quý này",
    heldOn: todayIso(),
    communeCode,
    place: "Trụ sở UBND xã",
    note: "",
    ...overrides,
  });
  const { fairId } = must("createFair", await createFair(officer, input));
  for (const personId of personIds) must("registerParticipant", await registerParticipant(officer, fairId, personId));
  return fairId;
}

/** A reintegration model of the commune launched today, covering `personIds` from today. */
export async function modelCovering(
  officer: StaffScope,
  communeCode: string,
  personIds: string[],
  overrides: FormValues = {},
) {
  const input = modelSchema.parse({
    name: "Mô hình 5+1 thử nghiệm",
    launchedOn: todayIso(),
    communeCode,
    description: "",
    ...overrides,
  });
  const { modelId } = must("createModel", await createModel(officer, input));
  for (const personId of personIds)
    must(
      "coverPerson",
      await coverPerson(officer, modelId, coverPersonSchema.parse({ personId, joinedOn: todayIso() })),
    );
  return modelId;
}
