namespace Panah.Matching;

/// <summary>
/// A Fellegi–Sunter model: for every field and comparison level the chance m of that level among true
/// matches and u among non-matches, the prior share of matches among candidate pairs, and the value
/// frequencies used for the term-frequency adjustment. Immutable and thread-safe.
/// Train one with <see cref="MatchModelTrainer"/>; <see cref="Default"/> serves until then.
/// </summary>
public sealed partial class MatchModel
{
    private readonly double[][] _m;
    private readonly double[][] _u;
    private readonly double[][] _weights;

    internal MatchModel(double prior, double[][] m, double[][] u, TermFrequencies frequencies, double threshold = 0)
    {
        Prior = Math.Clamp(prior, 1e-12, 1 - 1e-9);
        _m = m;
        _u = u;
        Frequencies = frequencies;
        Threshold = threshold;
        _weights = new double[FieldLevels.FieldCount][];
        var fields = new FieldParameters[FieldLevels.FieldCount];
        for (var f = 0; f < FieldLevels.FieldCount; f++)
        {
            _weights[f] = new double[m[f].Length];
            var levels = new LevelParameters[m[f].Length];
            for (var l = 0; l < m[f].Length; l++)
            {
                _weights[f][l] = Math.Log2(m[f][l] / u[f][l]);
                levels[l] = new LevelParameters(FieldLevels.Name(f, l), m[f][l], u[f][l]);
            }

            fields[f] = new FieldParameters((MatchField)f, levels);
        }

        Fields = fields;
        PriorWeight = Math.Log2(Prior / (1 - Prior));
    }

    /// <summary>Chance that two records drawn at random are the same person (λ).</summary>
    public double Prior { get; }

    /// <summary>log2(λ / (1 − λ)): the score of a pair before any field is compared.</summary>
    public double PriorWeight { get; }

    /// <summary>Score in bits at or above which a pair is called a match; 0 means a match probability of 0.5.</summary>
    public double Threshold { get; }

    /// <summary>m and u per field and level.</summary>
    public IReadOnlyList<FieldParameters> Fields { get; }

    internal TermFrequencies Frequencies { get; }

    /// <summary>A hand-set model for a registry too small to train on (a few hundred records).</summary>
    public static MatchModel Default { get; } = DefaultModel.Create();

    /// <summary>The same model with another decision threshold (in bits).</summary>
    public MatchModel WithThreshold(double threshold) => new(Prior, _m, _u, Frequencies, threshold) { NeedsFrequencies = NeedsFrequencies };

    /// <summary>Match probability for a score in bits.</summary>
    public static double Probability(double score) => 1 / (1 + Math.Pow(2, -score));

    /// <summary>Score of a pair in bits: log2 of the posterior odds that both records are the same person.</summary>
    public double Score(PersonRecord a, PersonRecord b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var pa = Prepare(a);
        var pb = Prepare(b);
        return Score(pa, pb, Comparer.Compare(pa, pb));
    }

    /// <summary>The score of a pair with the contribution of every field.</summary>
    public PairExplanation Explain(PersonRecord a, PersonRecord b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Explain(Prepare(a), Prepare(b));
    }

    internal PreparedRecord Prepare(PersonRecord record, StringPool? pool = null)
    {
        var prepared = new PreparedRecord(record, pool);
        Frequencies.Annotate(prepared);
        return prepared;
    }

    internal double Score(PreparedRecord a, PreparedRecord b, Comparison c)
    {
        var score = PriorWeight;
        for (var f = 0; f < FieldLevels.FieldCount; f++)
        {
            var level = c.Level(f);
            if (level >= FieldLevels.NotInformative)
                continue;
            score += _weights[f][level];
            if (level == 0 && FieldLevels.HasTermFrequency(f))
                score += TermFrequencyAdjustment(f, a, c.Swapped);
        }

        return score;
    }

    internal PairExplanation Explain(PreparedRecord a, PreparedRecord b)
    {
        var c = Comparer.Compare(a, b);
        var contributions = new FieldContribution[FieldLevels.FieldCount];
        var score = PriorWeight;
        for (var f = 0; f < FieldLevels.FieldCount; f++)
        {
            var level = c.Level(f);
            double weight = 0, tf = 0;
            if (level < FieldLevels.NotInformative)
            {
                weight = _weights[f][level];
                if (level == 0 && FieldLevels.HasTermFrequency(f))
                    tf = TermFrequencyAdjustment(f, a, c.Swapped);
                weight += tf;
            }

            score += weight;
            var (va, vb) = Values(f, a, b, c.Swapped);
            contributions[f] = new FieldContribution((MatchField)f, FieldLevels.Name(f, level), va, vb, weight, tf);
        }

        return new PairExplanation(a.Source.Id, b.Source.Id, PriorWeight, contributions, score, Probability(score), c.Swapped, score >= Threshold);
    }

    private double TermFrequencyAdjustment(int field, PreparedRecord a, bool swapped) => TermFrequencyAdjustment(Frequencies, field, a, swapped);

    /// <summary>Bits added to the exact-agreement weight of <paramref name="field"/> for the value of record <paramref name="a"/>.</summary>
    internal static double TermFrequencyAdjustment(TermFrequencies frequencies, int field, PreparedRecord a, bool swapped)
    {
        var frequency = (field, swapped) switch
        {
            (0, false) => a.GivenTf,
            (0, true) => a.FamilyTf,
            (1, false) => a.FamilyTf,
            (1, true) => a.GivenTf,
            (2, _) => a.FatherTf,
            _ => a.PlaceTf,
        };
        return TermFrequencies.Adjustment(field == 5 ? frequencies.PlaceAgreement : frequencies.NameAgreement, frequency);
    }

    private static (string A, string B) Values(int field, PreparedRecord a, PreparedRecord b, bool swapped) => field switch
    {
        0 => (a.Given.Text, swapped ? b.Family.Text : b.Given.Text),
        1 => (a.Family.Text, swapped ? b.Given.Text : b.Family.Text),
        2 => (a.Father.Text, b.Father.Text),
        3 => (SexText(a.Sex), SexText(b.Sex)),
        4 => (DateText(a.Date), DateText(b.Date)),
        5 => (a.Place, b.Place),
        6 => (a.Phone, b.Phone),
        7 => (a.Document, b.Document),
        _ => (a.Address, b.Address),
    };

    private static string SexText(byte sex) => sex switch { 1 => "m", 2 => "f", _ => string.Empty };

    private static string DateText(int date) =>
        date == 0 ? string.Empty : $"{date / 10000:D4}-{date / 100 % 100:D2}-{date % 100:D2}";
}
