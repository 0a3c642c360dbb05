import type { FieldErrors } from "./forms";

/*
 * What a service answers to a change: done (with what it made), refused with field errors, or its target
 * not found (missing and out of the actor's reach look the same). Routes hand it to `orNotFound`
 * (app/http/responses.server.ts), which answers the last case with the one 404.
 */
export type NotFound = { ok: false; notFound: true };
export type Refused = { ok: false; errors: FieldErrors };
export type Outcome<Done extends object = object> = ({ ok: true } & Done) | Refused | NotFound;

export const NOT_FOUND: NotFound = { ok: false, notFound: true };
