namespace Panah.Matching;

/// <summary>
/// The match prior λ over all n(n−1)/2 record pairs, by maximum likelihood with m and u fixed. u comes from random
/// pairs, so it describes non-matches among ALL pairs; the scores use λ over all pairs. Estimating λ among the
/// candidate pairs instead (EM's usual step) scores every candidate in the E-step with odds
/// log2(all pairs / candidates) bits higher than the final scores give it: at 1,000,000 records about 14 bits,
/// so namesakes that the final model calls unlikely were counted as matches, and the prior came out the higher,
/// the larger the registry. Here the E-step and the final score agree at every size.
/// </summary>
internal static class MatchPrior
{
    private const double Lowest = 1e-15;

    /// <summary>λ maximising Σ log(λ·Lₖ + 1 − λ) over all pairs, Lₖ = 2^bitsₖ the likelihood ratio of candidate k;
    /// pairs outside the candidates (blocking kept them apart) and cannot-links have L = 0.</summary>
    /// <param name="evidence">Distinct evidence values in bits (log2 m/u summed over the fields) with their pair counts.</param>
    /// <param name="allPairs">n(n−1)/2.</param>
    public static double Estimate(IReadOnlyList<(double Bits, double Count)> evidence, double allPairs)
    {
        double candidates = 0;
        foreach (var (_, count) in evidence)
            candidates += count;
        if (allPairs <= 0 || candidates <= 0)
            return Lowest;
        var others = Math.Max(0, allPairs - candidates);
        var highest = Math.Min(0.5, candidates / allPairs);

        // The log-likelihood is concave in λ, so its derivative falls: bisection on log λ finds where it is zero.
        double Slope(double lambda)
        {
            var slope = -others / (1 - lambda);
            foreach (var (bits, count) in evidence)
            {
                var excess = double.IsNegativeInfinity(bits) ? -1 : Math.Pow(2, Math.Min(bits, 200)) - 1;
                slope += count * excess / (1 + (lambda * excess));
            }

            return slope;
        }

        double lo = Math.Log(Lowest), hi = Math.Log(highest);
        if (Slope(Math.Exp(hi)) >= 0)
            return highest;
        if (Slope(Lowest) <= 0)
            return Lowest;
        for (var i = 0; i < 100 && hi - lo > 1e-9; i++)
        {
            var mid = (lo + hi) / 2;
            if (Slope(Math.Exp(mid)) > 0)
                lo = mid;
            else
                hi = mid;
        }

        return Math.Exp((lo + hi) / 2);
    }
}
