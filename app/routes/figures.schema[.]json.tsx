import { PUBLIC_CACHE } from "~/http/listing-cache";
import { FIGURES_JSON_SCHEMA } from "~/modules/public-figures/schema";

/** The JSON Schema of /figures.json (docs/open-data.md). */
export const loader = () =>
  new Response(JSON.stringify(FIGURES_JSON_SCHEMA, null, 2), {
    headers: {
      "Content-Type": "application/schema+json; charset=utf-8",
      "Cache-Control": PUBLIC_CACHE,
      "Access-Control-Allow-Origin": "*",
    },
  });
