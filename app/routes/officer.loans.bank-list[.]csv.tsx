import type { LoaderFunctionArgs } from "@remix-run/node";

import { requireStaff } from "~/auth/scope.server";
import { bankList, bankListCsv, bankListMonth } from "~/modules/loans/bank-list.server";

/** Form 01 for a month as a CSV file (Vietnamese headers, UTF-8 with BOM); each person on it is audited as an export. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request, "manage:loan:commune");
  const month = bankListMonth(new URL(request.url).searchParams.get("month"));
  const list = await bankList(scope, month, "csv");
  return new Response(bankListCsv(list), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="mau-01-vay-von-${month.slice(0, 7)}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
