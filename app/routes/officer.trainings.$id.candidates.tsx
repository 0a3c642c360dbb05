import { json, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requirePermission } from "../auth/permissions.server";
import { staffScope } from "../auth/scope.server";
import { requireUser } from "../auth/session.server";
import { CandidatesPage } from "../components/matching/candidates";
import { candidatesForListing } from "../modules/matching/suggestions.server";
import { metaTranslator, pageTitle } from "../utils/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(metaTranslator(matches)("match.cand.title")) }];

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePermission(user, "match:person:commune");
  const scope = await staffScope(user);
  const id = z.uuid().safeParse(params.id);
  if (!id.success) throw new Response("Not found", { status: 404 });
  // Unknown, closed, or past its date: not found (candidates only for a listing one can still be referred to).
  const page = await candidatesForListing(scope, { kind: "training", listingId: id.data });
  if (!page) throw new Response("Not found", { status: 404 });
  return json(page, { headers: { "Cache-Control": "private, no-store" } });
}

export default function TrainingCandidates() {
  return <CandidatesPage data={useLoaderData<typeof loader>()} />;
}
