using Panah.Data.Protection;

namespace Panah.Web.Features.Protection;

/// <summary>Everything a case's page and its API answer show, read in one place so both read (and audit) the same.</summary>
public sealed record CasePage(CaseView Case, List<TaskLine> Tasks, List<AssessmentView> Assessments, List<ApprovalView> Approvals)
{
    public static async Task<CasePage?> LoadAsync(Guid id, CaseReads reads, CaseStore store, CaseWork work, CaseApprovals approvals, CancellationToken ct) =>
        (await ReadAsync(id, reads, store, work, approvals, ct))?.Page;

    /// <summary>The page with the case row and its key, for the sections read with the same (one audited) read.</summary>
    public static async Task<(CasePage Page, ProtectionCase Row, byte[] Key)?> ReadAsync(Guid id, CaseReads reads, CaseStore store, CaseWork work, CaseApprovals approvals, CancellationToken ct)
    {
        var row = await reads.FindAsync(id, "case.view", ct);
        if (row is null)
        {
            return null;
        }
        var key = reads.KeyOf(row);
        return (new CasePage(store.ViewOf(row, key), await store.TasksAsync(id, ct), await work.AssessmentsAsync(id, key, ct), await approvals.OfCaseAsync(id, key, ct)), row, key);
    }
}
