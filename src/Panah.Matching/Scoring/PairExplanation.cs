namespace Panah.Matching;

/// <summary>What one field contributed to the score of a pair.</summary>
/// <param name="Field">The field.</param>
/// <param name="Level">The comparison level, e.g. "exact", "similar", "swapped or one digit off", "missing".</param>
/// <param name="ValueA">The compared value of the first record in comparable form.</param>
/// <param name="ValueB">The compared value of the second record in comparable form.</param>
/// <param name="Weight">Match weight in bits (log2 Bayes factor m/u), term-frequency adjustment included; 0 when missing.</param>
/// <param name="TermFrequencyAdjustment">Part of <paramref name="Weight"/> due to how common the agreeing value is.</param>
public sealed record FieldContribution(
    MatchField Field,
    string Level,
    string ValueA,
    string ValueB,
    double Weight,
    double TermFrequencyAdjustment);

/// <summary>
/// Why two records do or do not match: <see cref="Score"/> = <see cref="PriorWeight"/> + the sum of the
/// field weights, in bits; <see cref="Probability"/> = 2^Score / (1 + 2^Score).
/// </summary>
public sealed record PairExplanation(
    string IdA,
    string IdB,
    double PriorWeight,
    IReadOnlyList<FieldContribution> Contributions,
    double Score,
    double Probability,
    bool NamesSwapped,
    bool IsMatch);
