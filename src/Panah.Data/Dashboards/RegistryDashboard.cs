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
        var bySexAndYear = await people.GroupBy(p => new { p.Sex, p.BirthYear }).Select(g => new { g.Key.Sex, g.Key.BirthYear, Count = g.Count() }).ToListAsync(ct);
        var byNeeds = await people.Where(p => p.Vulnerabilities != Vulnerability.None).GroupBy(p => p.Vulnerabilities)
            .Select(g => new { Needs = g.Key, Count = g.Count() }).ToListAsync(ct);

        // Permits expiring after the end of the period, counted in one row of three conditional counts.
        var day = end.AddDays(-1);
        var (d30, d60, d90) = (day.AddDays(30), day.AddDays(60), day.AddDays(90));
        var permits = await people.Where(p => p.PermitExpiresOn != null && p.PermitExpiresOn >= day && p.PermitExpiresOn <= d90)
            .GroupBy(p => 1).Select(g => new
            {
                Within30 = g.Count(p => p.PermitExpiresOn <= d30),
                Within60 = g.Count(p => p.PermitExpiresOn <= d60),
                Within90 = g.Count(),
            }).FirstOrDefaultAsync(ct);

        var referenceYear = day.Year;
        var sexes = Enum.GetValues<Sex>().OrderBy(s => s == Sex.Unknown).ToList();
        var pyramid = sexes.Select(sex => new PyramidRow(sex, [.. AgeColumns.Select(age => bySexAndYear
            .Where(r => r.Sex == sex && (r.BirthYear is { } y ? AgeGroups.FromAge(Math.Max(0, referenceYear - y)) : (AgeGroup?)null) == age)
            .Sum(r => r.Count))])).ToList();
        var needs = Vulnerabilities.All.Select(v => new NeedCount(v, byNeeds.Where(n => (n.Needs & v) == v).Sum(n => n.Count))).ToList();
        return new RegistryFigures(months, householdCount, pyramid.Sum(r => r.Total), pyramid, needs,
            new PermitsExpiring(permits?.Within30 ?? 0, permits?.Within60 ?? 0, permits?.Within90 ?? 0));
    }

    internal static int MonthsBetween(DateOnly from, DateOnly to) => (to.Year - from.Year) * 12 + to.Month - from.Month;
}
