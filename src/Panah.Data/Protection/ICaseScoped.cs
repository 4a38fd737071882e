namespace Panah.Data.Protection;

/// <summary>
/// A row that hangs off a protection case (a task, an assessment, an approval, a note, a referral…): shown exactly to
/// those who see its case (<see cref="Access.AccessScope.CaseIds"/>), by the query filter every such entity carries.
/// </summary>
public interface ICaseScoped
{
    Guid CaseId { get; }
}
