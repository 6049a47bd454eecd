// Every path under /api/v1 that no route answers: a JSON 404 in the API's error format, for every method
// (instead of Next.js's HTML page). An optional catch-all, so /api/v1 itself is covered too.
import { apiRoute } from "@/lib/api/route";
import { notFound } from "@/lib/errors";

const unknownPath = apiRoute({ auth: "none" }, () => {
  throw notFound("errors.unknownEndpoint");
});

export {
  unknownPath as GET,
  unknownPath as POST,
  unknownPath as PUT,
  unknownPath as PATCH,
  unknownPath as DELETE,
  unknownPath as HEAD,
  unknownPath as OPTIONS,
};
