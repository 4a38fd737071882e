using System.Globalization;

namespace Panah.Core.Food.Monitoring;

/// <summary>
/// The sampling choices for post-distribution monitoring: z for the confidence level (1.96 = 95 %), the margin of
/// error e (0.05), the expected proportion p (0.5, the most cautious), and the inflation for non-response (1.5).
/// Local practice: configuration section <c>Panah:Monitoring:Sample</c>.
/// </summary>
public sealed record PdmSampleOptions(double Z = 1.96, double MarginOfError = 0.05, double Proportion = 0.5, double NonResponseInflation = 1.5);

/// <summary>A sample size worked out, with each step kept so the page can show the formula with its numbers.</summary>
public sealed record PdmSampleSize(PdmSampleOptions Options, int Population, double N0, double Corrected, int CorrectedRoundedUp, int Size)
{
    /// <summary>
    /// Cochran: n0 = z²·p(1−p)/e²; finite-population correction n = n0 / (1 + (n0 − 1)/N), rounded up; then × the
    /// non-response inflation, rounded up, and never more than the population itself.
    /// </summary>
    public static PdmSampleSize For(int population, PdmSampleOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(population);
        var (z, e, p) = (options.Z, options.MarginOfError, options.Proportion);
        var n0 = z * z * p * (1 - p) / (e * e);
        if (population == 0)
        {
            return new(options, 0, n0, 0, 0, 0);
        }
        var corrected = n0 / (1 + (n0 - 1) / population);
        // Rounded to 9 places first: 370.0000000001 from floating point is 370, not 371.
        var roundedUp = (int)Math.Ceiling(Math.Round(corrected, 9));
        var inflated = (int)Math.Ceiling(Math.Round(roundedUp * options.NonResponseInflation, 9));
        return new(options, population, n0, corrected, roundedUp, Math.Min(inflated, population));
    }

    /// <summary>The formula with the numbers filled in (invariant digits: it is arithmetic, shown the same in every language).</summary>
    public string Working()
    {
        var c = CultureInfo.InvariantCulture;
        var o = Options;
        var inflated = CorrectedRoundedUp * o.NonResponseInflation;
        return string.Create(c, $"n0 = z²·p(1−p)/e² = {o.Z:0.###}² × {o.Proportion:0.###} × {1 - o.Proportion:0.###} / {o.MarginOfError:0.###}² = {N0:0.##}; ")
            + string.Create(c, $"n = n0 / (1 + (n0 − 1)/N) = {N0:0.##} / (1 + {N0 - 1:0.##}/{Population}) = {Corrected:0.##} → {CorrectedRoundedUp}; ")
            + string.Create(c, $"{CorrectedRoundedUp} × {o.NonResponseInflation:0.##} = {inflated:0.##} → {Size}")
            + (Size < Math.Ceiling(inflated) ? string.Create(c, $" (N = {Population})") : "");
    }
}
