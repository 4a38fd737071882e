using Panah.Data.Protection;

namespace Panah.Web.Features.Protection;

/// <summary>Data-layer views to the API's DTOs (enums as strings).</summary>
public static class ProtectionMapping
{
    public static CaseSummaryDto ToDto(CaseSummary c) => new(c.Id, c.Code, c.Type.ToString(), c.Risk.ToString(), c.Stage.ToString(), c.Name, c.OverdueTasks);

    public static TeamLoadDto ToDto(TeamLoad t) => new(t.TeamId, t.Name, t.WorkerCount, t.OverdueTasks, t.Workers.Select(w => new WorkerLoadDto(
        w.WorkerId, w.Name, w.Open, w.Band.ToString(), w.ByStage.ToDictionary(s => s.Key.ToString(), s => s.Value), w.ByRisk.ToDictionary(r => r.Key.ToString(), r => r.Value), w.OverdueTasks)).ToList());

    public static TaskDto ToDto(TaskLine t) => new(t.Id, t.CaseId, t.CaseCode, t.Kind.ToString(), t.Risk.ToString(), t.DueAt, t.Standing.ToString());

    public static AssessmentDto ToDto(AssessmentView a) =>
        new(a.Id, a.BestInterests, a.BidRequired?.ToString(), a.RecordedAt, a.Details.Needs, a.Details.Risks, a.Details.Strengths, a.Details.CareArrangement);

    public static ApprovalDto ToDto(ApprovalView a) =>
        new(a.Id, a.Subject.ToString(), a.SubjectId, a.Status.ToString(), a.RequestedAt, a.DecidedAt, a.Comments.Request, a.Comments.Decision);

    public static CaseDto ToDto(CasePage p)
    {
        var c = p.Case;
        return new CaseDto(c.Id, c.Code, c.PersonId, c.Type.ToString(), c.Risk.ToString(), c.Stage.ToString(), c.Reopened, c.OwnerId, c.OpenedAt,
            c.ReportingConsent, c.NameHidden, c.Name, c.Summary, c.Version,
            p.Tasks.Select(ToDto).ToList(), p.Assessments.Select(ToDto).ToList(), p.Approvals.Select(ToDto).ToList());
    }
}
