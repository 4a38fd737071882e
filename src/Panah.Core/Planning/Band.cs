using MathNet.Numerics.Statistics;

namespace Panah.Core.Planning;

/// <summary>A month's value across the simulated futures: the median and the central 50 %, 80 % and 95 % intervals.</summary>
public readonly record struct Band(double Median, double Low50, double High50, double Low80, double High80, double Low95, double High95)
{
    /// <summary>The band of <paramref name="values"/>, which it sorts in place.</summary>
    public static Band Of(double[] values)
    {
        Array.Sort(values);
        double Q(double tau) => SortedArrayStatistics.Quantile(values, tau);
        return new Band(Q(0.5), Q(0.25), Q(0.75), Q(0.10), Q(0.90), Q(0.025), Q(0.975));
    }

    public bool Within80(double value) => value >= Low80 && value <= High80;
}
