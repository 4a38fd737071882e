namespace Panah.Core.Education;

/// <summary>One reason for priority as the applicant's page shows it: whether it applies, what it is worth, what it gave.</summary>
public sealed record PriorityLine(string Reason, bool Applies, int Weight, int Points);

/// <summary>
/// Why an application scores what it does, every reason listed with its configured weight (those that do not apply
/// too, at 0 points), and for waiting the months counted and the cap. The points are <see cref="PriorityScore.Of"/>'s
/// own, so the explanation cannot drift from the ranking.
/// </summary>
public sealed record PriorityExplanation(int Total, IReadOnlyList<PriorityLine> Lines, int MonthsWaiting, int MaxWaiting)
{
    public static PriorityExplanation Of(PriorityInputs inputs, PriorityWeights weights, DateTimeOffset now)
    {
        var score = PriorityScore.Of(inputs, weights, now);
        var months = PriorityScore.MonthsWaiting(inputs, now);
        PriorityLine Line(string reason, bool applies, int weight) =>
            new(reason, applies, weight, score.Parts.FirstOrDefault(p => p.Reason == reason)?.Points ?? 0);
        return new PriorityExplanation(score.Total,
        [
            Line(PriorityScore.ResidencePermit, inputs.ResidencePermit, weights.ResidencePermit),
            Line(PriorityScore.Work, inputs.Work, weights.Work),
            Line(PriorityScore.WomanHeadOfHousehold, inputs.WomanHeadOfHousehold, weights.WomanHeadOfHousehold),
            Line(PriorityScore.RepeatsLevel, inputs.RepeatsLevel, weights.RepeatsLevel),
            Line(PriorityScore.Waiting, months > 0, weights.PerMonthWaiting),
        ], months, weights.MaxWaiting);
    }
}
