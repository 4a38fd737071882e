namespace Panah.Web.Features.Protection;

public sealed record PartnerBody(string? Name = null, IReadOnlyList<string>? Services = null, string? DeskEmail = null, string? DeskPhone = null, bool? Active = null);

public sealed record PartnerDto(int Id, string Name, IReadOnlyList<string> Services, string? DeskEmail, string? DeskPhone, bool Active);

/// <summary>A referral: the partner, the service, the fields chosen one by one; an override reason only from the case's supervisor.</summary>
public sealed record ReferralBody(long? Version = null, int? PartnerId = null, string? Service = null, IReadOnlyList<string>? Fields = null, string? ConsentOverrideReason = null);

/// <summary>
/// <c>Step</c>: Accept, Reject (with a reason), Done or Revoke. <c>Version</c>, the case's version read: when given, a
/// case changed since answers 409 (a partner's answer recorded twice from two screens is caught).
/// </summary>
public sealed record ReferralStepBody(string? Step = null, string? Reason = null, long? Version = null);

public sealed record ReferralDto(Guid Id, int PartnerId, string Service, string Status, IReadOnlyList<string> SharedFields, DateTimeOffset ReferredAt,
    DateTimeOffset? AnsweredAt, bool Stale, bool ConsentOverridden, IReadOnlyDictionary<string, string?> Shared, string? OverrideReason, string? RejectionReason);

public sealed record TransferBody(long? Version = null, string? ToId = null, string? Reason = null, string? ConsentOverrideReason = null);

public sealed record TransferAnswerBody(bool? Accept = null, string? Reason = null);

public sealed record TransferDto(Guid Id, string FromId, string ToId, string Status, DateTimeOffset RequestedAt, DateTimeOffset? AnsweredAt, bool ConsentOverridden,
    string? Reason, string? OverrideReason, string? RejectionReason);
