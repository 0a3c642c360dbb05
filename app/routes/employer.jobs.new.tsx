import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";

import { NewListingPage } from "~/components/listings/form-pages";
import { newListingAction, newListingLoader } from "~/http/listings.server";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("jobs.form.newTitle")) },
];

// One handler and one page for every kind of posting and who posts it (app/http/listings.server.ts). Arrow
// functions, not a factory call at the top level: the browser bundle must drop them entirely.
export const loader = (args: LoaderFunctionArgs) => newListingLoader("job", "employer", args);
export const action = (args: ActionFunctionArgs) => newListingAction("job", "employer", args);

export default function NewJob() {
  return <NewListingPage data={useLoaderData<typeof loader>()} result={useActionData<typeof action>()} />;
}
