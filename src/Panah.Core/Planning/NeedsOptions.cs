namespace Panah.Core.Planning;

/// <summary>A commodity of the programme's basket, in grams per person per day.</summary>
public sealed record BasketLine(string Commodity, double GramsPerPersonPerDay, double CostPerTonne);

/// <summary>
/// How a population becomes needs. Every number is local practice unless its comment names a source, and all of them
/// are configuration (<c>Panah:Planning</c>); the defaults are a starting point for the NGO's own figures.
/// </summary>
public sealed record NeedsOptions
{
    /// <summary>The ration, by default the domain guide's Sphere-meeting basket (2,112 kcal): 555 g a person a day.</summary>
    public IReadOnlyList<BasketLine> Basket
    {
        get;
        // A copy made with another basket or month must not keep the tonnes worked out for the old one.
        init { field = value; tonnesPerPerson = null; }
    } =
    [
        new("Maize meal", 400, 350), new("Beans", 60, 900), new("Vegetable oil", 25, 1_600),
        new("Corn-soya blend", 50, 1_100), new("Sugar", 15, 700), new("Salt", 5, 250),
    ];

    /// <summary>Days a monthly ration covers.</summary>
    public int DaysPerMonth
    {
        get;
        init { field = value; tonnesPerPerson = null; }
    } = 30;

    /// <summary>People a distribution point serves in a cycle (local practice).</summary>
    public int PeoplePerPoint { get; init; } = 5_000;

    /// <summary>Clerks at a point on a distribution day (local practice).</summary>
    public int ClerksPerPoint { get; init; } = 4;

    /// <summary>Learners a class section seats (local practice; a section opens at 10–12, domain guide).</summary>
    public int SectionSize { get; init; } = 16;

    /// <summary>Sections one teacher takes (local practice).</summary>
    public int SectionsPerTeacher { get; init; } = 2;

    /// <summary>Child-protection cases one case worker carries (local practice; caseload bands: domain guide).</summary>
    public int ChildCaseload { get; init; } = 20;

    /// <summary>Cases of women and girls at risk one case worker carries (local practice).</summary>
    public int WomenCaseload { get; init; } = 20;

    /// <summary>
    /// What a tonne of each commodity costs, by the food module's commodity code (local practice), for a ration taken
    /// from the food programme's basket; a commodity not listed costs <see cref="DefaultCostPerTonne"/>.
    /// </summary>
    public Dictionary<string, double> CostPerTonne { get; init; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["wheat-flour"] = 380, ["maize-meal"] = 350, ["rice"] = 600, ["lentils"] = 900, ["beans"] = 900,
        ["vegetable-oil"] = 1_600, ["sugar"] = 700, ["salt"] = 250, ["csb"] = 1_100,
    };

    public double DefaultCostPerTonne { get; init; } = 800;

    /// <summary>These options with <paramref name="ration"/> (commodity code, name, grams a person a day) as the basket, each line costed from <see cref="CostPerTonne"/>.</summary>
    public NeedsOptions WithRation(IEnumerable<(string Code, string Name, double Grams)> ration) => this with
    {
        Basket = [.. ration.Select(r => new BasketLine(r.Name, r.Grams, CostPerTonne.GetValueOrDefault(r.Code, DefaultCostPerTonne)))],
    };

    public double CostPerSeatPerMonth { get; init; } = 12;
    public double CostPerTeacherPerMonth { get; init; } = 900;
    public double CostPerCaseWorkerPerMonth { get; init; } = 1_100;
    public double CostPerClerkPerMonth { get; init; } = 700;
    public double CostPerPointPerMonth { get; init; } = 1_500;

    private double[]? tonnesPerPerson;

    /// <summary>Each basket line's tonnes for one person over a month (the domain guide's arithmetic, done once).</summary>
    internal double[] TonnesPerPerson => tonnesPerPerson ??= [.. Basket.Select(b => (double)Food.EntitlementRules.RationTonnes(b.GramsPerPersonPerDay, 1, DaysPerMonth))];

    /// <summary>What is wrong with these options, as message keys; empty when they can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Basket.Count == 0 || Basket.Any(b => string.IsNullOrWhiteSpace(b.Commodity) || b.GramsPerPersonPerDay is < 0 or > 2_000 || b.CostPerTonne < 0))
        {
            problems.Add("Planning.BasketInvalid");
        }
        if (DaysPerMonth is < 1 or > 31 || PeoplePerPoint < 1 || ClerksPerPoint < 1 || SectionSize < 1 || SectionsPerTeacher < 1 || ChildCaseload < 1 || WomenCaseload < 1)
        {
            problems.Add("Planning.RatioInvalid");
        }
        if (new[] { CostPerSeatPerMonth, CostPerTeacherPerMonth, CostPerCaseWorkerPerMonth, CostPerClerkPerMonth, CostPerPointPerMonth, DefaultCostPerTonne }.Concat(CostPerTonne.Values).Any(c => c < 0 || !double.IsFinite(c)))
        {
            problems.Add("Planning.CostInvalid");
        }
        return problems;
    }
}
