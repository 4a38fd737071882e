using Panah.Core.Protection;

namespace Panah.Core.Tests.Protection;

/// <summary>A case's stage follows from what is recorded, as Primero derives it.</summary>
public sealed class CaseStageTests
{
    private static readonly DateTimeOffset Day = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, CaseFacts, CaseStage> Cases => new()
    {
        { "nothing recorded", new CaseFacts(), CaseStage.Registration },
        { "assessment requested", new CaseFacts(AssessmentRequestedAt: Day), CaseStage.Assessment },
        { "case plan", new CaseFacts(Day, Day.AddDays(2)), CaseStage.CasePlan },
        { "a service open", new CaseFacts(Day, Day.AddDays(2), OpenServices: 1, ServicesProvided: 2), CaseStage.Services },
        { "every service provided", new CaseFacts(Day, Day.AddDays(2), OpenServices: 0, ServicesProvided: 2), CaseStage.FollowUp },
        { "closed", new CaseFacts(Day, Day.AddDays(2), 0, 2, ClosedAt: Day.AddDays(30)), CaseStage.Closed },
        { "closed, then reopened", new CaseFacts(Day, Day.AddDays(2), 0, 2, Day.AddDays(30), ReopenedAt: Day.AddDays(40)), CaseStage.FollowUp },
        { "reopened, then closed again", new CaseFacts(Day, null, 0, 0, Day.AddDays(50), ReopenedAt: Day.AddDays(40)), CaseStage.Closed },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Stage_is_derived_from_what_is_recorded(string situation, CaseFacts facts, CaseStage expected) =>
        Assert.True(CaseStages.Derive(facts) == expected, $"{situation}: expected {expected}, got {CaseStages.Derive(facts)}");

    [Fact]
    public void A_reopened_case_says_so_until_it_is_closed_again()
    {
        Assert.True(CaseStages.IsReopened(new CaseFacts(ClosedAt: Day, ReopenedAt: Day.AddDays(1))));
        Assert.False(CaseStages.IsReopened(new CaseFacts(ClosedAt: Day.AddDays(2), ReopenedAt: Day.AddDays(1))));
        Assert.False(CaseStages.IsReopened(new CaseFacts()));
    }
}
