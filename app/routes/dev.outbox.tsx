import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { DeliveryList } from "~/components/deliveries/delivery-list";
import { getEnv } from "~/env.server";
import { deliveryView } from "~/http/delivery-view.server";
import { notFound } from "~/http/responses.server";
import { listDeliveries } from "~/modules/notifications/delivery-admin.server";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("outbox.title")) },
  { name: "robots", content: "noindex" },
];

/**
 * The dev outbox: every SMS, Zalo message and e-mail the demo would have sent, as its recipient reads it,
 * so a newcomer sees what each person receives. It exists only when DEV_OUTBOX is on (the embedded demo);
 * with real providers (production) the route is a 404.
 */
export async function loader(_args: LoaderFunctionArgs) {
  if (!getEnv().devOutbox) throw notFound();
  const deliveries = (await listDeliveries({ limit: 100 })).map(deliveryView);
  return json({ deliveries }, { headers: { "Cache-Control": "no-store" } });
}

export default function DevOutbox() {
  const { deliveries } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <h1>{t("outbox.title")}</h1>
      <p className="lead">{t("outbox.lead")}</p>
      {deliveries.length === 0 ? <p>{t("outbox.none")}</p> : <DeliveryList deliveries={deliveries} />}
    </>
  );
}
