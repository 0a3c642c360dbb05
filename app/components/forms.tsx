import { type ReactNode, useEffect, useRef } from "react";

import type { MessageKey } from "~/i18n";
import type { FieldErrors, FormValues } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";

export type FormState = { values?: FormValues; errors?: FieldErrors } | undefined;

function valueOf(state: FormState, name: string): string | undefined {
  const v = state?.values?.[name];
  return Array.isArray(v) ? v[0] : v;
}

type FieldProps = {
  name: string;
  label: MessageKey;
  hint?: MessageKey;
  state: FormState;
  required?: boolean;
  children: (props: {
    id: string;
    "aria-invalid"?: true;
    "aria-describedby"?: string;
    defaultValue?: string;
  }) => ReactNode;
};

/** Label, hint and error wired to the control for screen readers; the typed value is kept. */
export function Field({ name, label, hint, state, required, children }: FieldProps) {
  const { t, error } = useI18n();
  const id = `f-${name}`;
  const message = error(state?.errors?.[name]);
  const described = [hint ? `${id}-hint` : null, message ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={`field${message ? " field--invalid" : ""}`}>
      <label htmlFor={id}>
        {t(label)}
        {required ? <span className="required"> {t("form.required")}</span> : null}
      </label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {t(hint)}
        </p>
      ) : null}
      {children({
        id,
        "aria-invalid": message ? true : undefined,
        "aria-describedby": described || undefined,
        defaultValue: valueOf(state, name),
      })}
      {message ? (
        <p className="field-error" id={`${id}-error`}>
          {message}
        </p>
      ) : null}
    </div>
  );
}

export function TextField(
  props: Omit<FieldProps, "children"> & {
    type?: string;
    autoComplete?: string;
    inputMode?: "text" | "tel" | "email" | "numeric";
  },
) {
  const { type = "text", autoComplete, inputMode, ...field } = props;
  const input = useRef<HTMLInputElement>(null);
  // The server never sends a password back; with JavaScript the page stays, so empty the box the same way.
  useEffect(() => {
    if (type === "password" && field.state && input.current) input.current.value = "";
  }, [type, field.state]);
  return (
    <Field {...field}>
      {(control) => (
        <input
          {...control}
          ref={input}
          name={field.name}
          type={type}
          autoComplete={autoComplete}
          inputMode={inputMode}
          required={field.required}
          defaultValue={type === "password" ? undefined : control.defaultValue}
        />
      )}
    </Field>
  );
}

/**
 * The list of what to fix, at the top of a form that failed, so nobody misses an error below the fold.
 * `labels` names each field in the list ("Loại hình: Vui lòng chọn một mục.").
 */
export function ErrorSummary({
  state,
  labels = {},
}: {
  state: FormState;
  labels?: Partial<Record<string, MessageKey>>;
}) {
  const { t, error } = useI18n();
  const entries = Object.entries(state?.errors ?? {});
  if (entries.length === 0) return null;
  // A form-wide error (wrong password) marks no field below: say just that.
  if (entries.length === 1 && entries[0][0] === "_form") {
    return (
      <div className="alert alert--error" role="alert" tabIndex={-1}>
        <p>{error(entries[0][1])}</p>
      </div>
    );
  }
  return (
    <div className="alert alert--error" role="alert" tabIndex={-1}>
      <p>
        <strong>{t("form.errorSummary")}</strong>
      </p>
      <ul>
        {entries.map(([name, e]) => (
          <li key={name}>
            {name === "_form" ? (
              error(e)
            ) : (
              <a href={`#f-${name}`}>
                {labels[name] ? `${t(labels[name])}: ` : null}
                {error(e)}
              </a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A new password typed twice (/account and the reset forms): `password` and `passwordConfirm`, never echoed back. */
export function NewPasswordFields({ state }: { state: FormState }) {
  return (
    <>
      <TextField
        name="password"
        label="account.password.new"
        hint="account.password.new.hint"
        state={state}
        required
        type="password"
        autoComplete="new-password"
      />
      <TextField
        name="passwordConfirm"
        label="account.password.confirm"
        state={state}
        required
        type="password"
        autoComplete="new-password"
      />
    </>
  );
}
