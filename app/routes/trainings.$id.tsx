import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { ListingDetailErrorBoundary, listingDetailMeta, TrainingDetailPage } from "~/components/listings/detail-page";
import { listingHeaders } from "~/http/listing-cache";
import { listingDetailAction, listingDetailLoader } from "~/http/listings.server";

export const meta = listingDetailMeta("training");

export const headers: HeadersFunction = listingHeaders;

// The detail page of every listing kind (app/http/listings.server.ts, app/components/listings/detail-page.tsx).
export const loader = (args: LoaderFunctionArgs) => listingDetailLoader("training", args);

/** A logged-in person saves the listing or asks their officer for a referral. */
export const action = (args: ActionFunctionArgs) => listingDetailAction("training", args);

export default function TrainingPage() {
  return <TrainingDetailPage data={useLoaderData<typeof loader>()} />;
}

export function ErrorBoundary() {
  return <ListingDetailErrorBoundary kind="training" />;
}
