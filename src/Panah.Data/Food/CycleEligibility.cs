using Microsoft.EntityFrameworkCore;
using Panah.Core.Food;
using Panah.Core.Registry;
using Panah.Data.Entities;

namespace Panah.Data.Food;

/// <summary>A household a cycle's rule selects, with its members counted now.</summary>
public sealed class EligibleHousehold
{
    public Guid Id { get; init; }
    public int FieldOfficeId { get; init; }
    public int Members { get; init; }
}

/// <summary>How many households and people a rule selects.</summary>
public sealed record EligibilityPreview(int Households, int People);

/// <summary>
/// The eligibility rule as a query over the registry: active households whose data is not erased, counting members
/// who are neither merged into another registration nor erased. Built on an unscoped household query: selecting a
/// cycle's households is system work over the whole registry, audited where the query is obtained.
/// </summary>
public static class CycleEligibility
{
    public static IQueryable<EligibleHousehold> Select(IQueryable<HouseholdRecord> households, EligibilityRule rule, IReadOnlyCollection<int> officeIds)
    {
        var query = households.AsNoTracking().Where(h => h.Status == HouseholdStatus.Active && h.Key!.Wrapped != null);
        if (officeIds.Count > 0)
        {
            query = query.Where(h => officeIds.Contains(h.FieldOfficeId));
        }
        if (rule.Districts.Count > 0)
        {
            var districts = rule.Districts.Select(d => d.Trim()).ToList();
            query = query.Where(h => districts.Contains(h.District));
        }
        if (rule.RegisteredFrom is { } from)
        {
            query = query.Where(h => h.RegisteredOn >= from);
        }
        if (rule.RegisteredBefore is { } before)
        {
            query = query.Where(h => h.RegisteredOn < before);
        }
        if (rule.Needs != Vulnerability.None)
        {
            var needs = rule.Needs;
            query = query.Where(h => h.Members.Any(p => p.MergedIntoId == null && (p.Vulnerabilities & needs) != Vulnerability.None));
        }
        // One join and GROUP BY rather than a count subquery per household: the database counts every household's
        // members in one pass, and a household without a counted member drops out of the join.
        var counted = query
            .SelectMany(h => h.Members.Where(p => p.MergedIntoId == null && p.Key!.Wrapped != null), (h, p) => new { h.Id, h.FieldOfficeId })
            .GroupBy(x => new { x.Id, x.FieldOfficeId })
            .Select(g => new EligibleHousehold { Id = g.Key.Id, FieldOfficeId = g.Key.FieldOfficeId, Members = g.Count() });
        if (rule.MinMembers is { } min)
        {
            counted = counted.Where(h => h.Members >= min);
        }
        if (rule.MaxMembers is { } max)
        {
            counted = counted.Where(h => h.Members <= max);
        }
        return counted;
    }

    /// <summary>The office ids of the rule's office codes; an unknown code selects nothing rather than everything.</summary>
    public static async Task<IReadOnlyCollection<int>> OfficeIdsAsync(PanahDbContext db, EligibilityRule rule, CancellationToken ct)
    {
        if (rule.FieldOffices.Count == 0)
        {
            return [];
        }
        var codes = rule.FieldOffices.Select(c => c.Trim().ToUpperInvariant()).ToList();
        var ids = await db.FieldOffices.AsNoTracking().Where(o => codes.Contains(o.Code)).Select(o => o.Id).ToListAsync(ct);
        return ids.Count == 0 ? [-1] : ids;
    }
}
