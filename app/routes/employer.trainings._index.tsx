import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";

import { OwnListingsPage } from "~/components/listings/own-listings-page";
import { ownListingsAction, ownListingsLoader } from "~/http/listings.server";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("businessTraining.own.title")) },
];

// One handler and one page for every kind of posting and who posts it (app/http/listings.server.ts). Arrow
// functions, not a factory call at the top level: the browser bundle must drop them entirely.
export const loader = (args: LoaderFunctionArgs) => ownListingsLoader("training", "employer", args);
export const action = (args: ActionFunctionArgs) => ownListingsAction("training", "employer", args);

export default function EmployerTrainings() {
  return <OwnListingsPage data={useLoaderData<typeof loader>()} result={useActionData<typeof action>()} />;
}
