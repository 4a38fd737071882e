using MathNet.Numerics.Statistics;

namespace Panah.Core.Planning;

/// <summary>A month's value across the simulated futures: the median and the central 50 %, 80 % and 95 % intervals.</summary>
public readonly record struct Band(double Median, double Low50, double High50, double Low80, double High80, double Low95, double High95)
{
    /// <summary>
    /// The band of <paramref name="values"/>, which it reorders in place. Seven selections (R-8 quantiles, as on a sorted
    /// copy) instead of a full sort: a forecast takes thousands of bands of ten thousand futures each.
    /// </summary>
    public static Band Of(double[] values)
    {
        double Q(double tau) => ArrayStatistics.QuantileInplace(values, tau);
        var median = Q(0.5);
        return new Band(median, Q(0.25), Q(0.75), Q(0.10), Q(0.90), Q(0.025), Q(0.975));
    }

    /// <summary>The bands of many independent arrays, on every core: each array is reordered by its own band only.</summary>
    public static Band[] OfEach(IReadOnlyList<double[]> arrays)
    {
        var bands = new Band[arrays.Count];
        Parallel.For(0, arrays.Count, i => bands[i] = Of(arrays[i]));
        return bands;
    }

    public bool Within80(double value) => value >= Low80 && value <= High80;
}
