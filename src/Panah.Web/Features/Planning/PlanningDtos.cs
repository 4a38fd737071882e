using Panah.Core.Planning;
using Panah.Data.Planning;

namespace Panah.Web.Features.Planning;

/// <summary>
/// A scenario to forecast or to store. Assumption: ExtraPerMonth or Multiplier; start: the first month (any day of it).
/// Futures and seed are for a forecast; version is the one an edit of a stored scenario last saw.
/// </summary>
public sealed record ScenarioBody(
    string? Name = null, DateOnly? Start = null, int? HorizonMonths = null, string? Triggers = null, string? Assumption = null,
    double? Low = null, double? Likely = null, double? High = null, double? UnaccompaniedChildShare = null, double? WomenAtRiskShare = null,
    int? Futures = null, int? Seed = null, long? Version = null);

/// <summary>A stored scenario.</summary>
public sealed record ScenarioDto(int Id, string Name, DateOnly Start, int HorizonMonths, string Triggers, string Assumption,
    double Low, double Likely, double High, double? UnaccompaniedChildShare, double? WomenAtRiskShare, DateTimeOffset UpdatedAt, long Version);

/// <summary>A tornado bar: the budget over the horizon with one assumption at its low and its high end.</summary>
public sealed record SensitivityBarDto(string Assumption, double AtLow, double AtHigh, double Swing);

/// <summary>Which assumption moves the budget over the horizon most, the largest swing first.</summary>
public sealed record SensitivityDto(int ScenarioId, double Likely, IReadOnlyList<SensitivityBarDto> Bars);

/// <summary>A scenario's key needs at one month: median and intervals by need.</summary>
public sealed record KeyNeedsDto(DateOnly Month, IReadOnlyDictionary<string, BandDto> Needs);

/// <summary>One scenario of a comparison: its key needs at month 3 and at the horizon.</summary>
public sealed record ComparedScenarioDto(ScenarioDto Scenario, KeyNeedsDto Month3, KeyNeedsDto Horizon);

/// <summary>Two or three scenarios side by side on the same baseline.</summary>
public sealed record ComparisonDto(IReadOnlyList<ComparedScenarioDto> Scenarios, BaselineDto Baseline, BacktestDto? Backtest);

public sealed record BaselineDto(IReadOnlyList<int> MonthlyArrivals, DateOnly LastMonth, int Population, double MeanHouseholdSize,
    double UnaccompaniedChildShare, double WomenAtRiskShare, double LearnersPer100)
{
    /// <summary>Who they are (the baseline's own endpoint only; null beside a forecast).</summary>
    public BaselineStructureDto? Structure { get; init; }
}

/// <summary>Households by size (index 0: one member, the last: ten or more) and people by sex and age group.</summary>
public sealed record BaselineStructureDto(IReadOnlyList<int> HouseholdsBySize, IReadOnlyList<string> AgeGroups, IReadOnlyList<SexAgeDto> SexAndAge);

/// <summary>One sex's people by age group, in the order of <see cref="BaselineStructureDto.AgeGroups"/> (the last: age unknown).</summary>
public sealed record SexAgeDto(string Sex, IReadOnlyList<int> Counts);

public sealed record BandDto(double Median, double Low50, double High50, double Low80, double High80, double Low95, double High95);

public sealed record BacktestDto(int FittedMonths, int HeldOutMonths, double MeanAbsoluteError, double Coverage80);

public sealed record ForecastDto(string Scenario, IReadOnlyList<DateOnly> Months, IReadOnlyDictionary<string, IReadOnlyList<BandDto>> Needs,
    int Futures, int Seed, BaselineDto Baseline, BacktestDto? Backtest, RationDto Ration);

/// <summary>Where a forecast's food comes from: the basket of a distribution cycle (its name and start), or, both null, the configured ration.</summary>
public sealed record RationDto(string? Basket, string? Cycle, DateOnly? CycleStartsOn, double GramsPerPersonPerDay);

public static class PlanningMapping
{
    public static BaselineDto ToDto(Baseline b) => new(b.MonthlyArrivals, b.LastMonth, b.Population, b.MeanHouseholdSize, b.UnaccompaniedChildShare, b.WomenAtRiskShare, b.LearnersPer100);

    public static ForecastDto ToDto(Forecast f, Baseline b, BacktestResult? t, PlannedRation r) => new(f.Scenario, f.Months,
        f.Bands.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<BandDto>)[.. kv.Value.Select(ToDto)]), f.Futures, f.Seed, ToDto(b), ToDto(t),
        new RationDto(r.Basket, r.Cycle, r.StartsOn, r.GramsPerPersonPerDay));

    public static BaselineStructureDto ToDto(BaselineStructure s) => new(s.HouseholdsBySize,
        [.. Panah.Data.Dashboards.RegistryDashboard.AgeColumns.Select(a => a?.ToString() ?? "Unknown")],
        [.. s.SexAndAge.Select(r => new SexAgeDto(r.Sex.ToString(), r.Ages))]);

    public static BandDto ToDto(Band x) => new(x.Median, x.Low50, x.High50, x.Low80, x.High80, x.Low95, x.High95);

    public static BacktestDto? ToDto(BacktestResult? t) => t is null ? null : new BacktestDto(t.FittedMonths, t.HeldOutMonths, t.MeanAbsoluteError, t.Coverage80);

    public static ScenarioDto ToDto(ScenarioView v)
    {
        var s = v.Scenario;
        return new(v.Id, s.Name, s.Start, s.HorizonMonths, s.Triggers, s.Assumption.ToString(), s.Arrivals.Low, s.Arrivals.Likely, s.Arrivals.High,
            s.UnaccompaniedChildShare, s.WomenAtRiskShare, v.UpdatedAt, v.Version);
    }

    public static SensitivityDto ToDto(int id, SensitivityResult r) =>
        new(id, r.Likely, [.. r.Bars.Select(b => new SensitivityBarDto(b.Assumption, b.AtLow, b.AtHigh, b.Swing))]);

    /// <summary>The needs a comparison shows: population, food, seats, case workers, budget (and teachers, clerks: the staff).</summary>
    public static readonly string[] KeyNeeds =
        [Needs.Population, Needs.FoodTonnes, Needs.Seats, Needs.Teachers, Needs.ChildCaseWorkers, Needs.WomenCaseWorkers, Needs.Clerks, Needs.Budget, Needs.BudgetToDate];

    /// <summary>The month a comparison shows first: the third (or the horizon's last, were it shorter).</summary>
    public static int Month3(Forecast f) => Math.Min(3, f.Months.Count) - 1;

    public static ComparisonDto ToDto(IReadOnlyList<ScenarioForecast> runs)
    {
        KeyNeedsDto At(Forecast f, int m) => new(f.Months[m], KeyNeeds.ToDictionary(k => k, k => ToDto(f.Bands[k][m])));
        return new([.. runs.Select(r => new ComparedScenarioDto(ToDto(r.Stored), At(r.Forecast, Month3(r.Forecast)), At(r.Forecast, r.Forecast.Months.Count - 1)))],
            ToDto(runs[0].Baseline), ToDto(runs[0].Backtest));
    }

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
