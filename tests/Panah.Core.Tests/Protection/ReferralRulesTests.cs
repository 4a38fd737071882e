using Panah.Core.Protection;
using Panah.Core.Registry;

namespace Panah.Core.Tests.Protection;

public sealed class ReferralRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    private static Consent Given(ConsentPurpose purpose) => new(purpose, Today.AddDays(-10), "2026-1");

    [Theory]
    [InlineData(ReferralStatus.InProgress, ReferralStep.Accept, null, ReferralStatus.Accepted)]
    [InlineData(ReferralStatus.InProgress, ReferralStep.Reject, "no capacity", ReferralStatus.Rejected)]
    [InlineData(ReferralStatus.Accepted, ReferralStep.Done, null, ReferralStatus.Done)]
    [InlineData(ReferralStatus.InProgress, ReferralStep.Revoke, null, ReferralStatus.Revoked)]
    [InlineData(ReferralStatus.Accepted, ReferralStep.Revoke, null, ReferralStatus.Revoked)]
    public void Referral_moves_along_its_states(ReferralStatus from, ReferralStep step, string? reason, ReferralStatus to) =>
        Assert.Equal(to, Referrals.Next(from, step, reason));

    [Theory]
    [InlineData(ReferralStatus.InProgress, ReferralStep.Reject, " ")]
    [InlineData(ReferralStatus.InProgress, ReferralStep.Done, null)]
    [InlineData(ReferralStatus.Done, ReferralStep.Revoke, null)]
    [InlineData(ReferralStatus.Rejected, ReferralStep.Accept, null)]
    [InlineData(ReferralStatus.Revoked, ReferralStep.Accept, null)]
    [InlineData(ReferralStatus.Accepted, ReferralStep.Accept, null)]
    public void Referral_refuses_steps_out_of_order_and_rejection_without_reason(ReferralStatus from, ReferralStep step, string? reason) =>
        Assert.Null(Referrals.Next(from, step, reason));

    [Fact]
    public void Referral_without_answer_is_stale_after_fourteen_days()
    {
        var at = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
        Assert.False(Referrals.IsStale(ReferralStatus.InProgress, at, at.AddDays(14).AddMinutes(-1), TimeSpan.FromDays(14)));
        Assert.True(Referrals.IsStale(ReferralStatus.InProgress, at, at.AddDays(14), TimeSpan.FromDays(14)));
        Assert.False(Referrals.IsStale(ReferralStatus.Accepted, at, at.AddDays(30), TimeSpan.FromDays(14)));
    }

    [Fact]
    public void Transfer_is_accepted_or_rejected_with_reason_once()
    {
        Assert.Equal(TransferStatus.Accepted, Transfers.Answer(TransferStatus.Pending, true, null));
        Assert.Equal(TransferStatus.Rejected, Transfers.Answer(TransferStatus.Pending, false, "caseload full"));
        Assert.Null(Transfers.Answer(TransferStatus.Pending, false, ""));
        Assert.Null(Transfers.Answer(TransferStatus.Accepted, false, "late"));
        Assert.Null(Transfers.Answer(TransferStatus.Rejected, true, null));
    }

    [Fact]
    public void Referral_needs_consent_for_services_and_for_sharing_with_partners()
    {
        var rules = ConsentRules.Default;
        Assert.Equal([ConsentPurpose.DataSharing], SharingConsent.Decide(rules, [Given(ConsentPurpose.Protection)], Sharing.Referral, Today, null).Missing);
        Assert.False(SharingConsent.Decide(rules, [Given(ConsentPurpose.Protection)], Sharing.Referral, Today, null).Allowed);
        var both = SharingConsent.Decide(rules, [Given(ConsentPurpose.Protection), Given(ConsentPurpose.DataSharing)], Sharing.Referral, Today, null);
        Assert.True(both.Allowed);
        Assert.False(both.Overridden);
    }

    [Fact]
    public void Transfer_needs_consent_for_services_only()
    {
        var rules = ConsentRules.Default;
        Assert.True(SharingConsent.Decide(rules, [Given(ConsentPurpose.Protection)], Sharing.Transfer, Today, null).Allowed);
        Assert.False(SharingConsent.Decide(rules, [Given(ConsentPurpose.DataSharing)], Sharing.Transfer, Today, null).Allowed);
    }

    [Fact]
    public void Withdrawn_consent_refuses_and_an_override_with_reason_allows()
    {
        var withdrawn = new[] { Given(ConsentPurpose.Protection) with { WithdrawnOn = Today }, Given(ConsentPurpose.DataSharing) };
        Assert.False(SharingConsent.Decide(ConsentRules.Default, withdrawn, Sharing.Referral, Today, " ").Allowed);
        var overridden = SharingConsent.Decide(ConsentRules.Default, withdrawn, Sharing.Referral, Today, "child in immediate danger");
        Assert.True(overridden.Allowed);
        Assert.True(overridden.Overridden);
        Assert.Equal([ConsentPurpose.Protection], overridden.Missing);
    }
}
