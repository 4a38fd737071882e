using Panah.Core.Registry;

namespace Panah.Core.Tests.Registry;

/// <summary>The one "may I use this person for …?" rule, with its legal bases.</summary>
public sealed class ConsentRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);
    private static readonly Consent Registered = new(ConsentPurpose.Registration, new DateOnly(2026, 1, 5), "2026-1");

    [Fact]
    public void Every_purpose_has_a_basis_and_the_defaults_are_the_agreed_ones()
    {
        var rules = ConsentRules.Default;
        Assert.All(Enum.GetValues<ConsentPurpose>(), p => Assert.True(Enum.IsDefined(rules.BasisOf(p))));
        Assert.Equal(LegalBasis.Consent, rules.BasisOf(ConsentPurpose.Registration));
        Assert.Equal(LegalBasis.LegitimateInterest, rules.BasisOf(ConsentPurpose.FoodAssistance));
        Assert.Equal(LegalBasis.Consent, rules.BasisOf(ConsentPurpose.Education));
        Assert.Equal(LegalBasis.Consent, rules.BasisOf(ConsentPurpose.Protection));
        Assert.Equal(LegalBasis.Consent, rules.BasisOf(ConsentPurpose.Messaging));
        Assert.Equal(LegalBasis.Consent, rules.BasisOf(ConsentPurpose.DataSharing));
    }

    [Fact]
    public void A_purpose_resting_on_consent_needs_one_in_force()
    {
        var rules = ConsentRules.Default;
        Assert.False(rules.MayUse([Registered], ConsentPurpose.Messaging, Today));
        Assert.True(rules.MayUse([Registered, new Consent(ConsentPurpose.Messaging, Today, "2026-1")], ConsentPurpose.Messaging, Today));
        Assert.False(rules.MayUse([new Consent(ConsentPurpose.Messaging, Today.AddDays(1), "2026-1")], ConsentPurpose.Messaging, Today));
        Assert.True(rules.MayUse([Registered], ConsentPurpose.Registration, Today));
    }

    [Fact]
    public void Withdrawal_takes_effect_on_the_day_it_is_recorded()
    {
        var messaging = new Consent(ConsentPurpose.Messaging, new DateOnly(2026, 3, 1), "2026-1");
        var rules = ConsentRules.Default;
        Assert.False(rules.MayUse([messaging with { WithdrawnOn = Today }], ConsentPurpose.Messaging, Today));
        Assert.True(rules.MayUse([messaging with { WithdrawnOn = Today }], ConsentPurpose.Messaging, Today.AddDays(-1)));
        // Withdrawn once and given again later: in force.
        Assert.True(rules.MayUse([messaging with { WithdrawnOn = Today.AddDays(-10) }, messaging with { GivenOn = Today.AddDays(-2) }], ConsentPurpose.Messaging, Today));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(LegalBasis.VitalInterest)]
    [InlineData(LegalBasis.LegitimateInterest)]
    [InlineData(LegalBasis.LegalObligation)]
    public void Refusing_every_optional_consent_never_blocks_food_assistance(LegalBasis? configured)
    {
        var rules = configured is { } basis ? new ConsentRules(new Dictionary<ConsentPurpose, LegalBasis> { [ConsentPurpose.FoodAssistance] = basis }) : ConsentRules.Default;
        var refusedAll = new[] { Registered, new Consent(ConsentPurpose.FoodAssistance, new DateOnly(2026, 1, 5), "2026-1", WithdrawnOn: Today) };
        Assert.True(rules.MayUse(refusedAll, ConsentPurpose.FoodAssistance, Today));
        Assert.True(rules.MayUse([], ConsentPurpose.FoodAssistance, Today));
        Assert.All(Enum.GetValues<ConsentPurpose>().Where(p => p != ConsentPurpose.FoodAssistance && rules.BasisOf(p) == LegalBasis.Consent),
            p => Assert.False(rules.MayUse([], p, Today)));
    }

    [Fact]
    public void Food_assistance_cannot_be_configured_to_wait_for_consent()
    {
        Assert.Throws<ArgumentException>(() => new ConsentRules(new Dictionary<ConsentPurpose, LegalBasis> { [ConsentPurpose.FoodAssistance] = LegalBasis.Consent }));
    }

    [Theory]
    [InlineData(ConsentPurpose.Registration)]
    [InlineData(ConsentPurpose.Protection)]
    [InlineData(ConsentPurpose.DataSharing)]
    public void Bases_the_law_settles_cannot_be_configured(ConsentPurpose purpose)
    {
        Assert.Throws<ArgumentException>(() => new ConsentRules(new Dictionary<ConsentPurpose, LegalBasis> { [purpose] = LegalBasis.LegitimateInterest }));
    }

    [Fact]
    public void Local_practice_is_configurable()
    {
        var rules = new ConsentRules(new Dictionary<ConsentPurpose, LegalBasis> { [ConsentPurpose.Messaging] = LegalBasis.LegitimateInterest });
        Assert.True(rules.MayUse([Registered], ConsentPurpose.Messaging, Today));
        Assert.False(ConsentRules.Default.MayUse([Registered], ConsentPurpose.Messaging, Today));
    }
}
