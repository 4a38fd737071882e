using Panah.Core.Registry;

namespace Panah.Core.Tests.Registry;

public sealed class ConsentHistoryTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static Consent Given(ConsentPurpose purpose) => new(purpose, Today, "2026-1");

    [Fact]
    public void Unticking_withdraws_and_ticking_gives_without_losing_history()
    {
        var before = new[]
        {
            new Consent(ConsentPurpose.FoodAssistance, new DateOnly(2026, 1, 5), "2025-3", "Aunt"),
            new Consent(ConsentPurpose.Protection, new DateOnly(2025, 6, 1), "2025-1", WithdrawnOn: new DateOnly(2025, 9, 1)),
            new Consent(ConsentPurpose.Registration, new DateOnly(2025, 6, 1), "2025-1"),
        };
        var after = ConsentHistory.Apply(before, [Given(ConsentPurpose.Registration), Given(ConsentPurpose.Education), Given(ConsentPurpose.Protection)], Today);

        Assert.Equal(before[0] with { WithdrawnOn = Today }, after[0]);       // unticked: withdrawn today, witness kept
        Assert.Equal(before[1], after[1]);                                    // old withdrawal kept as it was
        Assert.Equal(before[2], after[2]);                                    // still ticked: unchanged
        Assert.Contains(new Consent(ConsentPurpose.Education, Today, "2026-1"), after);
        Assert.Contains(new Consent(ConsentPurpose.Protection, Today, "2026-1"), after); // given again after withdrawal
        Assert.Equal(5, after.Count);
        var (withdrawn, given) = ConsentHistory.Changes(before, after);
        Assert.Equal([ConsentPurpose.FoodAssistance], withdrawn);
        Assert.Equal([ConsentPurpose.Education, ConsentPurpose.Protection], given);
    }

    [Fact]
    public void Nothing_changes_when_the_same_purposes_stay_ticked()
    {
        var before = new[] { new Consent(ConsentPurpose.FoodAssistance, new DateOnly(2026, 1, 5), "2025-3") };
        Assert.Equal(before, ConsentHistory.Apply(before, [Given(ConsentPurpose.FoodAssistance)], Today));
    }

    [Fact]
    public void A_body_that_marks_a_consent_withdrawn_withdraws_it_today_whatever_date_it_says()
    {
        var before = new[] { new Consent(ConsentPurpose.Messaging, new DateOnly(2026, 1, 5), "2025-3") };
        var after = ConsentHistory.Apply(before, [before[0] with { WithdrawnOn = new DateOnly(2026, 2, 1) }], Today);
        Assert.Equal([before[0] with { WithdrawnOn = Today }], after);
    }
}
