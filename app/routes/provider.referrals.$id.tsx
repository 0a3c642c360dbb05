import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";

import type { FormState } from "~/components/forms";
import { OrganizationReferralDetail } from "~/components/referrals/org-pages";
import { organizationReferralAction, organizationReferralLoader } from "~/http/organization-referrals.server";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("referrals.detail.pageTitle")) },
];

// Arrow functions, not a factory call at the top level: the browser bundle must drop them entirely.
export const loader = (args: LoaderFunctionArgs) => organizationReferralLoader("provider", args);
export const action = (args: ActionFunctionArgs) => organizationReferralAction("provider", args);

export default function ProviderReferral() {
  const actionData = useActionData<typeof action>() as (FormState & { intent?: string }) | undefined;
  return <OrganizationReferralDetail data={useLoaderData<typeof loader>()} actionData={actionData} />;
}
