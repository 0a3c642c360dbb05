import { type HeadersFunction, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { FiguresPage, type FiguresPageView } from "~/components/public-figures/figures-page";
import { listingCacheHeaders, listingHeaders } from "~/http/listing-cache";
import { localeFromCookie } from "~/i18n";
import { figuresPage } from "~/modules/public-figures/page.server";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: pageTitle(t("figures.pageTitle")) }, { name: "description", content: t("figures.lead") }];
};

export const headers: HeadersFunction = listingHeaders;

/** The country's public figures by quarter, from the stored snapshot (issue 16 §2, docs/open-data.md). */
export async function loader({ request }: LoaderFunctionArgs) {
  const page = (await figuresPage(null, localeFromCookie(request.headers.get("Cookie"))))!;
  return json(page, { headers: listingCacheHeaders(request) });
}

export default function Figures() {
  return <FiguresPage page={useLoaderData<typeof loader>() as FiguresPageView} />;
}
