using Microsoft.EntityFrameworkCore;
using Panah.Core.Food.Monitoring;
using Panah.Core.Reporting;
using Panah.Core.Registry;

namespace Panah.Data.Food;

/// <summary>A count per category (hidden when small), with how many were missing.</summary>
public sealed record Distribution(IReadOnlyList<int?> Counts, int? Missing, int? Total);

/// <summary>One cycle's headline figures for the trend: shares of surveyed households, or null when too few were surveyed.</summary>
public sealed record CycleTrend(int CycleId, string Name, DateOnly StartsOn, int Surveyed, double? AcceptableFcsShare, double? FoodInsecureShare, double? MeanFcs);

/// <summary>
/// The monitoring dashboard for a cycle (aggregates only): indicator distributions of the surveyed households, the
/// trend across cycles, and the people reached by sex and UNHCR age bracket, small cells hidden.
/// </summary>
public sealed record MonitoringFigures(
    int CycleId,
    int Surveyed,
    Distribution Fcs,
    Distribution RcsiPhases,
    Distribution Cari,
    IReadOnlyList<CycleTrend> Trend,
    IReadOnlyList<Sex> Sexes,
    SuppressedTable PeopleReached,
    int SuppressBelow);

/// <summary>Which households a dashboard counts: those of a district and/or with a member of a specific-need group.</summary>
public sealed record MonitoringFilter(string? District, Vulnerability? Need);

/// <summary>Reads the dashboard's aggregates in the reader's scope.</summary>
public sealed class MonitoringDashboard(PanahDbContext db, MonitoringOptions options)
{
    /// <summary>The columns of <see cref="MonitoringFigures.PeopleReached"/>: the UNHCR brackets, then unknown age.</summary>
    public static readonly IReadOnlyList<AgeGroup?> AgeColumns = [.. Enum.GetValues<AgeGroup>().Select(a => (AgeGroup?)a), null];

    public async Task<IReadOnlyList<(int Id, string Name)>> CyclesAsync(CancellationToken ct = default) =>
        [.. (await db.DistributionCycles.AsNoTracking().OrderByDescending(c => c.StartsOn).ThenByDescending(c => c.Id).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
            .Select(c => (c.Id, c.Name))];

    public async Task<IReadOnlyList<string>> DistrictsAsync(CancellationToken ct = default) =>
        await db.Households.AsNoTracking().Select(h => h.District).Distinct().OrderBy(d => d).ToListAsync(ct);

    public async Task<MonitoringFigures?> ForCycleAsync(int cycleId, MonitoringFilter filter, CancellationToken ct = default)
    {
        var cycle = await db.DistributionCycles.AsNoTracking().Where(c => c.Id == cycleId).Select(c => new { c.Id, c.StartsOn }).FirstOrDefaultAsync(ct);
        if (cycle is null)
        {
            return null;
        }
        var surveys = await Surveys(filter).Where(s => s.CycleId == cycleId).Select(s => new { s.FcsCategory, s.Rcsi, s.Cari }).ToListAsync(ct);
        var fcs = Count(surveys.Select(s => s.FcsCategory), 3);
        var rcsi = Count(surveys.Select(s => s.Rcsi is { } r ? ReducedCopingStrategies.Phase(r) : (int?)null), 3);
        var cari = Count(surveys.Select(s => s.Cari), 4);

        var people = await People(filter, cycleId).GroupBy(p => new { p.Sex, p.BirthYear }).Select(g => new { g.Key.Sex, g.Key.BirthYear, Count = g.Count() }).ToListAsync(ct);
        var sexes = Enum.GetValues<Sex>().OrderBy(s => s == Sex.Unknown).ToList();
        var table = new int[sexes.Count, AgeColumns.Count];
        foreach (var p in people)
        {
            var age = p.BirthYear is { } y ? AgeGroups.FromAge(Math.Max(0, cycle.StartsOn.Year - y)) : (AgeGroup?)null;
            table[sexes.IndexOf(p.Sex), AgeColumns.ToList().IndexOf(age)] += p.Count;
        }
        return new MonitoringFigures(cycleId, surveys.Count, fcs, rcsi, cari, await TrendAsync(filter, ct), sexes,
            SuppressedTable.Suppress(table, options.SuppressBelow), options.SuppressBelow);
    }

    /// <summary>Counted per cycle in the database: the trend reads one row per cycle, however many surveys there are.</summary>
    private async Task<IReadOnlyList<CycleTrend>> TrendAsync(MonitoringFilter filter, CancellationToken ct)
    {
        var acceptable = (int)FcsCategory.Acceptable;
        var rows = await Surveys(filter).GroupBy(s => s.CycleId).Select(g => new
        {
            CycleId = g.Key,
            Surveyed = g.Count(),
            Acceptable = g.Count(s => s.FcsCategory == acceptable),
            CariKnown = g.Count(s => s.Cari != null),
            FoodInsecure = g.Count(s => s.Cari >= 3),
            MeanFcs = g.Average(s => s.Fcs),
        }).ToListAsync(ct);
        var cycles = await db.DistributionCycles.AsNoTracking().Select(c => new { c.Id, c.Name, c.StartsOn }).ToListAsync(ct);
        return [.. rows.Join(cycles, r => r.CycleId, c => c.Id, (r, c) =>
            {
                var shown = r.Surveyed >= options.SuppressBelow;
                return new CycleTrend(c.Id, c.Name, c.StartsOn, r.Surveyed,
                    shown ? (double)r.Acceptable / r.Surveyed : null,
                    shown && r.CariKnown > 0 ? (double)r.FoodInsecure / r.CariKnown : null,
                    shown ? r.MeanFcs : null);
            })
            .OrderBy(t => t.StartsOn).ThenBy(t => t.CycleId)];
    }

    private IQueryable<PdmSurvey> Surveys(MonitoringFilter filter)
    {
        var q = db.PdmSurveys.AsNoTracking();
        if (filter.District is { } district)
        {
            q = q.Where(s => db.Households.Any(h => h.Id == s.HouseholdId && h.District == district));
        }
        if (filter.Need is { } need)
        {
            q = q.Where(s => db.People.Any(p => p.HouseholdId == s.HouseholdId && p.MergedIntoId == null && (p.Vulnerabilities & need) == need));
        }
        return q;
    }

    /// <summary>Members of the households that collected in the cycle (people reached).</summary>
    private IQueryable<Entities.PersonRecord> People(MonitoringFilter filter, int cycleId)
    {
        var q = db.People.AsNoTracking().Where(p => p.MergedIntoId == null
            && db.Redemptions.Any(r => r.HouseholdId == p.HouseholdId && db.Entitlements.Any(e => e.Id == r.EntitlementId && e.CycleId == cycleId)));
        if (filter.District is { } district)
        {
            q = q.Where(p => p.District == district);
        }
        if (filter.Need is { } need)
        {
            q = q.Where(p => db.People.Any(m => m.HouseholdId == p.HouseholdId && m.MergedIntoId == null && (m.Vulnerabilities & need) == need));
        }
        return q;
    }

    /// <summary>Counts of categories 1..<paramref name="categories"/> and of missing ones, as one row with small counts hidden.</summary>
    private Distribution Count(IEnumerable<int?> values, int categories)
    {
        var list = values.ToList();
        var row = new int[1, categories + 1];
        foreach (var v in list)
        {
            row[0, v is { } c && c >= 1 && c <= categories ? c - 1 : categories]++;
        }
        var t = SuppressedTable.Suppress(row, options.SuppressBelow);
        return new([.. Enumerable.Range(0, categories).Select(c => t.Cell(0, c))], t.Cell(0, categories), t.RowTotal(0));
    }
}
