import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { requireStaff } from "~/auth/scope.server";
import type { FormState } from "~/components/forms";
import { IntakeForm } from "~/components/persons/intake-form";
import { getCommunes, listCommunes, listProvinces } from "~/modules/admin-units/admin-units.server";
import { type DuplicateCandidate, registerPerson } from "~/modules/persons/intake.server";
import { intakeSchema } from "~/modules/persons/schema.server";
import { listOccupations } from "~/modules/reference/reference.server";
import { type FieldErrors, type FormValues, readForm, validateForm } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("persons.new.pageTitle")) },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request, "register:person:commune");
  const [communes, placeCommunes, provinces, occupations] = await Promise.all([
    getCommunes(scope.communeCodes ?? []),
    Promise.all(scope.provinceCodes.map((p) => listCommunes(p))).then((lists) => lists.flat()),
    listProvinces(),
    listOccupations(),
  ]);
  return json({ communes, placeCommunes, provinces, occupations });
}

export async function action({ request }: ActionFunctionArgs) {
  const { scope } = await requireStaff(request, "register:person:commune");
  const values = await readForm(request);
  const answer = (errors: FieldErrors, duplicates: DuplicateCandidate[] | null = null) =>
    json({ values, errors, duplicates }, { status: 400 });
  const parsed = validateForm(intakeSchema, values);
  if (!parsed.ok) return answer(parsed.errors);
  const outcome = await registerPerson(scope, parsed.data);
  if (outcome.ok) return redirect(`/officer/persons/${outcome.personId}?done=created`);
  if ("errors" in outcome) return answer(outcome.errors);
  // A citizen ID already on file cannot be overridden; a same name and birth date can, once checked.
  const blocked = outcome.duplicates.some((d) => d.reason === "citizen_id");
  return answer(
    blocked
      ? { citizenId: { key: "persons.error.duplicateCitizenId" } }
      : { confirmNotDuplicate: { key: "persons.error.duplicate" } },
    outcome.duplicates,
  );
}

export default function NewPerson() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <>
      <p className="breadcrumb persons-back">
        <Link to="/officer/persons">{t("persons.page.back")}</Link>
      </p>
      <h1>{t("persons.new.title")}</h1>
      <p className="lead">{t("persons.new.lead")}</p>
      <IntakeForm
        state={(result ?? { values: {} as FormValues }) as FormState}
        communes={data.communes}
        placeCommunes={data.placeCommunes}
        provinces={data.provinces}
        occupations={data.occupations}
        duplicates={result?.duplicates ?? null}
      />
    </>
  );
}
