import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { EditTrainingPage } from "../components/training-pages";
import { editTrainingLoader, editTrainingAction } from "../modules/trainings/org-routes.server";
import { metaTranslator, pageTitle } from "../utils/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(metaTranslator(matches)("businessTraining.form.editTitle")) }];

// Shared with /provider/trainings: one form for both kinds of organisation (app/modules/trainings/org-routes.server.ts). Arrow functions, not a
// factory call at the top level: the browser bundle must drop them entirely.
export const loader = (args: LoaderFunctionArgs) => editTrainingLoader("employer", args);
export const action = (args: ActionFunctionArgs) => editTrainingAction("employer", args);

export default function EditEmployerTraining() {
  return <EditTrainingPage data={useLoaderData<typeof loader>()} result={useActionData<typeof action>()} />;
}
