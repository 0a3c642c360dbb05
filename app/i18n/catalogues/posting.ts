/** Messages for posting pages. Add each key to both objects (a unit test checks they match). */
export const postingVi = {} as const;

export const postingEn: Record<keyof typeof postingVi, string> = {};
