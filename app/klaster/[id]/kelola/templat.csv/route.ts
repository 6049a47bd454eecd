// GET /klaster/[id]/kelola/templat.csv: the bulk invitation template (one "nib" column and an example row).
import { inviteTemplateCsv } from "@/lib/clusters/bulk-invite";
import { excelCsvResponse } from "@/lib/csv/excel";

export function GET() {
  return excelCsvResponse({
    content: inviteTemplateCsv(),
    filename: "templat-undangan-klaster.csv",
    cache: "public",
  });
}
