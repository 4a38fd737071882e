using Panah.Core.Registry;

namespace Panah.Core.Tests.Registry;

public sealed class ConsentHistoryTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    [Fact]
    public void Unticking_withdraws_and_ticking_gives_without_losing_history()
    {
        var before = new[]
        {
            new Consent(ConsentPurpose.FoodAssistance, new DateOnly(2026, 1, 5), "2025-3", "Aunt"),
            new Consent(ConsentPurpose.Protection, new DateOnly(2025, 6, 1), "2025-1", WithdrawnOn: new DateOnly(2025, 9, 1)),
            new Consent(ConsentPurpose.Registration, new DateOnly(2025, 6, 1), "2025-1"),
        };
        var after = ConsentHistory.Apply(before, [ConsentPurpose.Registration, ConsentPurpose.Education, ConsentPurpose.Protection], Today, "2026-1");

        Assert.Equal(before[0] with { WithdrawnOn = Today }, after[0]);       // unticked: withdrawn today, witness kept
        Assert.Equal(before[1], after[1]);                                    // old withdrawal kept as it was
        Assert.Equal(before[2], after[2]);                                    // still ticked: unchanged
        Assert.Contains(new Consent(ConsentPurpose.Education, Today, "2026-1"), after);
        Assert.Contains(new Consent(ConsentPurpose.Protection, Today, "2026-1"), after); // given again after withdrawal
        Assert.Equal(5, after.Count);
    }

    [Fact]
    public void Nothing_changes_when_the_same_purposes_stay_ticked()
    {
        var before = new[] { new Consent(ConsentPurpose.FoodAssistance, new DateOnly(2026, 1, 5), "2025-3") };
        Assert.Equal(before, ConsentHistory.Apply(before, [ConsentPurpose.FoodAssistance], Today, "2026-1"));
    }
}
