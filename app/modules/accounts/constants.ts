/** Which organisation kinds each self-registering role may choose. No zod here: the register page imports it. */
export const EMPLOYER_KINDS = ["company", "cooperative", "household_business", "workshop"] as const;
export const PROVIDER_KINDS = ["training_centre", "school", "company", "cooperative"] as const;
