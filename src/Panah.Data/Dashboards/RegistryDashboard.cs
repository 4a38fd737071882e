using Microsoft.EntityFrameworkCore;
using Panah.Core.Registry;

namespace Panah.Data.Dashboards;

/// <summary>
/// The registry's figures in the viewer's scope (the query filters of <see cref="PanahDbContext"/>), counted in the
/// database: each query returns one row per group (month, sex and birth year, need combination), never a person.
/// </summary>
public sealed class RegistryDashboard(PanahDbContext db)
{
    /// <summary>The pyramid's columns: the UNHCR brackets, then unknown age.</summary>
    public static readonly IReadOnlyList<AgeGroup?> AgeColumns = [.. Enum.GetValues<AgeGroup>().Select(a => (AgeGroup?)a), null];

    public async Task<RegistryFigures> ForAsync(DashboardFilter filter, CancellationToken ct = default)
    {
        var office = filter.OfficeId;
        var households = db.Households.AsNoTracking().Where(h => office == null || h.FieldOfficeId == office);
        var people = db.People.AsNoTracking().Where(p => p.MergedIntoId == null && (office == null || p.FieldOfficeId == office));

        var (from, end) = (filter.From, filter.End);
        var arrivals = await households.Where(h => h.RegisteredOn >= from && h.RegisteredOn < end)
            .GroupBy(h => new { h.RegisteredOn.Year, h.RegisteredOn.Month }).Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() }).ToListAsync(ct);
        var months = Enumerable.Range(0, MonthsBetween(from, filter.To) + 1).Select(i => from.AddMonths(i))
            .Select(m => new MonthCount(m, arrivals.Where(a => a.Year == m.Year && a.Month == m.Month).Sum(a => a.Count))).ToList();

        var householdCount = await households.CountAsync(h => h.Status == HouseholdStatus.Active, ct);

        // The pyramid and the needs from one pass over IX_People_Active_Dashboard, grouped in the index's own order
        // (sex, birth year, needs: no sorting of 400,000 rows); the permits from the few whose permit ends within 90
        // days of the period, found by IX_People_Active_Permit.
        var day = end.AddDays(-1);
        var groups = await people
            .GroupBy(p => new { p.Sex, p.BirthYear, p.Vulnerabilities })
            .Select(g => new { g.Key.Sex, g.Key.BirthYear, g.Key.Vulnerabilities, Count = g.Count() }).ToListAsync(ct);
        var (d30, d60, d90) = (day.AddDays(30), day.AddDays(60), day.AddDays(90));
        var expiring = await people.Where(p => p.PermitExpiresOn >= day && p.PermitExpiresOn <= d90)
            .GroupBy(p => p.PermitExpiresOn).Select(g => new { On = g.Key!.Value, Count = g.Count() }).ToListAsync(ct);
        var byNeeds = groups.Where(r => r.Vulnerabilities != Vulnerability.None).GroupBy(r => r.Vulnerabilities)
            .Select(g => new { Needs = g.Key, Count = g.Sum(r => r.Count) }).ToList();
        int Expiring(DateOnly until) => expiring.Where(r => r.On <= until).Sum(r => r.Count);
        var permits = new PermitsExpiring(Expiring(d30), Expiring(d60), Expiring(d90));

        var pyramid = Pyramid([.. groups.Select(g => (g.Sex, g.BirthYear, g.Count))], day.Year);
        var needs = Vulnerabilities.All.Select(v => new NeedCount(v, byNeeds.Where(n => (n.Needs & v) == v).Sum(n => n.Count))).ToList();
        return new RegistryFigures(months, householdCount, pyramid.Sum(r => r.Total), pyramid, needs, permits);
    }

    /// <summary>The sex-and-age pyramid of every active person in the reader's scope, ages at <paramref name="referenceYear"/> (planning's baseline reads it alone).</summary>
    public async Task<List<PyramidRow>> PyramidAsync(int referenceYear, CancellationToken ct = default)
    {
        var groups = await db.People.AsNoTracking().Where(p => p.MergedIntoId == null)
            .GroupBy(p => new { p.Sex, p.BirthYear }).Select(g => new { g.Key.Sex, g.Key.BirthYear, Count = g.Count() }).ToListAsync(ct);
        return Pyramid([.. groups.Select(g => (g.Sex, g.BirthYear, g.Count))], referenceYear);
    }

    /// <summary>Counts by sex and birth year into the pyramid's rows (sex, unknown last) and columns (<see cref="AgeColumns"/>).</summary>
    private static List<PyramidRow> Pyramid(List<(Sex Sex, int? BirthYear, int Count)> counts, int referenceYear) =>
        [.. Enum.GetValues<Sex>().OrderBy(s => s == Sex.Unknown).Select(sex => new PyramidRow(sex, [.. AgeColumns.Select(age => counts
            .Where(r => r.Sex == sex && (r.BirthYear is { } y ? AgeGroups.FromAge(Math.Max(0, referenceYear - y)) : (AgeGroup?)null) == age)
            .Sum(r => r.Count))]))];

    internal static int MonthsBetween(DateOnly from, DateOnly to) => (to.Year - from.Year) * 12 + to.Month - from.Month;
}
