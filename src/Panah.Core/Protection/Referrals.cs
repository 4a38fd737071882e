namespace Panah.Core.Protection;

/// <summary>Where a referral to a partner organisation stands.</summary>
public enum ReferralStatus
{
    InProgress = 1,
    Accepted = 2,
    Rejected = 3,

    /// <summary>The partner provided the service.</summary>
    Done = 4,
    Revoked = 5,
}

/// <summary>What happens to a referral: the partner's answer, the service provided, or the referrer's revocation.</summary>
public enum ReferralStep
{
    Accept = 1,
    Reject = 2,
    Done = 3,
    Revoke = 4,
}

/// <summary>
/// The referral's state machine (Primero's): in progress → accepted or rejected (with a reason) → done once accepted;
/// the referrer, who stays the case's owner, may revoke it while it is not done.
/// </summary>
public static class Referrals
{
    /// <summary>The status after <paramref name="step"/>, or null when the step is not allowed from <paramref name="from"/>.</summary>
    public static ReferralStatus? Next(ReferralStatus from, ReferralStep step, string? reason) => (from, step) switch
    {
        (ReferralStatus.InProgress, ReferralStep.Accept) => ReferralStatus.Accepted,
        (ReferralStatus.InProgress, ReferralStep.Reject) when !string.IsNullOrWhiteSpace(reason) => ReferralStatus.Rejected,
        (ReferralStatus.Accepted, ReferralStep.Done) => ReferralStatus.Done,
        (ReferralStatus.InProgress or ReferralStatus.Accepted, ReferralStep.Revoke) => ReferralStatus.Revoked,
        _ => null,
    };

    /// <summary>Still waiting for the partner's answer after <paramref name="staleAfter"/> (14 days by default).</summary>
    public static bool IsStale(ReferralStatus status, DateTimeOffset referredAt, DateTimeOffset now, TimeSpan staleAfter) =>
        status == ReferralStatus.InProgress && now - referredAt >= staleAfter;

    /// <summary>Whether the referral still counts as a service under way for the case's stage.</summary>
    public static bool IsOpen(ReferralStatus status) => status is ReferralStatus.InProgress or ReferralStatus.Accepted;
}

public enum TransferStatus
{
    Pending = 1,

    /// <summary>The recipient became the owner; the previous owner lost access.</summary>
    Accepted = 2,
    Rejected = 3,
}

/// <summary>A transfer to another case worker: pending until the recipient accepts (and becomes owner) or rejects with a reason.</summary>
public static class Transfers
{
    public static TransferStatus? Answer(TransferStatus from, bool accept, string? reason) => from switch
    {
        TransferStatus.Pending when accept => TransferStatus.Accepted,
        TransferStatus.Pending when !string.IsNullOrWhiteSpace(reason) => TransferStatus.Rejected,
        _ => null,
    };
}
