import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { NewTrainingPage } from "../components/training-pages";
import { newTrainingLoader, newTrainingAction } from "../modules/trainings/org-routes.server";
import { metaTranslator, pageTitle } from "../utils/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(metaTranslator(matches)("trainings.form.newTitle")) }];

// Shared with /employer/trainings: one form for both kinds of organisation (app/modules/trainings/org-routes.server.ts). Arrow functions, not a
// factory call at the top level: the browser bundle must drop them entirely.
export const loader = (args: LoaderFunctionArgs) => newTrainingLoader("provider", args);
export const action = (args: ActionFunctionArgs) => newTrainingAction("provider", args);

export default function NewProviderTraining() {
  return <NewTrainingPage data={useLoaderData<typeof loader>()} result={useActionData<typeof action>()} />;
}
