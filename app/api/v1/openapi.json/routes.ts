// Every API route module, imported for its side effect of registering itself in the OpenAPI document
// (lib/api/openapi.ts). Add a line here for each new route file: tests/integration/api-openapi… fails
// when a route under app/api is missing from the document.
import "../../health/route";
import "../auth/register/route";
import "../auth/token/route";
import "../me/route";
import "../tokens/route";
import "../tokens/[id]/route";
import "../suppliers/[id]/route";
import "../reference/kbli/route";
import "../reference/regions/route";
import "../../files/[id]/route";
import "../products/route";
import "../products/[id]/route";
import "../products/[id]/images/[imageId]/route";
import "../suppliers/route";
import "../../cooperatives/import/route";
import "../notifications/route";
import "../notifications/[id]/read/route";
import "../notifications/read-all/route";
import "../rfqs/route";
import "../rfqs/[id]/route";
import "../rfqs/[id]/publish/route";
import "../rfqs/[id]/close/route";
import "../rfqs/[id]/cancel/route";
import "../rfqs/[id]/extend/route";
import "../rfqs/[id]/invitations/route";
import "../rfqs/[id]/clarifications/route";
import "../rfqs/[id]/clarifications/[clarificationId]/answer/route";
import "../rfqs/[id]/attachments/route";
import "../rfqs/[id]/attachments/[attachmentId]/route";
