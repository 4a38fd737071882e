namespace Panah.Matching;

/// <summary>Hand-set m and u values, close to what EM finds on registry-like data; used before any training.</summary>
internal static class DefaultModel
{
    public static MatchModel Create()
    {
        double[][] m =
        [
            [0.80, 0.12, 0.04, 0.04],
            [0.80, 0.12, 0.04, 0.04],
            [0.80, 0.12, 0.04, 0.04],
            [0.97, 0.03],
            [0.60, 0.10, 0.10, 0.10, 0.05, 0.05],
            [0.85, 0.10, 0.05],
            [0.70, 0.05, 0.25],
            [0.85, 0.05, 0.10],
            [0.60, 0.15, 0.10, 0.15],
        ];
        double[][] u =
        [
            [0.01, 0.01, 0.05, 0.93],
            [0.01, 0.01, 0.05, 0.93],
            [0.01, 0.01, 0.05, 0.93],
            [0.50, 0.50],
            [0.0001, 0.0003, 0.003, 0.001, 0.0003, 0.9953],
            [0.10, 0.02, 0.88],
            [0.0001, 0.0005, 0.9994],
            [0.000001, 0.00001, 0.999989],
            [0.001, 0.005, 0.05, 0.944],
        ];
        // Prior: about one duplicate pair per 100,000 random pairs, as in a registry of tens of thousands.
        return new MatchModel(1e-5, m, u, TermFrequencies.Empty);
    }
}
