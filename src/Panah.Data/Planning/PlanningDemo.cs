using Microsoft.EntityFrameworkCore;
using Panah.Core.Planning;
using Panah.Data.Demo;

namespace Panah.Data.Planning;

/// <summary>
/// The demo's two scenarios to compare: the founder's warning (passport offices in Xinjiang reopen in March, arrivals
/// several times today's, more children alone) and the status quo (today's arrivals, give or take a fifth).
/// </summary>
public sealed class PlanningDemo(PanahDbContext db, ScenarioStore scenarios, TimeProvider clock) : IDemoPart
{
    public const string Reopening = "Passport offices reopen in March";
    public const string StatusQuo = "Status quo";

    public int Order => 90;
    public string Name => "planning scenarios";

    public async Task SeedAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var next = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        var march = new DateOnly(next.Month <= 3 ? next.Year : next.Year + 1, 3, 1);
        await EnsureAsync(new Scenario(Reopening, march, 12,
            "Beijing reopens passport offices in Xinjiang; relatives abroad report applications accepted; the first arrivals reach Istanbul.",
            ArrivalAssumption.Multiplier, new Range3(1.5, 3, 8), UnaccompaniedChildShare: 0.04), ct);
        await EnsureAsync(new Scenario(StatusQuo, next, 12, "No change in exit rules; arrivals as in the last twelve months.",
            ArrivalAssumption.Multiplier, new Range3(0.8, 1, 1.2)), ct);
    }

    private async Task EnsureAsync(Scenario scenario, CancellationToken ct)
    {
        if (!await db.PlanningScenarios.AnyAsync(s => s.Name == scenario.Name, ct))
        {
            await scenarios.CreateAsync(scenario, ct);
        }
    }
}
