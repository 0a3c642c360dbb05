import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { OrganizationReferralList } from "~/components/referrals/org-pages";
import { organizationReferralsLoader } from "~/http/organization-referrals.server";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("referrals.org.title")) },
];

// Arrow functions, not a factory call at the top level: the browser bundle must drop them entirely.
export const loader = (args: LoaderFunctionArgs) => organizationReferralsLoader("employer", args);

export default function EmployerReferrals() {
  return <OrganizationReferralList data={useLoaderData<typeof loader>()} />;
}
