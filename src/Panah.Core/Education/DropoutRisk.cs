namespace Panah.Core.Education;

/// <summary>
/// The weights of the dropout-risk score, in the manner of OpenEMIS's risk index: each factor is a share between 0 and
/// 1, the score is their weighted mean on 0–100. The weights are local practice, to be tuned by the NGO; they are shown
/// next to every score so a coordinator sees why a learner is at risk.
/// </summary>
public sealed record DropoutRiskOptions
{
    /// <summary>Weight of absence: the share of the absence budget already used.</summary>
    public decimal Absence { get; init; } = 0.40m;

    /// <summary>Weight of lateness: the share of held sessions the learner came late to.</summary>
    public decimal Late { get; init; } = 0.15m;

    /// <summary>Weight of repeating the level (a learner who failed it before).</summary>
    public decimal RepeatedLevel { get; init; } = 0.20m;

    /// <summary>Weight of a crèche place needed and not given.</summary>
    public decimal CrecheUnmet { get; init; } = 0.25m;

    /// <summary>Scores at or above this are high risk.</summary>
    public decimal HighFrom { get; init; } = 60m;

    /// <summary>Scores at or above this (and below <see cref="HighFrom"/>) are medium risk.</summary>
    public decimal MediumFrom { get; init; } = 30m;
}

public enum RiskBand
{
    Low = 1,
    Medium = 2,
    High = 3,
}

public enum RiskFactor
{
    Absence = 1,
    Late = 2,
    RepeatedLevel = 3,
    CrecheUnmet = 4,
}

/// <summary>One factor's part of a score: its value (0–1), its weight, and the points it adds.</summary>
public readonly record struct RiskPart(RiskFactor Factor, decimal Value, decimal Weight, decimal Points);

public sealed record DropoutRiskScore(decimal Score, RiskBand Band, IReadOnlyList<RiskPart> Parts);

public static class DropoutRisk
{
    /// <summary>The learner's score from their attendance standing, the sessions they came late to, and two facts.</summary>
    public static DropoutRiskScore Score(AttendanceStanding standing, int sessionsHeld, int sessionsLate, bool repeatedLevel, bool crecheUnmet, DropoutRiskOptions options)
    {
        var weights = new[] { options.Absence, options.Late, options.RepeatedLevel, options.CrecheUnmet };
        if (weights.Any(w => w < 0) || weights.Sum() == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Risk weights must be non-negative and not all zero.");
        }
        // Absence is measured against the budget: a learner who has used all of it is at the factor's full value.
        var absence = standing.AllowedAbsentHours == 0
            ? (standing.AbsentHours > 0 ? 1m : 0m)
            : Math.Min(1m, standing.AbsentHours / standing.AllowedAbsentHours);
        var late = sessionsHeld == 0 ? 0m : Math.Min(1m, (decimal)sessionsLate / sessionsHeld);
        var values = new[] { absence, late, repeatedLevel ? 1m : 0m, crecheUnmet ? 1m : 0m };
        var factors = new[] { RiskFactor.Absence, RiskFactor.Late, RiskFactor.RepeatedLevel, RiskFactor.CrecheUnmet };
        var total = weights.Sum();
        var parts = factors.Select((f, i) => new RiskPart(f, values[i], weights[i], Math.Round(100m * weights[i] * values[i] / total, 1, MidpointRounding.AwayFromZero))).ToList();
        var score = Math.Round(100m * values.Select((v, i) => v * weights[i]).Sum() / total, 1, MidpointRounding.AwayFromZero);
        var band = score >= options.HighFrom ? RiskBand.High : score >= options.MediumFrom ? RiskBand.Medium : RiskBand.Low;
        return new DropoutRiskScore(score, band, parts);
    }
}
