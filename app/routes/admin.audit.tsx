import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { requireStaff } from "~/auth/scope.server";
import { ErrorSummary, Field, type FormState, TextField } from "~/components/forms";
import { useLabels } from "~/components/self-service/labels";
import { formatViDateTime } from "~/i18n/format-more";
import { parseIdentifier } from "~/modules/accounts/identifier";
import { AUDIT_ACTIONS } from "~/modules/audit/actions";
import { findActorId, searchAudit } from "~/modules/audit/audit.server";
import type { FieldErrors, FormValues } from "~/utils/forms";
import { metaTranslator, pageTitle } from "~/utils/meta";
import { queryOf } from "~/utils/text";
import { isoDate } from "~/utils/zod-fields.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(metaTranslator(matches)("self.audit.title")) }];

/** The actor of an identifier that matches no account: no event has it. */
const NOBODY = "00000000-0000-0000-0000-000000000000";

/** A provincial admin's view of the audit trail: events about persons of the province, or by its users. */
export async function loader({ request }: LoaderFunctionArgs) {
  const filterSchema = z.object({
    personId: z
      .string()
      .optional()
      .transform((s) => (s ?? "").trim())
      .refine((s) => s === "" || z.uuid().safeParse(s).success, { error: "self.audit.error.personId" }),
    actor: z
      .string()
      .optional()
      .transform((s) => (s ?? "").trim()),
    action: z
      .union([z.enum(AUDIT_ACTIONS), z.literal("")])
      .optional()
      .catch(""),
    from: isoDate(),
    to: isoDate(),
  });
  const { scope } = await requireStaff(request, "view:audit:province");
  const params = queryOf(request);
  const values: FormValues = Object.fromEntries(
    ["personId", "actor", "action", "from", "to"].map((k) => [k, (params.get(k) ?? "").slice(0, 254)]),
  );
  const parsed = filterSchema.safeParse(values);
  const errors: FieldErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      errors[String(issue.path[0])] ??= {
        key: issue.message === "self.audit.error.personId" ? "self.audit.error.personId" : "validation.date",
      };
    return json(
      { values, errors, events: [], province: scope.provinceCodes[0] ?? "" },
      { headers: { "Cache-Control": "private, no-store" } },
    );
  }
  const f = parsed.data;
  let actorId: string | undefined;
  if (f.actor) {
    const isId = z.uuid().safeParse(f.actor).success;
    const identifier = isId ? null : parseIdentifier(f.actor);
    if (!isId && !identifier) errors.actor = { key: "self.audit.error.actor" };
    // An e-mail or phone that matches nobody gets the same empty list as one whose events are all in another
    // province: otherwise any admin could learn whether a phone number is a released person's login anywhere.
    else actorId = isId ? f.actor : ((await findActorId(identifier!)) ?? NOBODY);
  }
  const events = errors.actor
    ? []
    : await searchAudit({
        provinceCode: scope.provinceCodes[0] ?? "-",
        personId: f.personId || undefined,
        actorId,
        action: f.action || undefined,
        from: f.from ? new Date(`${f.from}T00:00:00+07:00`) : undefined,
        to: f.to ? new Date(`${f.to}T23:59:59.999+07:00`) : undefined,
        limit: 200,
      });
  return json(
    { values, errors, events, province: scope.provinceCodes[0] ?? "" },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export default function AdminAudit() {
  const { values, errors, events, province } = useLoaderData<typeof loader>();
  const { t, action, purpose, role, number } = useLabels();
  const state: FormState = { values, errors };
  const when = (at: string) => formatViDateTime(at, true);
  return (
    <>
      <h1>{t("self.audit.title")}</h1>
      <p className="lead">{t("self.audit.lead")}</p>
      <ErrorSummary
        state={state}
        labels={{
          personId: "self.audit.personId",
          actor: "self.audit.actor",
          from: "self.audit.from",
          to: "self.audit.to",
        }}
      />
      <Form method="get" className="audit-filters" role="search">
        <TextField name="personId" label="self.audit.personId" state={state} />
        <TextField name="actor" label="self.audit.actor" hint="self.audit.actor.hint" state={state} />
        <Field name="action" label="self.audit.action" state={state}>
          {(control) => (
            <select {...control} name="action">
              <option value="">{t("self.audit.anyAction")}</option>
              {AUDIT_ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {action(a)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="from" label="self.audit.from" state={state}>
          {(control) => <input {...control} name="from" type="date" />}
        </Field>
        <Field name="to" label="self.audit.to" state={state}>
          {(control) => <input {...control} name="to" type="date" />}
        </Field>
        <div className="actions">
          <button type="submit" className="button">
            {t("self.audit.submit")}
          </button>
          <Link to="/admin/audit" className="button button--ghost">
            {t("self.audit.reset")}
          </Link>
        </div>
      </Form>
      {events.length === 0 ? (
        <p className="empty-state">{t("self.audit.none")}</p>
      ) : (
        <>
          <p className="hint">{t("self.audit.count", { count: number(events.length) })}</p>
          <table className="log-table">
            <thead>
              <tr>
                <th scope="col">{t("self.audit.when")}</th>
                <th scope="col">{t("self.audit.who")}</th>
                <th scope="col">{t("self.audit.action")}</th>
                <th scope="col">{t("self.audit.person")}</th>
                <th scope="col">{t("self.audit.purpose")}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td data-label={t("self.audit.when")}>
                    <span>{when(e.at)}</span>
                  </td>
                  <td data-label={t("self.audit.who")}>
                    <span>
                      {e.actorName ?? t("self.actor.unknown")} <span className="hint">· {role(e.actorRole)}</span>
                    </span>
                  </td>
                  <td data-label={t("self.audit.action")}>
                    <span>{action(e.action)}</span>
                  </td>
                  <td data-label={t("self.audit.person")}>
                    <span>
                      {e.personId ? (
                        <>
                          {e.personName && e.personProvinceCode === province
                            ? e.personName
                            : t("self.audit.otherProvince")}{" "}
                          <Link to={`/admin/audit?personId=${e.personId}`} className="hint">
                            {e.personId.slice(0, 8)}
                          </Link>
                        </>
                      ) : (
                        "—"
                      )}
                    </span>
                  </td>
                  <td data-label={t("self.audit.purpose")}>
                    <span>{purpose(e.purpose, "staff")}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
