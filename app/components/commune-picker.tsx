import { useEffect, useRef, useState } from "react";

import type { Commune, Province } from "~/modules/admin-units/admin-units.server";
import { useI18n } from "~/utils/i18n-react";

import { Field, type FormState } from "./forms";

/**
 * Province then commune. Without JavaScript the "load communes" button re-submits the form (the action
 * keeps every typed value and lists the province's communes); with it, the list loads in place.
 */
export function CommunePicker({
  provinces,
  communes: initialCommunes,
  state,
}: {
  provinces: Province[];
  communes: Commune[];
  state: FormState;
}) {
  const { t } = useI18n();
  const initialProvince = (state?.values?.provinceCode as string | undefined) ?? "";
  const [province, setProvince] = useState(initialProvince);
  const [communes, setCommunes] = useState(initialCommunes);
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  // Take the server's list after a submission; the parent passes a new empty array on every other
  // render (e.g. when the role changes), which must not wipe the list loaded in the browser.
  useEffect(() => {
    if (initialCommunes.length > 0) setCommunes(initialCommunes);
  }, [initialCommunes]);
  const latestProvince = useRef(initialProvince);

  async function onProvinceChange(code: string) {
    latestProvince.current = code;
    setProvince(code);
    setCommunes([]);
    if (!code) return;
    const res = await fetch(`/api/communes?province=${code}`);
    // A slow answer for a province the user has already changed away from is dropped.
    if (res.ok && latestProvince.current === code)
      setCommunes(((await res.json()) as { communes: Commune[] }).communes);
  }

  return (
    <>
      <div className="row">
        <Field name="provinceCode" label="register.province" state={state} required>
          {(control) => (
            <select {...control} name="provinceCode" onChange={(e) => void onProvinceChange(e.target.value)}>
              <option value="">—</option>
              {provinces.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        {enhanced ? null : (
          <button type="submit" name="intent" value="load-communes" className="button button--secondary" formNoValidate>
            {t("register.loadCommunes")}
          </button>
        )}
      </div>
      <Field name="communeCode" label="register.commune" state={state} required>
        {(control) => (
          <select {...control} name="communeCode" key={province} disabled={communes.length === 0}>
            <option value="">{communes.length ? "—" : t("register.chooseProvinceFirst")}</option>
            {communes.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}
