import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { OwnTrainingsPage } from "../components/training-pages";
import { ownTrainingsLoader, ownTrainingsAction } from "../modules/trainings/org-routes.server";
import { metaTranslator, pageTitle } from "../utils/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(metaTranslator(matches)("businessTraining.own.title")) }];

// Shared with /provider/trainings: one service for both kinds of organisation (app/modules/trainings/org-routes.server.ts). Arrow functions, not a
// factory call at the top level: the browser bundle must drop them entirely.
export const loader = (args: LoaderFunctionArgs) => ownTrainingsLoader("employer", args);
export const action = (args: ActionFunctionArgs) => ownTrainingsAction("employer", args);

export default function EmployerTrainings() {
  return <OwnTrainingsPage data={useLoaderData<typeof loader>()} result={useActionData<typeof action>()} />;
}
