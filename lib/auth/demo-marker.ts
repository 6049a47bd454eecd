// The InstallationMarker key the demo seed writes (lib/seed/demo.ts) with the demo rows. A module of its
// own so that the seed scripts (plain Node, no "server-only") can import it.
export const DEMO_DATA_MARKER = "demo-data";
