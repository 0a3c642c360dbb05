import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { OrganizationHome } from "../components/organization-home";
import { organizationHomeLoader } from "../modules/organizations/own.server";

export const meta: MetaFunction = () => [{ title: "Cơ sở đào tạo · Chung Tay" }];

export const loader = organizationHomeLoader("view:home:provider");

export default function ProviderHome() {
  const { org } = useLoaderData<typeof loader>();
  return <OrganizationHome org={org} title="provider.home.title" next="provider.home.next" />;
}
