// Moved to app/http/person-listing.server.ts; kept for the job and course pages that still import it here.
export { personListingAction, personListingState, type ListingActionData } from "../../http/person-listing.server";
