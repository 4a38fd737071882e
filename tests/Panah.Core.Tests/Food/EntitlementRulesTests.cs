using Panah.Core.Food;
using Panah.Core.Registry;

namespace Panah.Core.Tests.Food;

/// <summary>Members × ration × days, rounded up to packs, with the multiplier cap; kits per household; tonnage.</summary>
public sealed class EntitlementRulesTests
{
    [Theory]
    // 5 people × 400 g × 30 days = 60 kg of maize meal: 2.4 sacks of 25 kg, rounded up to 3.
    [InlineData(5, null, 400, 30, 25_000, 3)]
    // Exactly two sacks stays two.
    [InlineData(5, null, 400, 25, 25_000, 2)]
    // A household of 14 with a cap of 8 counts as 8: 8 × 25 g × 30 = 6 kg of oil in 4.6 kg tins = 2.
    [InlineData(14, 8, 25, 30, 4_600, 2)]
    [InlineData(3, 8, 25, 30, 4_600, 1)]
    // 0.1 g × 10 × 30 = 30 g exactly in 30 g packs: one, not two from a floating-point remainder.
    [InlineData(10, null, 0.1, 30, 30, 1)]
    [InlineData(0, null, 400, 30, 25_000, 0)]
    public void A_ration_is_members_times_grams_times_days_rounded_up_to_packs(int members, int? cap, double grams, int days, int packGrams, int packs) =>
        Assert.Equal(packs, EntitlementRules.RationPacks(members, cap, grams, days, packGrams));

    [Fact]
    public void A_kit_is_the_same_for_every_household() =>
        Assert.Equal(2, EntitlementRules.KitPacks(2));

    [Fact]
    public void The_domain_guides_tonnage_vector_holds() =>
        // 555 g per person per day for 50,000 people over 30 days.
        Assert.Equal(832.5m, EntitlementRules.RationTonnes(555, 50_000, 30));

    [Fact]
    public void Packs_are_weighed_in_tonnes() => Assert.Equal(1.25m, EntitlementRules.Tonnes(50, 25_000));

    [Fact]
    public void A_pack_without_weight_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => EntitlementRules.RationPacks(1, null, 400, 30, 0));
}

/// <summary>The cycle's eligibility rule: stored as JSON, validated, "everyone" when no filter is set.</summary>
public sealed class EligibilityRuleTests
{
    [Fact]
    public void No_filter_is_everyone_and_round_trips_as_an_empty_object()
    {
        var rule = EligibilityRule.FromJson("{}");
        Assert.True(rule.IsEveryone);
        Assert.Equal("{\"needs\":\"None\",\"districts\":[],\"fieldOffices\":[]}", rule.ToJson());
        Assert.True(EligibilityRule.FromJson(rule.ToJson()).IsEveryone);
    }

    [Fact]
    public void Every_filter_survives_the_round_trip()
    {
        var rule = new EligibilityRule
        {
            Needs = Vulnerability.Disability | Vulnerability.WomanHeadedHousehold,
            MinMembers = 2,
            MaxMembers = 9,
            Districts = ["Zeytinburnu", "Melikgazi"],
            FieldOffices = ["KAY"],
            RegisteredFrom = new DateOnly(2026, 1, 1),
            RegisteredBefore = new DateOnly(2026, 7, 1),
        };
        var back = EligibilityRule.FromJson(rule.ToJson());
        Assert.False(back.IsEveryone);
        Assert.Equal(rule.ToJson(), back.ToJson());
        Assert.Equal(Vulnerability.Disability | Vulnerability.WomanHeadedHousehold, back.Needs);
        Assert.Equal(["Zeytinburnu", "Melikgazi"], back.Districts);
        Assert.Empty(rule.Validate());
    }

    [Fact]
    public void Impossible_ranges_are_reported_by_field()
    {
        Assert.Equal("Eligibility.MembersRange", new EligibilityRule { MinMembers = 5, MaxMembers = 2 }.Validate()["MaxMembers"]);
        Assert.Equal("Eligibility.MembersPositive", new EligibilityRule { MinMembers = 0 }.Validate()["MinMembers"]);
        var day = new DateOnly(2026, 5, 1);
        Assert.Equal("Eligibility.DatesRange", new EligibilityRule { RegisteredFrom = day, RegisteredBefore = day }.Validate()["RegisteredBefore"]);
        Assert.Equal("Eligibility.UnknownNeed", new EligibilityRule { Needs = (Vulnerability)(1 << 20) }.Validate()["Needs"]);
    }
}
