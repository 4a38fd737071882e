using Panah.Core.Planning;

namespace Panah.Web.Features.Planning;

/// <summary>A scenario to forecast. Assumption: ExtraPerMonth or Multiplier; start: the first month (any day of it).</summary>
public sealed record ScenarioBody(
    string? Name = null, DateOnly? Start = null, int? HorizonMonths = null, string? Triggers = null, string? Assumption = null,
    double? Low = null, double? Likely = null, double? High = null, double? UnaccompaniedChildShare = null, double? WomenAtRiskShare = null,
    int? Futures = null, int? Seed = null);

public sealed record BaselineDto(IReadOnlyList<int> MonthlyArrivals, DateOnly LastMonth, int Population, double MeanHouseholdSize,
    double UnaccompaniedChildShare, double WomenAtRiskShare, double LearnersPer100);

public sealed record BandDto(double Median, double Low50, double High50, double Low80, double High80, double Low95, double High95);

public sealed record BacktestDto(int FittedMonths, int HeldOutMonths, double MeanAbsoluteError, double Coverage80);

public sealed record ForecastDto(string Scenario, IReadOnlyList<DateOnly> Months, IReadOnlyDictionary<string, IReadOnlyList<BandDto>> Needs,
    int Futures, int Seed, BaselineDto Baseline, BacktestDto? Backtest);

public static class PlanningMapping
{
    public static BaselineDto ToDto(Baseline b) => new(b.MonthlyArrivals, b.LastMonth, b.Population, b.MeanHouseholdSize, b.UnaccompaniedChildShare, b.WomenAtRiskShare, b.LearnersPer100);

    public static ForecastDto ToDto(Forecast f, Baseline b, BacktestResult? t) => new(f.Scenario, f.Months,
        f.Bands.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<BandDto>)[.. kv.Value.Select(x => new BandDto(x.Median, x.Low50, x.High50, x.Low80, x.High80, x.Low95, x.High95))]),
        f.Futures, f.Seed, ToDto(b), t is null ? null : new BacktestDto(t.FittedMonths, t.HeldOutMonths, t.MeanAbsoluteError, t.Coverage80));

    /// <summary>The scenario a body describes, and what is wrong with it (message keys by field).</summary>
    public static (Scenario? Scenario, Dictionary<string, List<string>> Errors) ToScenario(ScenarioBody body, DateOnly firstMonth)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string key) => (errors.TryGetValue(field, out var l) ? l : errors[field] = []).Add(key);
        var assumption = ArrivalAssumption.Multiplier;
        if (body.Assumption is { } a && !(Enum.TryParse(a, ignoreCase: true, out assumption) && Enum.IsDefined(assumption) && !int.TryParse(a, out _)))
        {
            Add("assumption", "Planning.AssumptionUnknown");
        }
        var start = body.Start is { } s ? new DateOnly(s.Year, s.Month, 1) : firstMonth;
        if (start.Year is < 2000 or > 2100)
        {
            Add("start", "Planning.StartRange");
            start = firstMonth;
        }
        var likely = body.Likely ?? (assumption == ArrivalAssumption.Multiplier ? 1 : 0);
        var scenario = new Scenario((body.Name ?? "").Trim(), start, body.HorizonMonths ?? 12, (body.Triggers ?? "").Trim(), assumption,
            new Range3(body.Low ?? likely, likely, body.High ?? likely), body.UnaccompaniedChildShare, body.WomenAtRiskShare);
        foreach (var problem in scenario.Problems())
        {
            Add(Scenario.FieldOf(problem), problem);
        }
        if (body.Futures is < 100 or > 20_000)
        {
            Add("futures", "Planning.FuturesRange");
        }
        return (errors.Count == 0 ? scenario : null, errors);
    }
}
