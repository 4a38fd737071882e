using Panah.Core.Protection;

namespace Panah.Data.Protection;

/// <summary>A step of a case that falls due: its due time was set from the case's risk level when it was created.</summary>
public sealed class CaseTask : ICaseScoped
{
    public long Id { get; set; }
    public Guid CaseId { get; set; }
    public CaseTaskKind Kind { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset? DoneAt { get; set; }

    /// <summary>The row this task waits on (a service, a referral), when there is one.</summary>
    public Guid? SubjectId { get; set; }
}
