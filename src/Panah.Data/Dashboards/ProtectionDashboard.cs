using Microsoft.EntityFrameworkCore;
using Panah.Core.Food.Monitoring;
using Panah.Core.Protection;
using Panah.Data.Food;

namespace Panah.Data.Dashboards;

/// <summary>
/// Protection counts only, in the viewer's case scope (their own, assigned and supervised cases): open cases by type and
/// risk and overdue tasks, counted in the database. A count below the monitoring threshold is hidden, with secondary
/// suppression, because in a small office a count of one or two can point at a person. GBV cases count only with the
/// survivor's consent to reporting.
/// </summary>
public sealed class ProtectionDashboard(PanahDbContext db, MonitoringOptions monitoring, TimeProvider clock)
{
    public async Task<ProtectionFigures> ForAsync(DashboardFilter filter, CancellationToken ct = default)
    {
        var office = filter.OfficeId;
        var gbv = CaseType.Gbv;
        var open = db.ProtectionCases.AsNoTracking().Where(c => c.ClosedAt == null && (office == null || c.FieldOfficeId == office)
            && (c.Type != gbv || c.ReportingConsent));
        var cells = await open.GroupBy(c => new { c.Type, c.Risk }).Select(g => new { g.Key.Type, g.Key.Risk, Count = g.Count() }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var overdue = await db.CaseTasks.AsNoTracking().CountAsync(t => t.DoneAt == null && t.DueAt < now && open.Any(c => c.Id == t.CaseId), ct);

        var types = CaseTypes.All;
        var risks = Enum.GetValues<RiskLevel>();
        var counts = new int[types.Count, risks.Length];
        foreach (var c in cells)
        {
            counts[IndexOf(types, c.Type), Array.IndexOf(risks, c.Risk)] += c.Count;
        }
        var threshold = monitoring.SuppressBelow;
        var t = SuppressedTable.Suppress(counts, threshold);
        return new ProtectionFigures(types, risks,
            [.. Enumerable.Range(0, types.Count).Select(r => (IReadOnlyList<int?>)[.. Enumerable.Range(0, risks.Length).Select(c => t.Cell(r, c))])],
            [.. Enumerable.Range(0, types.Count).Select(t.RowTotal)], [.. Enumerable.Range(0, risks.Length).Select(t.ColumnTotal)], t.GrandTotal,
            overdue > 0 && overdue < threshold ? null : overdue, threshold);
    }

    private static int IndexOf(IReadOnlyList<CaseType> types, CaseType type)
    {
        for (var i = 0; i < types.Count; i++)
        {
            if (types[i] == type)
            {
                return i;
            }
        }
        return -1;
    }
}
