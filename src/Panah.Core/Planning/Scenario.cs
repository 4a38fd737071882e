namespace Panah.Core.Planning;

/// <summary>How a scenario states its arrivals: on top of the baseline's own, or as a multiple of it.</summary>
public enum ArrivalAssumption
{
    /// <summary>Extra arrivals per month, on top of the baseline's (low / likely / high).</summary>
    ExtraPerMonth = 1,

    /// <summary>The baseline's arrivals times a multiplier (low / likely / high).</summary>
    Multiplier = 2,
}

/// <summary>A low / likely / high range; a future draws one value from the triangular distribution it spans.</summary>
public readonly record struct Range3(double Low, double Likely, double High)
{
    public static Range3 Exactly(double value) => new(value, value, value);

    public bool IsValid => Low >= 0 && Low <= Likely && Likely <= High && double.IsFinite(High);

    public double Draw(Random random) => Low == High ? Low : MathNet.Numerics.Distributions.Triangular.Sample(random, Low, High, Likely);
}

/// <summary>
/// A named influx scenario (UNHCR contingency planning: a name, its triggers, a start and a horizon): the arrivals it
/// assumes as a range, and what changes in who arrives (shares of unaccompanied children and women at risk; null
/// keeps the baseline's).
/// </summary>
public sealed record Scenario(
    string Name,
    DateOnly Start,
    int HorizonMonths,
    string Triggers,
    ArrivalAssumption Assumption,
    Range3 Arrivals,
    double? UnaccompaniedChildShare = null,
    double? WomenAtRiskShare = null)
{
    public const int MinHorizon = 3;
    public const int MaxHorizon = 24;
    public const int MaxName = 120;
    public const int MaxTriggers = 2_000;

    /// <summary>No change at all: the baseline carried forward.</summary>
    public static Scenario Baseline(DateOnly start, int horizon) =>
        new("Baseline", start, horizon, "", ArrivalAssumption.Multiplier, Range3.Exactly(1));

    /// <summary>What is wrong with this scenario, as message keys; empty when it can be run.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            problems.Add("Planning.NameRequired");
        }
        if (HorizonMonths is < MinHorizon or > MaxHorizon)
        {
            problems.Add("Planning.HorizonRange");
        }
        if (!Enum.IsDefined(Assumption) || !Arrivals.IsValid)
        {
            problems.Add("Planning.ArrivalsRange");
        }
        if (UnaccompaniedChildShare is < 0 or > 1 || WomenAtRiskShare is < 0 or > 1)
        {
            problems.Add("Planning.ShareRange");
        }
        if (Name.Length > MaxName || Triggers.Length > MaxTriggers)
        {
            problems.Add("Planning.TooLong");
        }
        return problems;
    }

    /// <summary>The field (as the API spells it) a problem of <see cref="Problems"/> is about.</summary>
    public static string FieldOf(string problem) => problem switch
    {
        "Planning.NameRequired" or "Planning.TooLong" => "name",
        "Planning.HorizonRange" => "horizonMonths",
        "Planning.ShareRange" => "unaccompaniedChildShare",
        _ => "likely",
    };

    /// <summary>A future's mean arrivals for a month whose baseline mean is <paramref name="baselineMean"/>, given its drawn assumption value.</summary>
    public double MeanArrivals(double baselineMean, double drawn) =>
        Assumption == ArrivalAssumption.Multiplier ? baselineMean * drawn : baselineMean + drawn;
}
