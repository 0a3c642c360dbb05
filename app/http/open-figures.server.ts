import { PUBLIC_CACHE } from "~/http/listing-cache";
import { localeFromCookie, translator } from "~/i18n";
import { loadPublishedFigures } from "~/modules/public-figures/publish.server";
import type { PublishedSnapshot } from "~/modules/public-figures/snapshot";

/**
 * The open data files (/figures.json, /figures.csv): the stored snapshot as it is, to anyone (no session,
 * any origin), cached like the public pages. Before the first publication: 404 with a sentence saying so.
 */
export async function openFiguresFile(
  request: Request,
  file: (snapshot: PublishedSnapshot) => { body: string; type: string; name: string },
): Promise<Response> {
  const snapshot = await loadPublishedFigures();
  if (!snapshot) {
    const t = translator(localeFromCookie(request.headers.get("Cookie")));
    return new Response(t("figures.open.notPublished"), {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  const { body, type, name } = file(snapshot);
  return new Response(body, {
    headers: {
      "Content-Type": type,
      "Content-Disposition": `inline; filename="${name}"`,
      "Cache-Control": PUBLIC_CACHE,
      "Last-Modified": new Date(snapshot.generatedAt).toUTCString(),
      "Access-Control-Allow-Origin": "*",
    },
  });
}
