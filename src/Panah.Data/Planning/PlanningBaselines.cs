using Microsoft.EntityFrameworkCore;
using Panah.Core.Planning;
using Panah.Core.Registry;
using Panah.Data.Education;

namespace Panah.Data.Planning;

/// <summary>
/// The planning baseline from Panah's own data, through the reader's access scope like every read: people arriving
/// (registered, by household registration month) per month, the people registered now, the mean household size, the
/// shares of unaccompanied or separated children and of women and girls at risk (or heading a household alone), and learners per 100 people. Counts only:
/// nothing sealed is opened.
/// </summary>
public sealed class PlanningBaselines(PanahDbContext db, TimeProvider clock)
{
    /// <summary>The baseline up to the last whole month before today (the current month is still filling).</summary>
    public async Task<Baseline> CurrentAsync(CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var households = db.Households.AsNoTracking().Where(h => h.Status != HouseholdStatus.Closed);
        var byMonth = await households.Where(h => h.RegisteredOn <= lastMonth.AddMonths(1).AddDays(-1))
            .GroupBy(h => new { h.RegisteredOn.Year, h.RegisteredOn.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, People = g.Sum(h => h.MemberCount) })
            .ToListAsync(ct);
        var monthly = new List<int>();
        if (byMonth.Count > 0)
        {
            var first = byMonth.Min(m => new DateOnly(m.Year, m.Month, 1));
            var counts = byMonth.ToDictionary(m => new DateOnly(m.Year, m.Month, 1), m => m.People);
            for (var month = first; month <= lastMonth; month = month.AddMonths(1))
            {
                monthly.Add(counts.GetValueOrDefault(month));
            }
        }
        var people = db.People.AsNoTracking().Where(p => p.MergedIntoId == null);
        var population = await people.CountAsync(ct);
        var householdCount = await households.CountAsync(ct);
        const Vulnerability childAlone = Vulnerability.UnaccompaniedChild | Vulnerability.SeparatedChild;
        var children = await people.CountAsync(p => (p.Vulnerabilities & childAlone) != 0, ct);
        const Vulnerability womenAtRisk = Vulnerability.WomanOrGirlAtRisk | Vulnerability.WomanHeadedHousehold;
        var women = await people.CountAsync(p => (p.Vulnerabilities & womenAtRisk) != 0, ct);
        var learners = await db.Enrolments.AsNoTracking().CountAsync(e => e.Status == EnrolmentStatus.Enrolled, ct);
        double Share(int n) => population == 0 ? 0 : n / (double)population;
        return new Baseline(monthly, lastMonth, population, householdCount == 0 ? 0 : population / (double)householdCount,
            Share(children), Share(women), population == 0 ? 0 : 100.0 * learners / population);
    }
}
