using Panah.Core.Registry;

namespace Panah.Core.Protection;

/// <summary>Sharing a case: a referral to a partner organisation, or a transfer to another case worker.</summary>
public enum Sharing
{
    Referral = 1,
    Transfer = 2,
}

/// <summary>Whether a sharing may go ahead: the consent it needs, or a supervisor's override with its reason.</summary>
public sealed record SharingDecision(bool Allowed, IReadOnlyList<ConsentPurpose> Missing, bool Overridden);

/// <summary>
/// Consent before a case is shared (Primero checks it before every referral and transfer), asked through the
/// registry's one consent rule (<see cref="ConsentRules.MayUse"/>), purpose by purpose. Consent for services is the
/// <see cref="ConsentPurpose.Protection"/> purpose, for every case type and both kinds of sharing. A referral goes to
/// another organisation, which is the <see cref="ConsentPurpose.DataSharing"/> purpose: the registry settles that it
/// rests on the person's own consent only, so GBV referrals need it too (stricter than GBVIMS's consent for services
/// alone). A transfer stays inside the organisation: consent for services suffices. A child's consent is the one
/// recorded on the child's registry record, given by the guardian where the child cannot.
/// </summary>
public static class SharingConsent
{
    public static IReadOnlyList<ConsentPurpose> Needed(Sharing sharing) => sharing switch
    {
        Sharing.Referral => [ConsentPurpose.Protection, ConsentPurpose.DataSharing],
        _ => [ConsentPurpose.Protection],
    };

    /// <summary>
    /// Allowed when every purpose needed is in force today; otherwise only when a supervisor overrides with a reason
    /// (the caller checks the overrider is the case's supervisor and audits the override).
    /// </summary>
    public static SharingDecision Decide(ConsentRules rules, IReadOnlyList<Consent> consents, Sharing sharing, DateOnly today, string? overrideReason)
    {
        var missing = Needed(sharing).Where(p => !rules.MayUse(consents, p, today)).ToList();
        if (missing.Count == 0)
        {
            return new SharingDecision(true, [], false);
        }
        var overridden = !string.IsNullOrWhiteSpace(overrideReason);
        return new SharingDecision(overridden, missing, overridden);
    }
}
