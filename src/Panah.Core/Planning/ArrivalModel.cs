using MathNet.Numerics.Distributions;

namespace Panah.Core.Planning;

/// <summary>
/// Monthly arrivals (new registrations) as a count model fitted to the registry's own history: a Gamma–Poisson
/// (negative binomial) whose mean level is itself uncertain. The level has a Gamma posterior from the last
/// <see cref="Window"/> months (a Jeffreys-like prior, so a short history gives a wide level); the month-to-month
/// spread beyond Poisson is the dispersion fitted by moments. A simulated future draws its level once and then each
/// month's count around it, so a future that starts high stays high, as real influxes do.
/// </summary>
/// <param name="LevelShape">Shape of the Gamma posterior of the mean monthly arrivals.</param>
/// <param name="LevelRate">Rate of that posterior (months of history seen).</param>
/// <param name="Dispersion">Negative-binomial size r (variance μ + μ²/r); <see cref="double.PositiveInfinity"/> for Poisson.</param>
/// <param name="Window">How many of the latest months the fit used.</param>
/// <param name="Variance">The sample variance of those months (NaN when unknown).</param>
public sealed record ArrivalModel(double LevelShape, double LevelRate, double Dispersion, int Window, double Variance = double.NaN)
{
    /// <summary>The default window: the last 12 months, so the fit follows a registry whose intake has changed.</summary>
    public const int DefaultWindow = 12;

    /// <summary>The posterior mean of the monthly arrivals.</summary>
    public double MeanLevel => LevelShape / LevelRate;

    /// <summary>Fits the model to monthly arrival counts, oldest first.</summary>
    /// <exception cref="ArgumentException">No months, or a negative count.</exception>
    public static ArrivalModel Fit(IReadOnlyList<int> monthly, int window = DefaultWindow)
    {
        if (monthly.Count == 0 || monthly.Any(m => m < 0))
        {
            throw new ArgumentException("A fit needs at least one month of arrivals, none negative.", nameof(monthly));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        var recent = monthly.Skip(Math.Max(0, monthly.Count - window)).ToArray();
        var n = recent.Length;
        var mean = recent.Average();
        var variance = n > 1 ? recent.Sum(y => (y - mean) * (y - mean)) / (n - 1) : mean;
        // Moments: variance = μ + μ²/r. Variance at or below the mean is Poisson (or under-dispersed: Poisson is the safe side).
        // Only spread beyond what Poisson counts show by chance counts (the dispersion index's χ² test at 20 %):
        // a dozen Poisson months have a variance above their mean half the time.
        var overdispersed = mean > 0 && variance > mean && (n < 3 || (n - 1) * variance / mean > ChiSquared.InvCDF(n - 1, 0.8));
        var dispersion = overdispersed ? mean * mean / (variance - mean) : double.PositiveInfinity;
        // Gamma(½ + Σy, n): the level's posterior under Poisson counts. Over-dispersed counts carry less information
        // than Poisson ones, so the evidence is discounted by the variance inflation (1 + μ/r), keeping intervals honest.
        var inflation = double.IsPositiveInfinity(dispersion) ? 1 : 1 + mean / dispersion;
        return new ArrivalModel(0.5 + recent.Sum() / inflation, n / inflation, dispersion, n, variance);
    }

    /// <summary>A future's level: one draw from the posterior of the mean monthly arrivals.</summary>
    public double DrawLevel(Random random) => Gamma.Sample(random, LevelShape, LevelRate);

    /// <summary>
    /// A future's dispersion: a dozen months tell the spread only roughly, so each future draws its variance from that
    /// estimate's uncertainty (s²·(n − 1) / χ²ₙ₋₁) and the size r that variance implies around <paramref name="level"/>.
    /// </summary>
    public double DrawDispersion(Random random, double level)
    {
        // No spread beyond Poisson seen: nothing to be unsure of (drawing one anyway widens Poisson counts' intervals).
        if (Window < 3 || double.IsPositiveInfinity(Dispersion) || double.IsNaN(Variance) || level <= 0)
        {
            return Dispersion;
        }
        var variance = Variance * (Window - 1) / ChiSquared.Sample(random, Window - 1);
        return variance > level ? level * level / (variance - level) : double.PositiveInfinity;
    }

    /// <summary>One month's arrivals around a mean of <paramref name="mean"/>, with size <paramref name="dispersion"/> (the fitted one by default).</summary>
    public int DrawMonth(Random random, double mean, double? dispersion = null)
    {
        if (mean <= 0)
        {
            return 0;
        }
        var r = dispersion ?? Dispersion;
        var rate = double.IsPositiveInfinity(r) ? mean : Gamma.Sample(random, r, r / mean);
        return rate <= 0 ? 0 : Poisson.Sample(random, rate);
    }
}
