using Panah.Core.Education;

namespace Panah.Core.Tests.Education;

/// <summary>Mean ≥ 60/100 and each skill ≥ 15/25 (Kayseri DİLMER, common TÖMER practice); one failed skill retaken within a week.</summary>
public sealed class ExamRuleTests
{
    private static readonly ExamOptions Defaults = new();
    private static readonly DateOnly Sat = new(2027, 3, 1);

    private static Dictionary<ExamSkill, decimal> Scores(decimal reading, decimal writing, decimal listening, decimal speaking) => new()
    {
        [ExamSkill.Reading] = reading,
        [ExamSkill.Writing] = writing,
        [ExamSkill.Listening] = listening,
        [ExamSkill.Speaking] = speaking,
    };

    [Fact]
    public void Exactly_the_minimum_in_every_skill_passes_with_a_mean_of_60()
    {
        var verdict = ExamRule.Evaluate(Scores(15, 15, 15, 15), Defaults);

        Assert.Equal(ExamOutcome.Passed, verdict.Outcome);
        Assert.Equal(60m, verdict.Mean);
    }

    [Fact]
    public void A_high_mean_does_not_pass_with_one_skill_under_its_minimum_but_that_skill_may_be_retaken()
    {
        var verdict = ExamRule.Evaluate(Scores(25, 25, 25, 14.5m), Defaults);

        Assert.Equal(ExamOutcome.RetakeAllowed, verdict.Outcome);
        Assert.Equal(89.5m, verdict.Mean);
        Assert.Equal([ExamSkill.Speaking], verdict.Retake);
    }

    [Fact]
    public void Two_failed_skills_fail_the_level()
    {
        var verdict = ExamRule.Evaluate(Scores(25, 25, 14, 14), Defaults);

        Assert.Equal(ExamOutcome.Failed, verdict.Outcome);
        Assert.Equal([ExamSkill.Listening, ExamSkill.Speaking], verdict.FailedSkills);
        Assert.Empty(verdict.Retake);
    }

    [Fact]
    public void Under_Hitits_rule_every_skill_may_pass_its_minimum_and_the_mean_still_fail()
    {
        var hitit = Defaults with { SkillMinimumShare = 0.48m };

        Assert.Equal(ExamOutcome.Failed, ExamRule.Evaluate(Scores(12, 12, 12, 12), hitit).Outcome);
        Assert.Equal(ExamOutcome.Passed, ExamRule.Evaluate(Scores(12, 12, 12, 24), hitit).Outcome);
    }

    [Fact]
    public void With_a_low_skill_minimum_a_retake_is_offered_only_when_full_marks_in_it_could_reach_the_mean()
    {
        // 5 of 25 per skill: 5 + 5 + 5 + 25 is 40, so retaking the fourth cannot pass; 12 + 12 + 12 + 25 is 61, so it can.
        var lenient = Defaults with { SkillMinimumShare = 0.2m };

        Assert.Equal(ExamOutcome.Failed, ExamRule.Evaluate(Scores(5, 5, 5, 2), lenient).Outcome);
        Assert.Equal(ExamOutcome.RetakeAllowed, ExamRule.Evaluate(Scores(12, 12, 12, 2), lenient).Outcome);
    }

    [Fact]
    public void A_retake_within_the_week_replaces_the_failed_skill_and_passes()
    {
        var after = ExamRule.WithRetake(Scores(20, 20, 20, 10), Sat, new Dictionary<ExamSkill, decimal> { [ExamSkill.Speaking] = 16 }, Sat.AddDays(7), Defaults);

        Assert.Equal(ExamOutcome.Passed, after.Outcome);
        Assert.Equal(76m, after.Mean);
    }

    [Fact]
    public void A_retake_failed_again_fails_the_level()
    {
        var after = ExamRule.WithRetake(Scores(20, 20, 20, 10), Sat, new Dictionary<ExamSkill, decimal> { [ExamSkill.Speaking] = 14 }, Sat.AddDays(2), Defaults);

        Assert.Equal(ExamOutcome.Failed, after.Outcome);
    }

    [Fact]
    public void A_retake_after_the_week_or_of_a_skill_that_passed_is_refused()
    {
        var scores = Scores(20, 20, 20, 10);

        Assert.Throws<InvalidOperationException>(() => ExamRule.WithRetake(scores, Sat, new Dictionary<ExamSkill, decimal> { [ExamSkill.Speaking] = 20 }, Sat.AddDays(8), Defaults));
        Assert.Throws<InvalidOperationException>(() => ExamRule.WithRetake(scores, Sat, new Dictionary<ExamSkill, decimal> { [ExamSkill.Reading] = 25 }, Sat.AddDays(1), Defaults));
        Assert.Throws<InvalidOperationException>(() => ExamRule.WithRetake(Scores(20, 20, 20, 20), Sat, new Dictionary<ExamSkill, decimal> { [ExamSkill.Speaking] = 25 }, Sat, Defaults));
    }

    [Fact]
    public void A_missing_skill_gives_no_verdict_rather_than_a_fail()
    {
        var scores = Scores(25, 25, 25, 25);
        scores.Remove(ExamSkill.Writing);

        var verdict = ExamRule.Evaluate(scores, Defaults);

        Assert.Equal(ExamOutcome.Incomplete, verdict.Outcome);
        Assert.Null(verdict.Mean);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(25.5)]
    public void A_score_outside_the_skills_range_is_refused(double score)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ExamRule.Evaluate(Scores(20, 20, 20, (decimal)score), Defaults));
    }
}
