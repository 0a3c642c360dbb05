import { jobDocuments } from "~/modules/jobs/search-rows.server";
import { candidateDocuments } from "~/modules/persons/candidate-rows.server";
import { clearFacetCache } from "~/modules/search/facet-cache";
import { clearPublicDataCache } from "~/modules/search/public-data-cache.server";
import { trainingDocuments } from "~/modules/trainings/search-rows.server";

import { wireSearchSources } from "../../search/sources";

/**
 * Give search/ what it must not import itself (docs/decisions/028-background-work.md): the owning modules'
 * document sources (which rows are public, who consented to matching), and what to do when this process
 * changed the index (public search's cached facet counts and public page data are stale). The worker calls it at start; so do
 * the reindex CLI and the integration tests' setup. Idempotent.
 */
export function wireSearch(): void {
  wireSearchSources({
    sources: { job: jobDocuments, training: trainingDocuments, candidate: candidateDocuments },
    onIndexChanged: () => {
      clearFacetCache();
      clearPublicDataCache();
    },
  });
}
