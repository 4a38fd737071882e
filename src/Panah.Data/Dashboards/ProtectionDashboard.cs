using Microsoft.EntityFrameworkCore;
using Panah.Core.Reporting;
using Panah.Core.Protection;
using Panah.Data.Food;

namespace Panah.Data.Dashboards;

/// <summary>
/// Protection counts only, in the viewer's case scope (their own, assigned and supervised cases): open cases by type and
/// risk and overdue tasks, counted from the facts (type, risk, dates) of the cases in scope. A count below the monitoring threshold is hidden, with secondary
/// suppression, because in a small office a count of one or two can point at a person. GBV cases count only with the
/// survivor's consent to reporting.
/// </summary>
public sealed class ProtectionDashboard(PanahDbContext db, MonitoringOptions monitoring, TimeProvider clock)
{
    public async Task<ProtectionFigures> ForAsync(DashboardFilter filter, CancellationToken ct = default)
    {
        var office = filter.OfficeId;
        var gbv = CaseType.Gbv;
        // The case scope is a list of case ids held by the request (a worker's own and supervised cases, dozens), and
        // SQLite cannot compare DateTimeOffset values in SQL: so the facts that decide "open" and "overdue" (type, risk,
        // dates, no names) of the cases in scope are read and counted here.
        var cases = await db.ProtectionCases.AsNoTracking().Where(c => (office == null || c.FieldOfficeId == office) && (c.Type != gbv || c.ReportingConsent))
            .Select(c => new { c.Id, c.Type, c.Risk, c.ClosedAt, c.ReopenedAt }).ToListAsync(ct);
        var open = cases.Where(c => !CaseStages.IsClosed(new CaseFacts(ClosedAt: c.ClosedAt, ReopenedAt: c.ReopenedAt))).ToList();
        var openIds = open.Select(c => c.Id).ToHashSet();
        var cells = open.GroupBy(c => new { c.Type, c.Risk }).Select(g => new { g.Key.Type, g.Key.Risk, Count = g.Count() }).ToList();
        var now = clock.GetUtcNow();
        var due = await db.CaseTasks.AsNoTracking().Where(t => t.DoneAt == null).Select(t => new { t.CaseId, t.DueAt }).ToListAsync(ct);
        var overdue = due.Count(t => t.DueAt < now && openIds.Contains(t.CaseId));

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
