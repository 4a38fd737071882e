using MathNet.Numerics.Statistics;
using Panah.Core.Planning;

namespace Panah.Core.Tests.Planning;

public class BandTests
{
    private static Band Sorted(double[] values)
    {
        var copy = values.OrderBy(v => v).ToArray();
        double Q(double tau) => SortedArrayStatistics.Quantile(copy, tau);
        return new Band(Q(0.5), Q(0.25), Q(0.75), Q(0.10), Q(0.90), Q(0.025), Q(0.975));
    }

    [Fact]
    public void Selection_gives_the_quantiles_of_a_sorted_copy()
    {
        var random = new Random(7);
        for (var n = 0; n < 200; n++)
        {
            // Odd and even lengths, ties (rounded draws) and a few lengths too short for every interval to differ.
            var values = Enumerable.Range(0, 1 + random.Next(400)).Select(_ => Math.Round(random.NextDouble() * 50)).ToArray();
            Assert.Equal(Sorted(values), Band.Of([.. values]));
        }
    }

    [Fact]
    public void Each_array_gets_its_own_band_in_order()
    {
        var random = new Random(11);
        var arrays = Enumerable.Range(0, 64).Select(i => Enumerable.Range(0, 1_000).Select(_ => i * 100 + random.NextDouble()).ToArray()).ToList();
        var expected = arrays.Select(Sorted).ToArray();
        Assert.Equal(expected, Band.OfEach(arrays));
    }
}
