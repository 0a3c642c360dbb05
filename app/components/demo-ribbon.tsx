import { useI18n } from "~/utils/i18n-react";

/**
 * The bar at the top of every page of the demo (APP_MODE=demo, docs/decisions/040): nobody should take the
 * demo for a real service, nor type a real person's details into it. Plain HTML, no script; a labelled
 * landmark of its own (so it is announced and nothing sits outside a landmark), before the header, wrapping
 * at 360 px.
 */
export function DemoRibbon() {
  const { t } = useI18n();
  const title = t("demo.ribbon.title");
  return (
    <aside className="demo-ribbon" aria-label={title} data-demo-ribbon>
      <p className="container demo-ribbon__text">
        <strong>{`${title}:`}</strong> {t("demo.ribbon.body")}
      </p>
    </aside>
  );
}
