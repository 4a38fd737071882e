namespace Panah.Benchmarks;

/// <summary>Pairwise precision, recall and F1 of predicted clusters against true entity ids.</summary>
internal sealed record PairwiseScore(long TruePositives, long PredictedPairs, long TruePairs)
{
    public double Precision => PredictedPairs == 0 ? 1 : (double)TruePositives / PredictedPairs;
    public double Recall => TruePairs == 0 ? 1 : (double)TruePositives / TruePairs;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>
    /// Scores clusters; when <paramref name="side"/> is given only pairs across sides count (record linkage).
    /// </summary>
    public static PairwiseScore Of(IReadOnlyList<int> predicted, IReadOnlyList<string> truth, IReadOnlyList<int>? side = null)
    {
        if (side is null)
        {
            return new PairwiseScore(
                PairsIn(Enumerable.Range(0, predicted.Count).GroupBy(i => (predicted[i], truth[i]))),
                PairsIn(Enumerable.Range(0, predicted.Count).GroupBy(i => predicted[i])),
                PairsIn(Enumerable.Range(0, predicted.Count).GroupBy(i => truth[i])));
        }

        return new PairwiseScore(
            CrossPairs(Enumerable.Range(0, predicted.Count).GroupBy(i => (predicted[i], truth[i])), side),
            CrossPairs(Enumerable.Range(0, predicted.Count).GroupBy(i => predicted[i]), side),
            CrossPairs(Enumerable.Range(0, predicted.Count).GroupBy(i => truth[i]), side));
    }

    private static long PairsIn<T>(IEnumerable<IGrouping<T, int>> groups) =>
        groups.Sum(g => { long n = g.Count(); return n * (n - 1) / 2; });

    private static long CrossPairs<T>(IEnumerable<IGrouping<T, int>> groups, IReadOnlyList<int> side) =>
        groups.Sum(g => { long a = g.Count(i => side[i] == 0); return a * (g.Count() - a); });

    public override string ToString() =>
        $"precision {Precision:F4}  recall {Recall:F4}  F1 {F1:F4}  (TP {TruePositives}, predicted {PredictedPairs}, true {TruePairs})";
}
