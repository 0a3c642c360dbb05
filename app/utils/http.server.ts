/*
 * Moved to app/http/responses.server.ts. Kept only so files that still import it keep working while they are
 * restructured (jobs, trainings); import from app/http/responses.server.ts instead.
 */
export { idOf, notFound, optionalIdOf, safeRedirect } from "../http/responses.server";
