namespace Panah.Core.Education;

/// <summary>The four skills a Turkish level exam scores.</summary>
public enum ExamSkill
{
    Reading = 1,
    Writing = 2,
    Listening = 3,
    Speaking = 4,
}

/// <summary>
/// The pass rule of Kayseri DİLMER and common TÖMER practice: a mean of at least 60/100 and every skill at least 60 %
/// of its maximum (15 of 25 points). Hitit TÖMER asks 12 of 25 per skill: set <see cref="SkillMinimumShare"/> to 0.48.
/// </summary>
public sealed record ExamOptions
{
    /// <summary>The points each skill is marked out of.</summary>
    public decimal SkillMaximum { get; init; } = 25m;

    /// <summary>The least mean, on a 0–100 scale, that passes the level.</summary>
    public decimal PassMean { get; init; } = 60m;

    /// <summary>The least share of a skill's maximum that passes that skill.</summary>
    public decimal SkillMinimumShare { get; init; } = 0.60m;

    /// <summary>How many failed skills may be retaken instead of the whole exam (Kayseri: one).</summary>
    public int RetakeSkillsAllowed { get; init; } = 1;

    /// <summary>Days after the exam within which the retake must be sat (Kayseri: a week).</summary>
    public int RetakeWithinDays { get; init; } = 7;
}

public enum ExamOutcome
{
    /// <summary>Not every skill has a score yet: no verdict.</summary>
    Incomplete = 0,
    Passed = 1,

    /// <summary>Failed in few enough skills that those may be retaken (<see cref="ExamVerdict.Retake"/>).</summary>
    RetakeAllowed = 2,
    Failed = 3,
}

/// <summary>The verdict on one sitting, with the figures that decided it.</summary>
/// <param name="Outcome">Passed, retake allowed, failed, or no verdict yet.</param>
/// <param name="Mean">The mean of the skills as a share of their maximum, on 0–100; null while incomplete.</param>
/// <param name="FailedSkills">Skills below their minimum.</param>
/// <param name="Retake">The skills that may be retaken, when the outcome is <see cref="ExamOutcome.RetakeAllowed"/>.</param>
public sealed record ExamVerdict(ExamOutcome Outcome, decimal? Mean, IReadOnlyList<ExamSkill> FailedSkills, IReadOnlyList<ExamSkill> Retake);

public static class ExamRule
{
    public static IReadOnlyList<ExamSkill> Skills { get; } = Enum.GetValues<ExamSkill>();

    /// <summary>The least score that passes one skill (15 of 25 by default).</summary>
    public static decimal SkillMinimum(ExamOptions options) => options.SkillMaximum * options.SkillMinimumShare;

    /// <summary>The verdict on a sitting. A score outside 0..maximum is refused rather than judged.</summary>
    public static ExamVerdict Evaluate(IReadOnlyDictionary<ExamSkill, decimal> scores, ExamOptions options)
    {
        foreach (var (skill, score) in scores)
        {
            if (!Enum.IsDefined(skill) || score < 0 || score > options.SkillMaximum)
            {
                throw new ArgumentOutOfRangeException(nameof(scores), $"A {skill} score must be between 0 and {options.SkillMaximum}.");
            }
        }
        if (Skills.Any(s => !scores.ContainsKey(s)))
        {
            return new ExamVerdict(ExamOutcome.Incomplete, null, [], []);
        }
        var mean = Skills.Average(s => scores[s] / options.SkillMaximum) * 100m;
        var minimum = SkillMinimum(options);
        var failed = Skills.Where(s => scores[s] < minimum).ToList();
        if (mean >= options.PassMean && failed.Count == 0)
        {
            return new ExamVerdict(ExamOutcome.Passed, mean, [], []);
        }
        // A retake of the failed skills can only help when full marks in them would lift the mean to the pass mark
        // (with a per-skill minimum below the pass mean, as Hitit's, it may not); otherwise the whole exam is sat again.
        var reachable = Skills.Average(s => (failed.Contains(s) ? options.SkillMaximum : scores[s]) / options.SkillMaximum) * 100m >= options.PassMean;
        if (failed.Count > 0 && failed.Count <= options.RetakeSkillsAllowed && reachable)
        {
            return new ExamVerdict(ExamOutcome.RetakeAllowed, mean, failed, failed);
        }
        return new ExamVerdict(ExamOutcome.Failed, mean, failed, []);
    }

    /// <summary>Whether a retake sat on <paramref name="retakenOn"/> falls within the window after the exam of <paramref name="satOn"/>.</summary>
    public static bool RetakeInTime(DateOnly satOn, DateOnly retakenOn, ExamOptions options) =>
        retakenOn >= satOn && retakenOn <= satOn.AddDays(options.RetakeWithinDays);

    /// <summary>
    /// The verdict after a retake: the retaken skills' new scores replace the old ones. Refused (an exception) when the
    /// sitting did not allow a retake of those skills or the retake is past its deadline.
    /// </summary>
    public static ExamVerdict WithRetake(IReadOnlyDictionary<ExamSkill, decimal> scores, DateOnly satOn, IReadOnlyDictionary<ExamSkill, decimal> retake, DateOnly retakenOn, ExamOptions options)
    {
        var first = Evaluate(scores, options);
        if (first.Outcome != ExamOutcome.RetakeAllowed || retake.Count == 0 || retake.Keys.Any(s => !first.Retake.Contains(s)))
        {
            throw new InvalidOperationException("Only the skills this sitting failed may be retaken, and only when it allows a retake.");
        }
        if (!RetakeInTime(satOn, retakenOn, options))
        {
            throw new InvalidOperationException($"A retake must be sat within {options.RetakeWithinDays} days of the exam.");
        }
        var merged = Skills.ToDictionary(s => s, s => retake.TryGetValue(s, out var r) ? r : scores[s]);
        var after = Evaluate(merged, options);
        // A retake is the last chance at this sitting: failing it again fails the level.
        return after.Outcome == ExamOutcome.RetakeAllowed ? after with { Outcome = ExamOutcome.Failed, Retake = [] } : after;
    }
}
