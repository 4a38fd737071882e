using Microsoft.EntityFrameworkCore;
using Panah.Core.Registry;
using Panah.Data.Dashboards;

namespace Panah.Data.Planning;

/// <summary>Who the baseline's people are: households by size (1 to 9 members, then 10 or more) and people by sex and age group.</summary>
/// <param name="HouseholdsBySize">Index 0: one member; the last: ten or more.</param>
/// <param name="SexAndAge">The registry dashboard's pyramid (the UNHCR age groups, then unknown age).</param>
public sealed record BaselineStructure(IReadOnlyList<int> HouseholdsBySize, IReadOnlyList<PyramidRow> SexAndAge)
{
    public const int Largest = 10;
}

/// <summary>
/// The baseline's structure from Panah's own data, within the reader's scope as every read is: the household sizes of the
/// households the baseline counts (not closed), and the sex-and-age pyramid the registry dashboard draws. Counts only.
/// </summary>
public sealed class BaselineStructures(PanahDbContext db, RegistryDashboard registry, TimeProvider clock)
{
    public async Task<BaselineStructure> CurrentAsync(CancellationToken ct = default)
    {
        var sizes = await db.Households.AsNoTracking().Where(h => h.Status != HouseholdStatus.Closed && h.MemberCount > 0)
            .GroupBy(h => h.MemberCount).Select(g => new { Size = g.Key, Count = g.Count() }).ToListAsync(ct);
        var bySize = new int[BaselineStructure.Largest];
        foreach (var s in sizes)
        {
            bySize[Math.Min(s.Size, BaselineStructure.Largest) - 1] += s.Count;
        }
        return new BaselineStructure(bySize, await registry.PyramidAsync(clock.GetUtcNow().Year, ct));
    }
}
