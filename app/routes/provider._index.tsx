import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { OrganizationHome } from "../components/organization-home";
import { organizationHomeLoader } from "../modules/organizations/own.server";

export const meta: MetaFunction = () => [{ title: "Cơ sở đào tạo · Chung Tay" }];

// A wrapper, not a call at module load: the browser bundle sees server modules as empty.
export const loader = (args: LoaderFunctionArgs) => organizationHomeLoader("view:home:provider")(args);

export default function ProviderHome() {
  const { org } = useLoaderData<typeof loader>();
  return <OrganizationHome org={org} title="provider.home.title" next="provider.home.next" />;
}
