/** What an employer can do to a posting from the list. No zod here, so pages can import it. */
export const JOB_ACTIONS = ["publish", "close", "fill", "reopen"] as const;
