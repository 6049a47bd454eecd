// Limits of the cluster page shared by lib/clusters/summary.ts and its components (no server-only imports here).

/** The manager and anchors see the first this-many named members on the cluster page. */
export const NAMED_MEMBER_LIMIT = 200;
