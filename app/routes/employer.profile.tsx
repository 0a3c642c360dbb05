import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";

import { DirectoryListingForm } from "~/components/directory-listing-form";
import type { FormState } from "~/components/forms";
import { OrganizationProfilePage } from "~/components/organization-profile-form";
import { organizationProfileAction, organizationProfileLoader } from "~/http/organization-profile.server";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(metaTranslator(matches)("profile.title")) }];

// Arrow functions, not a factory call at the top level: the browser bundle must drop them entirely.
export const loader = (args: LoaderFunctionArgs) => organizationProfileLoader("employer", args);
export const action = (args: ActionFunctionArgs) => organizationProfileAction("employer", args);

export default function EmployerProfile() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <OrganizationProfilePage data={data} actionData={useActionData<typeof action>() as FormState} />
      {/* The directory of fair-chance employers: appear in it or leave it in one click (decision 045). */}
      {data.directory ? <DirectoryListingForm status={data.directory} /> : null}
    </>
  );
}
