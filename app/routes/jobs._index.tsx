import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { ListingSearchPage } from "~/components/listings/search-page";
import { listingHeaders } from "~/http/listing-cache";
import { listingSearchLoader } from "~/http/listings.server";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: pageTitle(t("jobs.public.title")) }, { name: "description", content: t("jobs.public.lead") }];
};

export const headers: HeadersFunction = listingHeaders;

// The search page of every listing kind (app/http/listings.server.ts, app/components/listings/search-page.tsx).
export const loader = (args: LoaderFunctionArgs) => listingSearchLoader("job", args);

export default function Jobs() {
  return <ListingSearchPage kind="job" data={useLoaderData<typeof loader>()} />;
}
