import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { OrganizationHome } from "../components/organization-home";
import { organizationHomeLoader } from "../modules/organizations/own.server";
import { metaTranslator, pageTitle } from "../utils/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(metaTranslator(matches)("employer.home.title")) }];

// A wrapper, not a call at module load: the browser bundle sees server modules as empty.
export const loader = (args: LoaderFunctionArgs) => organizationHomeLoader("view:home:employer")(args);

export default function EmployerHome() {
  const { org } = useLoaderData<typeof loader>();
  return <OrganizationHome org={org} title="employer.home.title" next="employer.home.next" />;
}
