import { useI18n } from "~/utils/i18n-react";

/**
 * The bar at the top of every page of the demo (APP_MODE=demo, docs/decisions/040): nobody should take the
 * demo for a real service, nor type a real person's details into it. Plain HTML, no script; a note
 * (role="note") read before the header, wrapping at 360 px.
 */
export function DemoRibbon() {
  const { t } = useI18n();
  return (
    <div className="demo-ribbon" role="note" data-demo-ribbon>
      <p className="container demo-ribbon__text">
        <strong>{`${t("demo.ribbon.title")}:`}</strong> {t("demo.ribbon.body")}
      </p>
    </div>
  );
}
