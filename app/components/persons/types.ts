import type { SerializeFrom } from "@remix-run/node";

import type { PersonRecord } from "~/modules/persons/record.server";

/** A person's record as the page receives it (dates as ISO strings). */
export type PersonView = SerializeFrom<NonNullable<PersonRecord>>;
export type GrantView = PersonView["grants"][number];
