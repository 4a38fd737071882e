using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Panah.Core.Protection;
using Panah.Data.Protection;
using Panah.Data.Registry;
using Panah.Web.Features.Registry;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Protection;

/// <summary>
/// <c>/api/v1/protection</c>: a case worker's cases, opening one, a case with its tasks, assessments and approvals,
/// recording an assessment, asking for and deciding approvals, reopening, GBV reporting consent, and whether a
/// person has a case. A case outside the caller's scope is not found (404), whatever the endpoint.
/// </summary>
public static class ProtectionApi
{
    public static IEndpointRouteBuilder MapProtectionApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1/protection").WithTags("Protection").RequireAuthorization(Policies.Protection);
        read.MapGet("/cases", async (CaseStore store, CancellationToken ct) => TypedResults.Ok((await store.MineAsync(ct)).Select(ProtectionMapping.ToDto).ToList()))
            .WithName("ListMyProtectionCases");
        read.MapGet("/cases/{id:guid}", GetCase).WithName("GetProtectionCase");
        read.MapGet("/tasks", async (CaseStore store, CancellationToken ct) => TypedResults.Ok((await store.DueTasksAsync(ct)).Select(ProtectionMapping.ToDto).ToList()))
            .WithName("ListDueCaseTasks");
        read.MapGet("/people/{id:guid}/cases", async (Guid id, CaseStore store, CancellationToken ct) =>
            TypedResults.Ok((await store.ExistenceAsync(id, ct)).Select(e => new CaseExistenceDto(e.OwnerName, e.TeamName, e.CaseId)).ToList()))
            .WithName("GetPersonCaseExistence");

        var work = app.MapGroup("/api/v1/protection").WithTags("Protection").RequireAuthorization(Policies.ProtectionWork);
        work.MapPost("/cases", OpenCase).WithName("OpenProtectionCase");
        work.MapGet("/caseload", async (Caseload caseload, CancellationToken ct) => TypedResults.Ok((await caseload.OfSupervisedTeamsAsync(ct)).Select(ProtectionMapping.ToDto).ToList()))
            .WithName("GetCaseload").WithSummary("The caseload of the teams the caller supervises: open cases per worker by stage and risk, band, overdue tasks (counts only)");
        work.MapPost("/cases/{id:guid}/assessments", RecordAssessment).WithName("RecordCaseAssessment");
        work.MapPost("/cases/{id:guid}/approvals", RequestApproval).WithName("RequestCaseApproval");
        work.MapPost("/approvals/{id:int}/decision", Decide).WithName("DecideCaseApproval");
        work.MapPost("/cases/{id:guid}/reopen", (Guid id, VersionBody body, CaseWork w, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            body.Version is not { } v ? Task.FromResult<IResult>(Invalid("version", "Protection.VersionRequired", l)) : Act(async () => await w.ReopenAsync(id, v, ct), l))
            .WithName("ReopenProtectionCase");
        work.MapPost("/cases/{id:guid}/reporting-consent", (Guid id, ReportingConsentBody body, CaseWork w, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            body.Version is not { } v || body.Consent is not { } consent
                ? Task.FromResult<IResult>(Invalid(body.Version is null ? "version" : "consent", "Protection.VersionRequired", l))
                : Act(async () => await w.SetReportingConsentAsync(id, v, consent, ct), l))
            .WithName("SetCaseReportingConsent");
        return app;
    }

    private static async Task<Results<Ok<CaseDto>, NotFound>> GetCase(Guid id, CaseReads reads, CaseStore store, CaseWork work, CaseApprovals approvals, CancellationToken ct) =>
        await CasePage.LoadAsync(id, reads, store, work, approvals, ct) is { } page ? TypedResults.Ok(ProtectionMapping.ToDto(page)) : TypedResults.NotFound();

    private static async Task<Results<Created<CaseDto>, ValidationProblem, ProblemHttpResult>> OpenCase(
        OpenCaseBody body, CaseStore store, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (!Enum.TryParse<CaseType>(body.Type, true, out var type) || !Enum.IsDefined(type))
        {
            return Invalid("type", "Protection.TypeInvalid", l);
        }
        if (!Enum.TryParse<RiskLevel>(body.Risk, true, out var risk) || !Enum.IsDefined(risk))
        {
            return Invalid("risk", "Protection.RiskInvalid", l);
        }
        try
        {
            var view = await store.OpenAsync(new OpenCaseInput(body.PersonId, type, risk, body.Name, body.Summary, body.ReportingConsent ?? false), ct);
            return TypedResults.Created($"/api/v1/protection/cases/{view.Id}", ProtectionMapping.ToDto(new CasePage(view, [], [], [])));
        }
        catch (CaseRefusedException e)
        {
            return Invalid(body.PersonId is null ? "name" : "personId", e.Code, l);
        }
    }

    private static async Task<IResult> RecordAssessment(Guid id, AssessmentBody body, CaseWork work, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (body.Version is not { } version)
        {
            return Invalid("version", "Protection.VersionRequired", l);
        }
        BidReason? bid = null;
        if (body.BidRequired is not null)
        {
            if (!Enum.TryParse<BidReason>(body.BidRequired, true, out var reason) || !Enum.IsDefined(reason))
            {
                return Invalid("bidRequired", "Protection.BidReasonInvalid", l);
            }
            bid = reason;
        }
        var input = new AssessmentInput(new AssessmentDetails(body.Needs, body.Risks, body.Strengths, body.CareArrangement), body.BestInterests ?? false, bid);
        return await Act(async () => await work.RecordAssessmentAsync(id, version, input, ct) is { } a ? ProtectionMapping.ToDto(a) : null, l, created: true);
    }

    private static async Task<IResult> RequestApproval(Guid id, ApprovalRequestBody body, CaseWork work, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (body.Version is not { } version)
        {
            return Invalid("version", "Protection.VersionRequired", l);
        }
        if (!Enum.TryParse<ApprovalSubject>(body.Subject, true, out var subject) || !Enum.IsDefined(subject))
        {
            return Invalid("subject", "Protection.SubjectInvalid", l);
        }
        return await Act(async () => await work.RequestApprovalAsync(id, version, subject, body.SubjectId, body.Comment, ct) is { } a ? ProtectionMapping.ToDto(a) : null, l, created: true);
    }

    private static async Task<IResult> Decide(long id, DecisionBody body, CaseApprovals approvals, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (body.Approve is not { } approve)
        {
            return Invalid("approve", "Protection.DecisionRequired", l);
        }
        return await Act(async () => await approvals.DecideAsync(id, approve, body.Comment, ct) is { } a ? ProtectionMapping.ToDto(a) : null, l);
    }

    /// <summary>Runs a change: null or false is 404 (not in scope), a refusal 400 with its reason, a stale version 409.</summary>
    internal static async Task<IResult> Act(Func<Task<object?>> change, IStringLocalizer l, bool created = false)
    {
        try
        {
            return await change() switch
            {
                null or false => TypedResults.NotFound(),
                true => TypedResults.NoContent(),
                var dto when created => TypedResults.Created((string?)null, dto),
                var dto => TypedResults.Ok(dto),
            };
        }
        catch (CaseRefusedException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: l[e.Code], type: e.Code);
        }
        catch (ConcurrencyConflictException)
        {
            return RegistryApi.Conflict(l);
        }
    }

    internal static ValidationProblem Invalid(string field, string code, IStringLocalizer l) =>
        RegistryApi.Problem(new Dictionary<string, List<string>> { [field] = [code] }, l);
}
