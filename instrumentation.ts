// Next.js calls register() once when a server instance starts. In the Node.js runtime it starts the
// notification jobs (deadline reminders + email outbox delivery, lib/notifications/jobs.ts). Not during
// `next build`, and not when RANTAI_BACKGROUND_JOBS=off (e.g. an instance that should only serve pages).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  if (process.env.RANTAI_BACKGROUND_JOBS === "off") return;
  const interval = Number(process.env.RANTAI_JOB_INTERVAL_MS) || undefined;
  try {
    const { startNotificationJobs } = await import("./lib/notifications/jobs");
    startNotificationJobs(interval);
  } catch (err) {
    // Serving pages matters more than the jobs: log loudly and carry on (another instance may deliver).
    console.error("[notifications] could not start the background jobs", err);
  }
}
