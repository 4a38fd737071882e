using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Panah.Data.Food;

namespace Panah.Web.Features.Food.Stock;

/// <summary>A cycle's entitled vs collected vs stock moved, by point and commodity, with its differences, a chart and a CSV download.</summary>
public sealed class ReconciliationModel(StockReconciliation reconciliation) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Cycle { get; set; }

    public List<CycleChoice> Cycles { get; private set; } = [];
    public CycleReconciliation? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Cycles = await reconciliation.CyclesAsync(ct);
        if (Cycle is { } id)
        {
            Report = await reconciliation.ForCycleAsync(id, ct);
        }
    }

    /// <summary>The same figures as the page, one row per point (or office) and commodity; codes and numbers only.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (Cycle is not { } id || await reconciliation.ForCycleAsync(id, ct) is not { } report)
        {
            return NotFound();
        }
        var csv = new StringBuilder("place,commodity,pack,entitled,collected,moved,outstanding,unposted,difference\r\n");
        foreach (var r in report.Rows)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{Cell(r.Place)},{Cell(r.CommodityName)},{Cell(r.PackLabel)},{r.Entitled},{r.Collected},{r.Moved},{r.Outstanding},{r.Unposted},{(r.HasDifference ? "yes" : "no")}\r\n");
        }
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", $"reconciliation-cycle-{report.CycleId}.csv");
    }

    /// <summary>Quoted, and a leading formula character neutralised, so a spreadsheet never runs a cell.</summary>
    private static string Cell(string value)
    {
        var safe = value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
