import type { LoaderFunctionArgs } from "@remix-run/node";

import { openFiguresFile } from "~/http/open-figures.server";

/** The public figures as JSON (schema: /figures/schema.json, docs/open-data.md). */
export const loader = ({ request }: LoaderFunctionArgs) =>
  openFiguresFile(request, (s) => ({
    body: JSON.stringify(s.figures, null, 1),
    type: "application/json; charset=utf-8",
    name: "chung-tay-so-lieu.json",
  }));
