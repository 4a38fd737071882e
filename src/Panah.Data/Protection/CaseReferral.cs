using Panah.Core.Protection;

namespace Panah.Data.Protection;

/// <summary>
/// A referral of a case to a partner for one service. The fields shared are chosen one by one: their names are kept in
/// clear (<see cref="SharedFields"/>, they say nothing of the person) and exactly what was sent is sealed under the
/// case's key (<see cref="Sealed"/>), with the rejection reason and any override reason.
/// </summary>
public sealed class CaseReferral : ICaseScoped
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public int PartnerId { get; set; }
    public required string Service { get; set; }
    public ReferralStatus Status { get; set; }

    /// <summary>The names of the fields shared (<see cref="CaseSharing.Fields"/>), space-separated.</summary>
    public required string SharedFields { get; set; }
    public required string ReferredBy { get; set; }
    public DateTimeOffset ReferredAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>The supervisor who let the referral go without the consent it needed (the reason is sealed).</summary>
    public string? ConsentOverriddenBy { get; set; }

    /// <summary>The sealed <see cref="ReferralContent"/>.</summary>
    public required byte[] Sealed { get; set; }
}

/// <summary>What a referral sent (field → value, exactly as shared) and the reasons written on it.</summary>
public sealed record ReferralContent(IReadOnlyDictionary<string, string?> Shared, string? OverrideReason, string? RejectionReason);

/// <summary>A transfer of a case to another case worker: the recipient reads it while it is pending and becomes owner on accepting.</summary>
public sealed class CaseTransfer : ICaseScoped
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public required string FromId { get; set; }
    public required string ToId { get; set; }
    public TransferStatus Status { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public string? ConsentOverriddenBy { get; set; }

    /// <summary>The sealed <see cref="TransferReasons"/>.</summary>
    public required byte[] Sealed { get; set; }
}

/// <summary>Why a transfer was asked for, any override's reason, and why the recipient rejected it.</summary>
public sealed record TransferReasons(string? Request, string? OverrideReason, string? RejectionReason);
