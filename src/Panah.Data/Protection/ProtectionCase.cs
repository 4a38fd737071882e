using Panah.Core.Protection;
using Panah.Data.Entities;

namespace Panah.Data.Protection;

/// <summary>
/// A child protection or women-at-risk case. Its personal and narrative content is sealed under the case's own data
/// key (<see cref="DataKeyId"/>), so erasing the case destroys one key; the columns in clear are what the workflow,
/// the access filter and the aggregates need, nothing that names anyone.
/// </summary>
public sealed class ProtectionCase
{
    public Guid Id { get; set; }

    /// <summary>A reference for staff (e.g. <c>PC-2026-0042</c>), drawn from the year and a sequence: it says nothing of the person.</summary>
    public required string Code { get; set; }

    /// <summary>The registered person the case is about; null when the case was opened directly (the name is then sealed in the case).</summary>
    public Guid? PersonId { get; set; }
    public CaseType Type { get; set; }
    public RiskLevel Risk { get; set; }

    /// <summary>The case worker responsible (a staff account id).</summary>
    public required string OwnerId { get; set; }

    /// <summary>The protection team the owner worked in when the case was opened or last assigned; its supervisor approves.</summary>
    public int? TeamId { get; set; }
    public int FieldOfficeId { get; set; }

    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? AssessmentRequestedAt { get; set; }
    public DateTimeOffset? CasePlanAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public DateTimeOffset? ReopenedAt { get; set; }

    /// <summary>Services and referrals under way and provided, kept with the case so its stage is derived without a join.</summary>
    public int OpenServices { get; set; }
    public int ServicesProvided { get; set; }

    /// <summary>GBV: the survivor agreed that the case is counted in statistics (no identifying data ever is).</summary>
    public bool ReportingConsent { get; set; }

    /// <summary>The name is hidden from everyone but the owner until shown on purpose; set for every GBV case.</summary>
    public bool NameHidden { get; set; }

    public Guid DataKeyId { get; set; }
    public DataKey? Key { get; set; }

    /// <summary>The sealed <see cref="CaseDetails"/>.</summary>
    public required byte[] Sealed { get; set; }

    /// <summary>Bumped by every change: two workers editing one case never overwrite each other silently.</summary>
    public long Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public CaseFacts Facts => new(AssessmentRequestedAt, CasePlanAt, OpenServices, ServicesProvided, ClosedAt, ReopenedAt);
    public CaseStage Stage => CaseStages.Derive(Facts);
}

/// <summary>The sealed content of a case: the name when it was opened directly, and the worker's summary.</summary>
public sealed record CaseDetails(string? Name, string? Summary);
