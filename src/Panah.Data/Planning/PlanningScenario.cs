using Panah.Core.Planning;

namespace Panah.Data.Planning;

/// <summary>
/// A stored influx scenario (UNHCR contingency planning): a name, its triggers, a start and a horizon, the arrivals it
/// assumes as low / likely / high (extra per month or a multiplier on the baseline), and any change in who arrives.
/// Aggregate assumptions only, nothing about a person; each change is audited. <see cref="Version"/> guards against
/// two planners overwriting each other.
/// </summary>
public sealed class PlanningScenario
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public DateOnly Start { get; set; }
    public int HorizonMonths { get; set; }
    public required string Triggers { get; set; }
    public ArrivalAssumption Assumption { get; set; }
    public double Low { get; set; }
    public double Likely { get; set; }
    public double High { get; set; }

    /// <summary>The share of unaccompanied or separated children among arrivals; null keeps the baseline's.</summary>
    public double? UnaccompaniedChildShare { get; set; }

    /// <summary>The share of women and girls at risk; null keeps the baseline's.</summary>
    public double? WomenAtRiskShare { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
    public long Version { get; set; }
}
