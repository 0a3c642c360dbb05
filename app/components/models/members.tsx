import { Form } from "@remix-run/react";

import { type FormState, TextField } from "~/components/forms";
import { FormErrors } from "~/components/persons/form-errors";
import type { SteeringMember } from "~/modules/models/models.server";
import { useI18n } from "~/utils/i18n-react";

const LABELS = {
  organizationName: "events.model.member.organization",
  personName: "events.model.member.person",
  role: "events.model.member.role",
} as const;

/** The steering committee (ban chỉ đạo): organisations and people by name, not accounts. */
export function SteeringCommittee({
  members,
  addState,
  removeState,
}: {
  members: SteeringMember[];
  addState: FormState;
  removeState: FormState;
}) {
  const { t } = useI18n();
  return (
    <section className="panel model-members" id="members" aria-labelledby="members-title">
      <h2 id="members-title">{t("events.model.members.title")}</h2>
      <FormErrors state={removeState} />
      {members.length === 0 ? (
        <p className="empty-state">{t("events.model.members.empty")}</p>
      ) : (
        <div className="table-scroll">
          <table className="log-table model-table">
            <thead>
              <tr>
                <th scope="col">{t(LABELS.organizationName)}</th>
                <th scope="col">{t(LABELS.personName)}</th>
                <th scope="col">{t(LABELS.role)}</th>
                <th scope="col">{t("events.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.id} data-member={m.id}>
                  <td data-label={t(LABELS.organizationName)}>{m.organizationName}</td>
                  <td data-label={t(LABELS.personName)}>{m.personName || "—"}</td>
                  <td data-label={t(LABELS.role)}>{m.role || "—"}</td>
                  <td data-label={t("events.actions")}>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="removeMember" />
                      <input type="hidden" name="memberId" value={m.id} />
                      <button type="submit" className="button button--ghost">
                        {t("events.remove")}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <details className="panel-form" open={!!addState?.errors || undefined}>
        <summary>{t("events.model.members.add")}</summary>
        <FormErrors state={addState} labels={LABELS} />
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="addMember" />
          <TextField
            name="organizationName"
            label={LABELS.organizationName}
            hint="events.model.member.organization.hint"
            state={addState}
            required
            autoComplete="off"
          />
          <TextField name="personName" label={LABELS.personName} state={addState} autoComplete="off" />
          <TextField
            name="role"
            label={LABELS.role}
            hint="events.model.member.role.hint"
            state={addState}
            autoComplete="off"
          />
          <div className="actions">
            <button type="submit" className="button button--secondary">
              {t("events.model.members.submit")}
            </button>
          </div>
        </Form>
      </details>
    </section>
  );
}
