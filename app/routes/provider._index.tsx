import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { OrganizationHome } from "~/components/organization-home";
import { ReferralsHomeCard } from "~/components/referrals/home-card";
import { organizationHomeLoader } from "~/http/organization-home.server";
import { organizationReferralCounts } from "~/http/organization-referrals.server";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("provider.home.title")) },
];

// A wrapper, not a call at module load: the browser bundle sees server modules as empty.
export const loader = async (args: LoaderFunctionArgs) => {
  const home = await (await organizationHomeLoader("view:home:provider")(args)).json();
  return json({ ...home, referrals: await organizationReferralCounts(args.request, "provider") });
};

export default function ProviderHome() {
  const { org, referrals } = useLoaderData<typeof loader>();
  return (
    <>
      <OrganizationHome org={org} title="provider.home.title" next="provider.home.next" />
      <ReferralsHomeCard counts={referrals} />
    </>
  );
}
