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
