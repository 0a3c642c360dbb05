import type { LoaderFunctionArgs } from "@remix-run/node";

import { openFiguresFile } from "~/http/open-figures.server";

/** The public figures as CSV: one row per area, quarter and indicator (docs/open-data.md). */
export const loader = ({ request }: LoaderFunctionArgs) =>
  openFiguresFile(request, (s) => ({ body: s.csv, type: "text/csv; charset=utf-8", name: "chung-tay-so-lieu.csv" }));
