import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";

import { requireStaff } from "~/auth/scope.server";
import { DeliveryList } from "~/components/deliveries/delivery-list";
import { deliveryView } from "~/http/delivery-view.server";
import { listDeliveries, retryDelivery } from "~/modules/notifications/delivery-admin.server";
import { readForm } from "~/utils/forms";
import { useI18n } from "~/utils/i18n-react";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("admin.deliveries.title")) },
];

const PAGE = 50;

/** The province's messages that left the app, with the dead letters first to hand: each one's status and reason. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request, "manage:delivery:province");
  const query = new URL(request.url).searchParams;
  const problems = query.get("show") !== "all";
  const before = z.coerce.number().int().positive().safeParse(query.get("before"));
  const lines = await listDeliveries({
    provinceCode: scope.provinceCodes[0] ?? "-",
    statuses: problems ? ["failed", "dead"] : undefined,
    before: before.success ? before.data : undefined,
    limit: PAGE,
  });
  return json(
    { deliveries: lines.map(deliveryView), problems, older: lines.length === PAGE ? lines[lines.length - 1].id : null },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const { scope } = await requireStaff(request, "manage:delivery:province");
  const parsed = z
    .object({ intent: z.literal("retry"), id: z.coerce.number().int().positive() })
    .safeParse(await readForm(request));
  // Only a stale or tampered page posts anything else: say so in the admin's language.
  if (!parsed.success) return json({ error: "validation.invalid" as const }, { status: 400 });
  const ok = await retryDelivery(scope.provinceCodes[0] ?? "-", parsed.data.id);
  return redirect(`/admin/deliveries?done=${ok ? "retried" : "notRetried"}`);
}

export default function AdminDeliveries() {
  const { deliveries, problems, older } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useI18n();
  const done = params.get("done");
  return (
    <>
      <h1>{t("admin.deliveries.title")}</h1>
      <p className="lead">{t("admin.deliveries.lead")}</p>
      {refused?.error ? (
        <p className="alert alert--error" role="alert">
          {t(refused.error)}
        </p>
      ) : null}
      {done === "retried" || done === "notRetried" ? (
        <p className={`alert ${done === "retried" ? "alert--success" : "alert--error"}`} role="status">
          {t(done === "retried" ? "admin.deliveries.retried" : "admin.deliveries.notRetried")}
        </p>
      ) : null}
      <p>
        <Link to={problems ? "?show=all" : "?"}>
          {t(problems ? "admin.deliveries.all" : "admin.deliveries.problems")}
        </Link>
      </p>
      {deliveries.length === 0 ? (
        <p>{t("admin.deliveries.none")}</p>
      ) : (
        <DeliveryList
          deliveries={deliveries}
          action={(d) =>
            d.status === "failed" || d.status === "dead" ? (
              <Form method="post">
                <input type="hidden" name="intent" value="retry" />
                <input type="hidden" name="id" value={d.id} />
                <button type="submit" className="button button--secondary">
                  {t("admin.deliveries.retry")}
                </button>
              </Form>
            ) : null
          }
        />
      )}
      {older ? (
        <p>
          <Link to={`?${problems ? "" : "show=all&"}before=${older}`}>{t("admin.deliveries.older")}</Link>
        </p>
      ) : null}
    </>
  );
}
