using Panah.Core.Planning;
using Panah.Data.Planning;

namespace Panah.Web.Features.Planning;

/// <summary>
/// The scenario form of the planning pages (<c>_ScenarioFields</c>): the range is low / likely / high of the chosen
/// assumption; the composition shares are typed as percentages, blank to keep the baseline's.
/// </summary>
public sealed class ScenarioForm
{
    public string? Name { get; set; }
    public DateOnly? Start { get; set; }
    public int HorizonMonths { get; set; } = 12;
    public string? Triggers { get; set; }
    public ArrivalAssumption Assumption { get; set; } = ArrivalAssumption.Multiplier;
    public double? Low { get; set; }
    public double? Likely { get; set; }
    public double? High { get; set; }
    public double? ChildrenAlonePercent { get; set; }
    public double? WomenAtRiskPercent { get; set; }
    public long Version { get; set; }

    public ScenarioBody ToBody() => new(Name, Start, HorizonMonths, Triggers, Assumption.ToString(), Low, Likely, High,
        ChildrenAlonePercent / 100, WomenAtRiskPercent / 100, Version: Version);

    public static ScenarioForm Of(ScenarioView v)
    {
        var s = v.Scenario;
        return new ScenarioForm
        {
            Name = s.Name, Start = s.Start, HorizonMonths = s.HorizonMonths, Triggers = s.Triggers, Assumption = s.Assumption,
            Low = s.Arrivals.Low, Likely = s.Arrivals.Likely, High = s.Arrivals.High,
            ChildrenAlonePercent = s.UnaccompaniedChildShare * 100, WomenAtRiskPercent = s.WomenAtRiskShare * 100, Version = v.Version,
        };
    }

    /// <summary>The form field a problem of the scenario's field (as the API spells it) is shown at.</summary>
    public static string FieldOf(string field) => field switch
    {
        "unaccompaniedChildShare" => "Input.ChildrenAlonePercent",
        "womenAtRiskShare" => "Input.WomenAtRiskPercent",
        _ => $"Input.{char.ToUpperInvariant(field[0])}{field[1..]}",
    };
}
