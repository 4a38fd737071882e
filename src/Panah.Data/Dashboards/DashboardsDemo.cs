using Microsoft.EntityFrameworkCore;
using Panah.Data.Demo;

namespace Panah.Data.Dashboards;

/// <summary>
/// The demo's registry history for the dashboards: demo households are all registered on the day the demo was made, so
/// their registration dates are spread over the twelve months up to today (a twelfth in each month), giving the
/// arrivals chart and the planning baseline a year to show. Does nothing once any household is older than this month.
/// </summary>
public sealed class DashboardsDemo(PanahDbContext db, TimeProvider clock) : IDemoPart
{
    public int Order => 5;
    public string Name => "a year of registration dates";

    public async Task SeedAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        if (await db.Households.AnyAsync(h => h.RegisteredOn < thisMonth, ct))
        {
            return;
        }
        var ids = await db.Households.OrderBy(h => h.Code).Select(h => h.Id).ToListAsync(ct);
        for (var m = 0; m < 12; m++)
        {
            var month = thisMonth.AddMonths(m - 11);
            // A day of its own for each month, never after today.
            var day = month.AddDays(Math.Min(m * 2, 27));
            day = day > today ? today : day;
            var bucket = ids.Where((_, i) => i % 12 == m).ToList();
            foreach (var chunk in bucket.Chunk(500))
            {
                await db.Households.Where(h => chunk.Contains(h.Id)).ExecuteUpdateAsync(s => s.SetProperty(h => h.RegisteredOn, day), ct);
            }
        }
    }
}
