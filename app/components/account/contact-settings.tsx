import { Form } from "@remix-run/react";

import type { MessageKey } from "~/i18n";
import { useI18n } from "~/utils/i18n-react";

import type { OutsideChannel } from "../../../db/enums";

export type ContactChoicesView = {
  choices: { channel: OutsideChannel; address: string | null; chosen: boolean; consent: "given" | "needed" | null }[];
  digestHour: number | null;
  officer: boolean;
};

/** /account: how Chung Tay reaches this user outside the app (channels, and an officer's digest hour). */
export function ContactSettings({ view, saved }: { view: ContactChoicesView; saved: boolean }) {
  const { t } = useI18n();
  return (
    <section id="contact">
      <h2>{t("account.contact.heading")}</h2>
      <p>{t("account.contact.lead")}</p>
      {saved ? (
        <p className="alert alert--success" role="status">
          {t("account.contact.saved")}
        </p>
      ) : null}
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="contact" />
        <fieldset className="stack">
          <legend className="visually-hidden">{t("account.contact.heading")}</legend>
          {view.choices.map((c) => (
            <div key={c.channel} className="checkbox">
              <label>
                <input
                  type="checkbox"
                  name="channels"
                  value={c.channel}
                  defaultChecked={c.chosen}
                  disabled={!c.address}
                />{" "}
                {t(`account.contact.${c.channel}` as MessageKey)}
                {c.address ? <> {t("account.contact.to", { address: c.address })}</> : null}
              </label>
              {!c.address ? <p className="hint">{t("account.contact.noAddress")}</p> : null}
              {c.consent ? (
                <p className="hint">
                  {t(c.consent === "given" ? "account.contact.consentGiven" : "account.contact.consentNeeded")}
                </p>
              ) : null}
            </div>
          ))}
        </fieldset>
        {view.officer ? (
          <label className="field">
            <span className="field__label">{t("account.contact.digestHour")}</span>
            <select name="digestHour" defaultValue={view.digestHour ?? ""}>
              <option value="">{t("account.contact.digestOff")}</option>
              {Array.from({ length: 24 }, (_, h) => (
                <option key={h} value={h}>
                  {`${String(h).padStart(2, "0")}:00`}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <p className="hint">{t("account.contact.quiet")}</p>
        <p>
          <button type="submit" className="button button--secondary">
            {t("account.contact.save")}
          </button>
        </p>
      </Form>
    </section>
  );
}
