/** Messages for public search pages. Add each key to both objects (a unit test checks they match). */
export const publicSearchVi = {} as const;

export const publicSearchEn: Record<keyof typeof publicSearchVi, string> = {};
