using Microsoft.EntityFrameworkCore;
using Panah.Core.Planning;
using Panah.Data.Food;

namespace Panah.Data.Planning;

/// <summary>Where a forecast's food comes from: the ration of the food programme's latest cycle, or (none yet) the configured one.</summary>
/// <param name="Basket">The basket's name; null for the configured ration (<c>Panah:Planning:Needs:Basket</c>).</param>
/// <param name="Cycle">The cycle it was read from.</param>
/// <param name="StartsOn">That cycle's first day.</param>
/// <param name="GramsPerPersonPerDay">The ration's weight.</param>
public sealed record PlannedRation(string? Basket, string? Cycle, DateOnly? StartsOn, double GramsPerPersonPerDay);

/// <summary>The needs' ratios and costs (configuration) with the food a forecast should carry, and where that food comes from.</summary>
public sealed record PlanningInputs(NeedsOptions Needs, PlannedRation Ration);

/// <summary>
/// The needs a forecast turns people into, with the ration the NGO actually hands out: the per-person basket of the
/// most recent distribution cycle past its draft (any programme), each commodity costed from
/// <see cref="NeedsOptions.CostPerTonne"/>. Before any cycle, or when the food programme only gives fixed kits, the
/// configured ration (by default the domain guide's 555 g). Baskets are programme data, not personal: no scope applies.
/// </summary>
public sealed class PlanningNeeds(PanahDbContext db, NeedsOptions configured)
{
    public async Task<PlanningInputs> CurrentAsync(CancellationToken ct = default)
    {
        var cycle = await db.DistributionCycles.AsNoTracking()
            .Where(c => c.Status != CycleStatus.Draft && c.Basket!.Kind == BasketKind.Ration && c.Basket.Items.Any(i => i.Quantity > 0))
            .OrderByDescending(c => c.StartsOn).ThenByDescending(c => c.Id)
            .Select(c => new { c.Name, c.StartsOn, Basket = c.Basket!.Name, Items = c.Basket.Items.Where(i => i.Quantity > 0).Select(i => new { i.Commodity!.Code, i.Commodity.Name, i.Quantity }).ToList() })
            .FirstOrDefaultAsync(ct);
        if (cycle is not null)
        {
            // One line per commodity; a name two commodities share is told apart by its code (a need's key is its name).
            var lines = cycle.Items.GroupBy(i => i.Code).Select(g => (Code: g.Key, g.First().Name, Grams: g.Sum(i => i.Quantity))).ToList();
            var shared = lines.GroupBy(l => l.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
            var needs = configured.WithRation(lines.Select(l => (l.Code, shared.Contains(l.Name) ? $"{l.Name} ({l.Code})" : l.Name, l.Grams)));
            if (needs.Problems().Count == 0)
            {
                return new PlanningInputs(needs, new PlannedRation(cycle.Basket, cycle.Name, cycle.StartsOn, lines.Sum(l => l.Grams)));
            }
        }
        return new PlanningInputs(configured, new PlannedRation(null, null, null, configured.Basket.Sum(b => b.GramsPerPersonPerDay)));
    }
}
