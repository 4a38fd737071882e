using Panah.Core.Education;

namespace Panah.Core.Tests.Education;

/// <summary>The applicant's page lists every reason with its weight; its points are the ranking's own.</summary>
public sealed class PriorityExplanationTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Every_reason_is_listed_with_its_weight_and_only_those_that_apply_give_points()
    {
        var weights = new PriorityWeights { ResidencePermit = 30, Work = 20, WomanHeadOfHousehold = 15, PerMonthWaiting = 5, MaxWaiting = 30, RepeatsLevel = -10 };
        var inputs = new PriorityInputs(ResidencePermit: true, Work: false, WomanHeadOfHousehold: true, RepeatsLevel: true, AppliedAt: Now.AddDays(-95));

        var why = PriorityExplanation.Of(inputs, weights, Now);

        Assert.Equal(
            ["residence-permit True 30 30", "work False 20 0", "woman-head-of-household True 15 15", "repeats-level True -10 -10", "waiting True 5 15"],
            why.Lines.Select(l => $"{l.Reason} {l.Applies} {l.Weight} {l.Points}"));
        Assert.Equal((3, 30, 50), (why.MonthsWaiting, why.MaxWaiting, why.Total));
    }

    [Fact]
    public void Waiting_stops_at_its_cap_and_the_total_is_always_the_rankings_score()
    {
        var weights = new PriorityWeights();
        var random = new Random(12);
        for (var i = 0; i < 500; i++)
        {
            var inputs = new PriorityInputs(random.Next(2) == 1, random.Next(2) == 1, random.Next(2) == 1, random.Next(2) == 1, Now.AddDays(-random.Next(0, 800)));
            var why = PriorityExplanation.Of(inputs, weights, Now);
            var score = PriorityScore.Of(inputs, weights, Now);
            Assert.Equal(score.Total, why.Total);
            Assert.Equal(score.Total, why.Lines.Sum(l => l.Points));
            Assert.InRange(why.Lines.Single(l => l.Reason == PriorityScore.Waiting).Points, 0, weights.MaxWaiting);
        }
    }
}
