import { useSubmit } from "@remix-run/react";
import { type ChangeEvent, type FormEvent, type ReactNode, useEffect, useState } from "react";

import type { MessageKey } from "~/i18n";
import { useI18n } from "~/utils/i18n-react";

import { cleanSearchParams } from "./url";

/**
 * The search form. The query box sits in the <form>; filters and sort live elsewhere on the page and join
 * it with the `form` attribute, so one GET submission carries everything, with or without JavaScript.
 */

/** True once React runs in the browser: buttons only needed without JavaScript can then go. */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

export function SearchForm({
  id,
  action,
  q,
  placeholder,
  children,
}: {
  id: string;
  action: string;
  q: string | undefined;
  placeholder: MessageKey;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const submit = useSubmit();
  // With JavaScript, leave empty fields out of the URL (without it, the browser sends "province=&…": also fine).
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    submit(cleanSearchParams(data.entries()), { method: "get", action });
  }
  return (
    <form id={id} method="get" action={action} role="search" className="search-bar" onSubmit={onSubmit}>
      <label htmlFor={`${id}-q`} className="sr-only">
        {t("search.q")}
      </label>
      <input
        id={`${id}-q`}
        key={q ?? ""}
        type="search"
        name="q"
        defaultValue={q ?? ""}
        placeholder={t(placeholder)}
        enterKeyHint="search"
        autoComplete="off"
        maxLength={200}
      />
      <button type="submit" className="button">
        {t("search.submit")}
      </button>
      {children}
    </form>
  );
}

/** Submit the control's form now (a select that changes the results, or the commune list). */
export function submitOnChange(event: ChangeEvent<HTMLSelectElement | HTMLInputElement>, clear: string[] = []) {
  const form = event.currentTarget.form;
  if (!form) return;
  for (const name of clear) {
    const control = form.elements.namedItem(name);
    if (control instanceof HTMLSelectElement || control instanceof HTMLInputElement) control.value = "";
  }
  form.requestSubmit();
}

export type FilterOption = { value: string; label: string; count?: number };

/** Facet counts beside options. Left out when the facet's own filter is on (they would all read 0). */
export function withCounts(
  options: { value: string; label: string }[],
  counts: Record<string, number> | undefined,
  show: boolean,
): FilterOption[] {
  return options.map((o) => ({ ...o, count: show && counts ? (counts[o.value] ?? 0) : undefined }));
}

export function SelectFilter({
  form,
  name,
  label,
  value,
  options,
  anyLabel,
  disabled,
  onChange,
}: {
  form: string;
  name: string;
  label: MessageKey;
  value: string | undefined;
  options: FilterOption[];
  anyLabel?: string;
  disabled?: boolean;
  onChange?: (event: ChangeEvent<HTMLSelectElement>) => void;
}) {
  const { t, number } = useI18n();
  const id = `filter-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{t(label)}</label>
      <select id={id} name={name} form={form} defaultValue={value ?? ""} disabled={disabled} onChange={onChange}>
        <option value="">{anyLabel ?? t("search.any")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.count === undefined ? o.label : `${o.label} (${number(o.count)})`}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CheckboxFilter({
  form,
  name,
  label,
  selected,
  options,
}: {
  form: string;
  name: string;
  label: MessageKey;
  selected: readonly string[];
  options: FilterOption[];
}) {
  const { t, number } = useI18n();
  return (
    <fieldset className="filter-group">
      <legend>{t(label)}</legend>
      {options.map((o) => (
        <label key={o.value} className="check">
          <input type="checkbox" form={form} name={name} value={o.value} defaultChecked={selected.includes(o.value)} />
          <span>{o.label}</span>
          {o.count === undefined ? null : <span className="facet-count">{number(o.count)}</span>}
        </label>
      ))}
    </fieldset>
  );
}

/** "Bộ lọc · 2 đang áp dụng": collapsed on a phone so the results come first; a sidebar on a wide screen. */
export function FilterPanel({ active, open, children }: { active: number; open: boolean; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <details className="search-filters" open={open || undefined}>
      <summary>
        <span className="search-filters__title">{t("search.filters")}</span>
        {active > 0 ? (
          <span className="search-filters__active">{t("search.filters.active", { count: active })}</span>
        ) : null}
      </summary>
      {children}
    </details>
  );
}
