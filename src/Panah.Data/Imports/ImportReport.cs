using MiniExcelLibs;
using Panah.Core;

namespace Panah.Data.Imports;

/// <summary>An import's report as XLSX: one line per row, every text cell made safe (<see cref="CsvText.Safe"/>) so a cell copied from the upload cannot run as a formula.</summary>
public static class ImportReport
{
    public static void WriteXlsx(Stream to, IEnumerable<ImportReportRow> rows)
    {
        var lines = rows.Select(r => new Dictionary<string, object>
        {
            ["sheet"] = CsvText.Safe(r.Sheet),
            ["row"] = r.Row,
            ["outcome"] = r.Outcome.ToString(),
            ["field"] = CsvText.Safe(r.Field),
            ["reason"] = CsvText.Safe(r.Reason),
            ["candidate_household"] = CsvText.Safe(r.CandidateHouseholdCode),
        });
        to.SaveAs(lines, sheetName: "report");
    }
}
