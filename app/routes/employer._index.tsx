import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { OrganizationHome } from "../components/organization-home";
import { organizationHomeLoader } from "../modules/organizations/own.server";

export const meta: MetaFunction = () => [{ title: "Nhà tuyển dụng · Chung Tay" }];

export const loader = organizationHomeLoader("view:home:employer");

export default function EmployerHome() {
  const { org } = useLoaderData<typeof loader>();
  return <OrganizationHome org={org} title="employer.home.title" next="employer.home.next" />;
}
