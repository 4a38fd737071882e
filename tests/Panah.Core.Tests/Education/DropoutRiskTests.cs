using Panah.Core.Education;

namespace Panah.Core.Tests.Education;

public sealed class DropoutRiskTests
{
    private static readonly DropoutRiskOptions Defaults = new();

    private static AttendanceStanding Standing(decimal absent, decimal allowed) => new(100m, absent, allowed, 0, false);

    [Fact]
    public void A_learner_who_always_comes_on_time_with_no_other_factor_is_at_no_risk()
    {
        var risk = DropoutRisk.Score(Standing(0, 20), sessionsHeld: 10, sessionsLate: 0, repeatedLevel: false, crecheUnmet: false, Defaults);

        Assert.Equal(0m, risk.Score);
        Assert.Equal(RiskBand.Low, risk.Band);
    }

    [Fact]
    public void The_score_is_the_weighted_mean_of_the_factors_and_each_parts_points_add_up_to_it()
    {
        // Half the absence budget used (0.5 × 40), 2 of 10 sessions late (0.2 × 15), crèche unmet (25): 20 + 3 + 25 = 48.
        var risk = DropoutRisk.Score(Standing(10, 20), sessionsHeld: 10, sessionsLate: 2, repeatedLevel: false, crecheUnmet: true, Defaults);

        Assert.Equal(48m, risk.Score);
        Assert.Equal(RiskBand.Medium, risk.Band);
        Assert.Equal(risk.Score, risk.Parts.Sum(p => p.Points));
        Assert.Equal(new RiskPart(RiskFactor.Absence, 0.5m, 0.40m, 20m), risk.Parts[0]);
    }

    [Fact]
    public void Absence_beyond_the_budget_counts_as_the_whole_factor_and_all_factors_give_100()
    {
        var risk = DropoutRisk.Score(Standing(30, 20), sessionsHeld: 10, sessionsLate: 10, repeatedLevel: true, crecheUnmet: true, Defaults);

        Assert.Equal(100m, risk.Score);
        Assert.Equal(RiskBand.High, risk.Band);
    }

    [Fact]
    public void The_bands_start_at_their_thresholds()
    {
        // Repeated level alone: 20 points (low); with crèche unmet: 45 (medium); absence budget spent alone: 40 (medium, high from 40).
        Assert.Equal(RiskBand.Low, DropoutRisk.Score(Standing(0, 20), 10, 0, true, false, Defaults).Band);
        Assert.Equal(RiskBand.Medium, DropoutRisk.Score(Standing(0, 20), 10, 0, true, true, Defaults).Band);
        Assert.Equal(RiskBand.Medium, DropoutRisk.Score(Standing(0, 20), 10, 0, false, false, Defaults with { MediumFrom = 0m }).Band);
        Assert.Equal(RiskBand.High, DropoutRisk.Score(Standing(20, 20), 10, 0, false, false, Defaults with { HighFrom = 40m }).Band);
        Assert.Equal(RiskBand.Medium, DropoutRisk.Score(Standing(20, 20), 10, 0, false, false, Defaults).Band);
    }

    [Fact]
    public void Weights_that_are_negative_or_all_zero_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DropoutRisk.Score(Standing(0, 20), 1, 0, false, false, Defaults with { Late = -0.1m }));
        Assert.Throws<ArgumentOutOfRangeException>(() => DropoutRisk.Score(Standing(0, 20), 1, 0, false, false, new DropoutRiskOptions { Absence = 0, Late = 0, RepeatedLevel = 0, CrecheUnmet = 0 }));
    }
}
