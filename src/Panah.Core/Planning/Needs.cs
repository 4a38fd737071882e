namespace Panah.Core.Planning;

/// <summary>The needs of one month of one simulated future; counts of people and staff are whole (no 0.3 teachers).</summary>
public static class Needs
{
    public const string Population = "population";
    public const string Arrivals = "arrivals";
    public const string FoodTonnes = "food-tonnes";
    public const string Points = "distribution-points";
    public const string Clerks = "clerks";
    public const string Seats = "seats";
    public const string Sections = "sections";
    public const string Teachers = "teachers";
    public const string ChildCaseWorkers = "case-workers-children";
    public const string WomenCaseWorkers = "case-workers-women";
    public const string Budget = "budget";

    /// <summary>The food key of one commodity of the basket.</summary>
    public static string Food(string commodity) => "food:" + commodity;

    /// <summary>The budget summed from the first month of the horizon to this one (the forecast adds it; a single month has none).</summary>
    public const string BudgetToDate = "budget-to-date";

    /// <summary>The needs a table lists, in order: every need but the food of each commodity (their total is <see cref="FoodTonnes"/>).</summary>
    public static IReadOnlyList<string> Summary { get; } =
        [Population, Arrivals, FoodTonnes, Points, Clerks, Seats, Sections, Teachers, ChildCaseWorkers, WomenCaseWorkers, Budget];

    /// <summary>The rows a forecast's table lists: <see cref="Summary"/> and the budget to date.</summary>
    public static IReadOnlyList<string> Table { get; } = [.. Summary, BudgetToDate];

    /// <summary>The needs' keys in the order <see cref="Fill"/> writes them: <see cref="Summary"/> with each commodity's food after the arrivals.</summary>
    public static IReadOnlyList<string> Keys(NeedsOptions o) =>
        [.. Summary.Take(2), .. o.Basket.Select(b => Food(b.Commodity)), .. Summary.Skip(2)];

    /// <summary>Every need of a month, by key (see <see cref="Fill"/>).</summary>
    public static Dictionary<string, double> Of(int population, int arrivals, double childShare, double womenShare, double learnersPer100, NeedsOptions o)
    {
        var values = new double[Keys(o).Count];
        Fill(population, arrivals, childShare, womenShare, learnersPer100, o, values);
        return Keys(o).Zip(values).ToDictionary(x => x.First, x => x.Second);
    }

    /// <summary>Every need of a month into <paramref name="into"/>, in the order of <see cref="Keys"/> (no allocation: a forecast calls this 240,000 times).</summary>
    public static void Fill(int population, int arrivals, double childShare, double womenShare, double learnersPer100, NeedsOptions o, Span<double> into)
    {
        into[0] = population;
        into[1] = arrivals;
        var tonnes = 0.0;
        var foodCost = 0.0;
        var i = 2;
        var perPerson = o.TonnesPerPerson;
        for (var b = 0; b < perPerson.Length; b++)
        {
            // The domain guide's arithmetic: grams × people × days, in tonnes (555 g × 50,000 × 30 = 832.5 t).
            var t = perPerson[b] * population;
            into[i++] = t;
            tonnes += t;
            foodCost += t * o.Basket[b].CostPerTonne;
        }
        var points = Up(population, o.PeoplePerPoint);
        var clerks = points * o.ClerksPerPoint;
        var seats = (int)Math.Ceiling(population * learnersPer100 / 100 - 1e-9);
        var sections = Up(seats, o.SectionSize);
        var teachers = Up(sections, o.SectionsPerTeacher);
        var childWorkers = Up((int)Math.Ceiling(population * childShare - 1e-9), o.ChildCaseload);
        var womenWorkers = Up((int)Math.Ceiling(population * womenShare - 1e-9), o.WomenCaseload);
        into[i++] = tonnes;
        into[i++] = points;
        into[i++] = clerks;
        into[i++] = seats;
        into[i++] = sections;
        into[i++] = teachers;
        into[i++] = childWorkers;
        into[i++] = womenWorkers;
        into[i] = foodCost + seats * o.CostPerSeatPerMonth + teachers * o.CostPerTeacherPerMonth
            + (childWorkers + womenWorkers) * o.CostPerCaseWorkerPerMonth + clerks * o.CostPerClerkPerMonth + points * o.CostPerPointPerMonth;
    }

    /// <summary>Whole units of <paramref name="per"/> to cover <paramref name="count"/>: none for none, one for one.</summary>
    public static int Up(int count, int per) => count <= 0 ? 0 : (count + per - 1) / per;
}
