import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { CandidatesPage } from "~/components/matching/candidates";
import { listingCandidatesLoader } from "~/http/listings.server";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(metaTranslator(matches)("match.cand.title")) }];

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

// The candidates page of every listing kind (app/http/listings.server.ts).
export const loader = (args: LoaderFunctionArgs) => listingCandidatesLoader("training", args);

export default function TrainingCandidates() {
  return <CandidatesPage data={useLoaderData<typeof loader>()} />;
}
