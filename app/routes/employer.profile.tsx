import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";

import type { FormState } from "~/components/forms";
import { OrganizationProfilePage } from "~/components/organization-profile-form";
import { organizationProfileAction, organizationProfileLoader } from "~/http/organization-profile.server";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(metaTranslator(matches)("profile.title")) }];

// Arrow functions, not a factory call at the top level: the browser bundle must drop them entirely.
export const loader = (args: LoaderFunctionArgs) => organizationProfileLoader("employer", args);
export const action = (args: ActionFunctionArgs) => organizationProfileAction("employer", args);

export default function EmployerProfile() {
  return (
    <OrganizationProfilePage
      data={useLoaderData<typeof loader>()}
      actionData={useActionData<typeof action>() as FormState}
    />
  );
}
