import { useState } from "react";

import { Field, type FormState } from "~/components/forms";
import { valuesOf } from "~/components/job-form";
import type { MessageKey } from "~/i18n";
import type { Commune } from "~/modules/admin-units/admin-units.server";
import { OCCUPATION_GROUPS } from "~/modules/reference/occupation-groups";
import type { Occupation } from "~/modules/reference/reference.server";
import { useI18n } from "~/utils/i18n-react";

type Base = { name: string; label: MessageKey; hint?: MessageKey; state: FormState; required?: boolean };

const checked = (state: FormState, name: string) => ["on", "true", "1"].includes(valuesOf(state, name)[0] ?? "");

/** One checkbox with its label beside it; the error, if any, below. */
export function CheckboxField({ name, label, hint, state }: Omit<Base, "required">) {
  const { t, error } = useI18n();
  const id = `f-${name}`;
  const message = error(state?.errors?.[name]);
  const described = [hint ? `${id}-hint` : null, message ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={`field field--check${message ? " field--invalid" : ""}`}>
      <label className="check" htmlFor={id}>
        <input
          type="checkbox"
          id={id}
          name={name}
          defaultChecked={checked(state, name)}
          aria-describedby={described || undefined}
        />
        <span>{t(label)}</span>
      </label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {t(hint)}
        </p>
      ) : null}
      {message ? (
        <p className="field-error" id={`${id}-error`}>
          {message}
        </p>
      ) : null}
    </div>
  );
}

/** A select with an empty first choice; options are already translated. */
export function SelectField({
  options,
  empty = "—",
  ...field
}: Base & { options: readonly { value: string; label: string }[]; empty?: string }) {
  return (
    <Field {...field}>
      {(control) => (
        <select {...control} name={field.name}>
          <option value="">{empty}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/**
 * Several occupations, grouped by the 10 major groups of the Vietnamese occupation list: one collapsible
 * group of checkboxes each (opened where something is chosen), so it works on a phone and without JavaScript.
 */
export function OccupationChecklist({
  name,
  label,
  hint,
  state,
  occupations,
}: Omit<Base, "required"> & { occupations: Occupation[] }) {
  const { t, locale, error } = useI18n();
  const [chosen, setChosen] = useState(() => new Set(valuesOf(state, name)));
  const id = `f-${name}`;
  const message = error(state?.errors?.[name]);
  const nameOf = (o: Occupation) => (locale === "en" ? o.nameEn : o.nameVi);
  const groups = OCCUPATION_GROUPS.map((g) => ({
    code: g.code,
    name: g[locale],
    items: occupations
      .filter((o) => o.majorGroup === g.code)
      .sort((a, b) => nameOf(a).localeCompare(nameOf(b), locale)),
  })).filter((g) => g.items.length > 0);
  const initial = new Set(valuesOf(state, name));
  function toggle(code: string, on: boolean) {
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(code);
      else next.delete(code);
      return next;
    });
  }
  const described = [hint ? `${id}-hint` : null, message ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <fieldset
      className={`occupation-list${message ? " field--invalid" : ""}`}
      aria-describedby={described || undefined}
    >
      <legend>{t(label)}</legend>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {t(hint)}
        </p>
      ) : null}
      {groups.map((g, gi) => {
        const count = g.items.filter((o) => chosen.has(o.code)).length;
        return (
          <details key={g.code} open={g.items.some((o) => initial.has(o.code)) || undefined}>
            <summary>
              {g.name}
              {count ? (
                <span className="occupation-list__count"> · {t("persons.occupations.chosen", { count })}</span>
              ) : null}
            </summary>
            <div className="occupation-list__items">
              {g.items.map((o, i) => (
                <label key={o.code} className="check">
                  <input
                    type="checkbox"
                    name={name}
                    value={o.code}
                    id={gi === 0 && i === 0 ? id : undefined}
                    defaultChecked={initial.has(o.code)}
                    onChange={(e) => toggle(o.code, e.target.checked)}
                  />
                  <span>{nameOf(o)}</span>
                </label>
              ))}
            </div>
          </details>
        );
      })}
      {message ? (
        <p className="field-error" id={`${id}-error`}>
          {message}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Communes of the province, several at once (court bans on residing in places). */
export function CommuneMultiSelect({ communes, ...field }: Base & { communes: Commune[] }) {
  const { locale } = useI18n();
  const chosen = valuesOf(field.state, field.name);
  const sorted = [...communes].sort((a, b) => a.name.localeCompare(b.name, locale));
  return (
    <Field {...field}>
      {({ defaultValue: _single, ...control }) => (
        <select {...control} name={field.name} multiple defaultValue={chosen} size={6}>
          {sorted.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
