import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";

import { listCommunes } from "~/modules/admin-units/admin-units.server";

/** Communes of a province, for the commune picker's progressive enhancement. Public reference data. */
export async function loader({ request }: LoaderFunctionArgs) {
  const query = z.object({ province: z.string().regex(/^\d{2}$/) });
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return json({ error: "province must be a 2-digit code, e.g. ?province=25" }, { status: 400 });
  const communes = await listCommunes(parsed.data.province);
  return json({ communes }, { headers: { "Cache-Control": "public, max-age=86400" } });
}
