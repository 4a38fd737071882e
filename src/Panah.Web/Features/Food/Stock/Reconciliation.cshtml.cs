using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Panah.Core;
using Panah.Data.Food;

namespace Panah.Web.Features.Food.Stock;

/// <summary>A cycle's entitled vs collected vs stock moved, by point and commodity, with its differences, a chart and a CSV download.</summary>
public sealed class ReconciliationModel(StockReconciliation reconciliation) : PageModel
{
    private static readonly string[] Columns = ["place", "commodity", "pack", "entitled", "collected", "moved", "outstanding", "unposted", "difference"];

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
        var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = CsvText.Writer(text, Columns))
        {
            foreach (var r in report.Rows)
            {
                using var row = writer.NewRow();
                row["place"].Set(CsvText.Safe(r.Place));
                row["commodity"].Set(CsvText.Safe(r.CommodityName));
                row["pack"].Set(CsvText.Safe(r.PackLabel));
                row["entitled"].Format(r.Entitled);
                row["collected"].Format(r.Collected);
                row["moved"].Format(r.Moved);
                row["outstanding"].Format(r.Outstanding);
                row["unposted"].Format(r.Unposted);
                row["difference"].Set(r.HasDifference ? "yes" : "no");
            }
        }
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray(), "text/csv; charset=utf-8", $"reconciliation-cycle-{report.CycleId}.csv");
    }
}
