
namespace Panah.Matching.Tests;

/// <summary>The match prior is the share of matches among ALL record pairs, whatever the blocking brings in.</summary>
public sealed class PriorTests
{
    private const ulong AllExact = 0;

    /// <summary>Given and family names exact, every other field missing: what a namesake without papers looks like.</summary>
    private static readonly ulong NamesOnly = Enumerable.Range(2, FieldLevels.FieldCount - 2).Aggregate(0UL, (p, f) => p | ((ulong)FieldLevels.Missing << (4 * f)));

    private static double[][] U()
    {
        var u = ExpectationMaximisation.NewTable();
        foreach (var row in u)
        {
            row[0] = 0.02;
            for (var l = 1; l < row.Length; l++)
                row[l] = 0.98 / (row.Length - 1);
        }

        return u;
    }

    [Theory]
    [InlineData(1e9)]
    [InlineData(1e11)]
    public void Namesakes_that_blocking_brings_in_do_not_raise_the_prior(double allPairs)
    {
        // 1,000 pairs agreeing on everything (the duplicates) and 100,000 namesake pairs agreeing on the names only:
        // about 10 bits of evidence, far too little against a prior of one in millions, so they are not matches.
        var candidates = new Dictionary<ulong, long> { [AllExact] = 1_000, [NamesOnly] = 100_000 };
        var model = ExpectationMaximisation.Fit(candidates, U(), TermFrequencies.Empty, allPairs, 200, out _);
        var truth = Math.Log2(1_000 / allPairs);
        Assert.InRange(model.PriorWeight, truth - 0.5, truth + 0.5);
    }
}
