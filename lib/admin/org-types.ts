// The organization types a platform admin may create (never "platform"). Its own module without zod, so the
// create form (a client component) can list them without bundling zod: zod probes `Function("")` on load,
// which the nonce CSP of the /admin pages reports as a blocked eval.
export const CREATABLE_ORG_TYPES = ["bank", "ministry", "buyer", "cooperative", "umkm"] as const;
