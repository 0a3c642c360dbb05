import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { requireStaff } from "~/auth/scope.server";
import { OccupationSelect } from "~/components/job-form";
import { type CandidateHit, searchCandidates } from "~/modules/matching/candidates.server";
import { listOccupations } from "~/modules/reference/reference.server";
import { useI18n } from "~/utils/i18n-react";
import { log } from "~/utils/log.server";
import { metaTranslator, pageTitle } from "~/utils/meta";
import { queryOf } from "~/utils/text";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(metaTranslator(matches)("persons.cand.title")) },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const querySchema = z.object({
    q: z.string().trim().max(100).optional().catch(undefined),
    occupation: z
      .string()
      .regex(/^\d{5}$/)
      .optional()
      .catch(undefined),
  });
  const { scope } = await requireStaff(request, "search:candidate:commune");
  const params = queryOf(request);
  const query = querySchema.parse({
    q: params.get("q") || undefined,
    occupation: params.get("occupation") || undefined,
  });
  const occupations = await listOccupations();
  let hits: CandidateHit[] = [];
  let unavailable = false;
  try {
    hits = await searchCandidates(scope, query);
  } catch (error) {
    // Meilisearch down: say so on the page (with the request id), the rest of the page still works.
    log.error("candidates", `${String(context.requestId)} search failed`, error);
    unavailable = true;
  }
  // Only what matching needs: never an offence, a sentence or a record status.
  const candidates = hits.map((h) => ({
    id: h.id,
    fullName: h.fullName,
    communeName: h.communeName,
    skills: h.skills,
    tradeNames: h.tradeNames,
    wantedNames: h.occupationsWantedNames,
  }));
  return json({ query, candidates, occupations, unavailable, requestId: String(context.requestId ?? "") });
}

export default function Candidates() {
  const { query, candidates, occupations, unavailable, requestId } = useLoaderData<typeof loader>();
  const { t, number } = useI18n();
  return (
    <>
      <p className="breadcrumb persons-back">
        <Link to="/officer">{t("officer.home.title")}</Link>
      </p>
      <h1>{t("persons.cand.title")}</h1>
      <p className="lead">{t("persons.cand.lead")}</p>
      <Form method="get" className="candidate-search" key={`${query.q ?? ""}|${query.occupation ?? ""}`}>
        <div className="field">
          <label htmlFor="f-q">{t("persons.cand.q")}</label>
          <input id="f-q" name="q" type="search" defaultValue={query.q ?? ""} autoComplete="off" />
        </div>
        <OccupationSelect
          name="occupation"
          label="persons.cand.occupation"
          state={{ values: { occupation: query.occupation ?? "" } }}
          occupations={occupations}
        />
        <div className="actions">
          <button type="submit" className="button">
            {t("persons.cand.submit")}
          </button>
        </div>
      </Form>
      {unavailable ? (
        <p className="alert alert--error" role="alert">
          {t("persons.cand.unavailable", { requestId })}
        </p>
      ) : (
        <>
          <p className="results-head__count" role="status">
            {t("persons.cand.count", { count: number(candidates.length) })}
          </p>
          {candidates.length === 0 ? (
            <p className="empty-state">{t("persons.cand.none")}</p>
          ) : (
            <ul className="result-list">
              {candidates.map((c) => (
                <li key={c.id} className="result-card">
                  <h2 className="result-card__title">
                    <Link to={`/officer/persons/${c.id}`}>{c.fullName}</Link>
                  </h2>
                  <p className="result-card__place">{c.communeName}</p>
                  {c.tradeNames.length ? (
                    <p>
                      <strong>{t("persons.cand.trades")}:</strong> {c.tradeNames.join(", ")}
                    </p>
                  ) : null}
                  {c.wantedNames.length ? (
                    <p>
                      <strong>{t("persons.cand.wanted")}:</strong> {c.wantedNames.join(", ")}
                    </p>
                  ) : null}
                  {c.skills.length ? (
                    <ul className="badges" aria-label={t("persons.cand.skills")}>
                      {c.skills.map((s) => (
                        <li key={s} className="badge badge--soft">
                          {s}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}
