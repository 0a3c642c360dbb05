import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { OrganizationHome } from "../components/organization-home";
import { organizationHomeLoader } from "../modules/organizations/own.server";

export const meta: MetaFunction = () => [{ title: "Nhà tuyển dụng · Chung Tay" }];

// A wrapper, not a call at module load: the browser bundle sees server modules as empty.
export const loader = (args: LoaderFunctionArgs) => organizationHomeLoader("view:home:employer")(args);

export default function EmployerHome() {
  const { org } = useLoaderData<typeof loader>();
  return <OrganizationHome org={org} title="employer.home.title" next="employer.home.next" />;
}
