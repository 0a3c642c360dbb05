import { type HeadersFunction, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { FiguresPage, type FiguresPageView } from "~/components/public-figures/figures-page";
import { listingCacheHeaders, listingHeaders } from "~/http/listing-cache";
import { found } from "~/http/responses.server";
import { localeFromCookie } from "~/i18n";
import { figuresPage } from "~/modules/public-figures/page.server";
import { metaTranslator, pageTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const t = metaTranslator(matches);
  const title = data ? t("figures.provinceTitle", { province: data.area.name }) : t("figures.pageTitle");
  return [{ title: pageTitle(title) }];
};

export const headers: HeadersFunction = listingHeaders;

/** One province's public figures by quarter, from the stored snapshot; an unknown code is the standard 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const page = found(await figuresPage(params.province ?? "", localeFromCookie(request.headers.get("Cookie"))));
  return json(page, { headers: listingCacheHeaders(request) });
}

export default function ProvinceFigures() {
  return <FiguresPage page={useLoaderData<typeof loader>() as FiguresPageView} />;
}
