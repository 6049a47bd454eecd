// GET /klaster/[id]/kelola/templat.csv: the bulk invitation template (one "nib" column and an example row).
import { inviteTemplateCsv } from "@/lib/clusters/bulk-invite";
import { downloadResponse } from "@/lib/files/download";

export function GET() {
  return downloadResponse({
    content: inviteTemplateCsv(),
    filename: "templat-undangan-klaster.csv",
    mimeType: "text/csv; charset=utf-8",
    cache: "public",
  });
}
