namespace Panah.Matching;

/// <summary>
/// How common each name and birth-place value is. Agreement on "Muhemmet" is weaker evidence than
/// agreement on a rare name; the exact-agreement weight is shifted by log2(average agreement chance / value frequency).
/// </summary>
internal sealed class TermFrequencies
{
    private const double MaxAdjustment = 5;
    private readonly Dictionary<string, int> _names;
    private readonly Dictionary<string, int> _places;
    private readonly int _nameTotal;
    private readonly int _placeTotal;

    internal TermFrequencies(Dictionary<string, int> names, int nameTotal, Dictionary<string, int> places, int placeTotal)
    {
        _names = names;
        _places = places;
        _nameTotal = Math.Max(1, nameTotal);
        _placeTotal = Math.Max(1, placeTotal);
        NameAgreement = RandomAgreement(names, _nameTotal);
        PlaceAgreement = RandomAgreement(places, _placeTotal);
    }

    internal IReadOnlyDictionary<string, int> Names => _names;
    internal IReadOnlyDictionary<string, int> Places => _places;
    internal int NameTotal => _nameTotal;
    internal int PlaceTotal => _placeTotal;

    /// <summary>An empty table: every value gets the average weight.</summary>
    public static TermFrequencies Empty { get; } = new([], 0, [], 0);

    /// <summary>Chance that two random name values agree (sum of squared frequencies).</summary>
    public double NameAgreement { get; }

    /// <summary>Chance that two random birth places agree.</summary>
    public double PlaceAgreement { get; }

    public static TermFrequencies Count(IReadOnlyList<PreparedRecord> records)
    {
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var places = new Dictionary<string, int>(StringComparer.Ordinal);
        int nameTotal = 0, placeTotal = 0;
        foreach (var r in records)
        {
            nameTotal += Add(names, r.Given.Compact) + Add(names, r.Family.Compact) + Add(names, r.Father.Compact);
            placeTotal += Add(places, r.Place);
        }

        return new TermFrequencies(names, nameTotal, places, placeTotal);
    }

    /// <summary>Stores the value frequencies on the record.</summary>
    public void Annotate(PreparedRecord r)
    {
        r.GivenTf = NameFrequency(r.Given.Compact);
        r.FamilyTf = NameFrequency(r.Family.Compact);
        r.FatherTf = NameFrequency(r.Father.Compact);
        r.PlaceTf = Frequency(_places, _placeTotal, r.Place);
    }

    /// <summary>Bits added to the exact-agreement weight of a value with relative frequency <paramref name="frequency"/>.</summary>
    public static double Adjustment(double randomAgreement, float frequency)
    {
        if (randomAgreement <= 0 || frequency <= 0)
            return 0;
        return Math.Clamp(Math.Log2(randomAgreement / frequency), -MaxAdjustment, MaxAdjustment);
    }

    private float NameFrequency(string value) => Frequency(_names, _nameTotal, value);

    private static float Frequency(Dictionary<string, int> table, int total, string value)
    {
        if (value.Length == 0 || table.Count == 0)
            return 0;
        return table.TryGetValue(value, out var n) ? (float)n / total : 1f / total;
    }

    private static int Add(Dictionary<string, int> table, string value)
    {
        if (value.Length == 0)
            return 0;
        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(table, value, out _)++;
        return 1;
    }

    private static double RandomAgreement(Dictionary<string, int> table, int total)
    {
        double sum = 0;
        foreach (var n in table.Values)
        {
            var f = (double)n / total;
            sum += f * f;
        }

        return sum;
    }
}
