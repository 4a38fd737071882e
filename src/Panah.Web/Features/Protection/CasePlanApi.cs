using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Panah.Data.Protection;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Protection;

/// <summary>
/// <c>/api/v1/protection/cases/{id}/plan|services</c>: a case's plan (goals and actions, who and by when) and the
/// services provided in-house. The plan's approval is asked for through <c>/approvals</c> with subject <c>CasePlan</c>.
/// A case outside the caller's scope is not found (404).
/// </summary>
public static class CasePlanApi
{
    public static IEndpointRouteBuilder MapCasePlanApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1/protection/cases/{id:guid}").WithTags("Protection").RequireAuthorization(Policies.Protection);
        read.MapGet("/plan", async Task<Results<Ok<CasePlanDto>, NotFound>> (Guid id, CasePlans plans, CancellationToken ct) =>
                await plans.OfCaseAsync(id, ct) is { } plan ? TypedResults.Ok(ToDto(plan)) : TypedResults.NotFound())
            .WithName("GetCasePlan");

        var work = app.MapGroup("/api/v1/protection/cases/{id:guid}").WithTags("Protection").RequireAuthorization(Policies.ProtectionWork);
        work.MapPost("/plan/items", (Guid id, PlanItemBody body, CasePlans plans, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                body.Version is not { } v ? Task.FromResult<IResult>(ProtectionApi.Invalid("version", "Protection.VersionRequired", l))
                : ProtectionApi.Act(async () => await plans.AddItemAsync(id, v, new PlanItemInput(body.Goal, body.Action, body.Who, body.DueOn), ct) is { } i ? ToDto(i) : null, l, created: true))
            .WithName("AddCasePlanItem");
        work.MapPost("/plan/items/{itemId:guid}/done", (Guid id, Guid itemId, VersionBody body, CasePlans plans, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                body.Version is not { } v ? Task.FromResult<IResult>(ProtectionApi.Invalid("version", "Protection.VersionRequired", l))
                : ProtectionApi.Act(async () => await plans.CompleteItemAsync(id, v, itemId, ct) is { } i ? ToDto(i) : null, l))
            .WithName("CompleteCasePlanItem");
        work.MapPost("/services", (Guid id, ServiceBody body, CasePlans plans, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                body.Version is not { } v ? Task.FromResult<IResult>(ProtectionApi.Invalid("version", "Protection.VersionRequired", l))
                : ProtectionApi.Act(async () => await plans.RecordServiceAsync(id, v, new ServiceInput(body.Type, body.ProvidedOn, body.Note), ct) is { } s ? ToDto(s) : null, l, created: true))
            .WithName("RecordCaseService");
        work.MapPost("/services/{serviceId:guid}/complete", (Guid id, Guid serviceId, VersionBody body, CasePlans plans, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                body.Version is not { } v ? Task.FromResult<IResult>(ProtectionApi.Invalid("version", "Protection.VersionRequired", l))
                : ProtectionApi.Act(async () => await plans.CompleteServiceAsync(id, v, serviceId, ct) is { } s ? ToDto(s) : null, l))
            .WithName("CompleteCaseService");
        return app;
    }

    private static CasePlanDto ToDto(CasePlanView p) => new(p.Items.Select(ToDto).ToList(), p.Services.Select(ToDto).ToList(), p.ApprovalPending);

    private static PlanItemDto ToDto(PlanItemView i) => new(i.Id, i.Goal, i.Action, i.Who, i.DueOn, i.AddedAt, i.DoneAt, i.ApprovedAt);

    private static ServiceDto ToDto(ServiceView s) => new(s.Id, s.Type, s.ProvidedOn, s.ProvidedBy, s.RecordedAt, s.CompletedAt, s.Note);
}

public sealed record PlanItemBody(long? Version = null, string? Goal = null, string? Action = null, string? Who = null, DateOnly? DueOn = null);

/// <summary><c>Type</c>: psychosocial, health, legal, shelter, education, material or other.</summary>
public sealed record ServiceBody(long? Version = null, string? Type = null, DateOnly? ProvidedOn = null, string? Note = null);

public sealed record PlanItemDto(Guid Id, string Goal, string? Action, string? Who, DateOnly? DueOn, DateTimeOffset AddedAt, DateTimeOffset? DoneAt, DateTimeOffset? ApprovedAt);

public sealed record ServiceDto(Guid Id, string Type, DateOnly ProvidedOn, string ProvidedBy, DateTimeOffset RecordedAt, DateTimeOffset? CompletedAt, string? Note);

public sealed record CasePlanDto(IReadOnlyList<PlanItemDto> Items, IReadOnlyList<ServiceDto> Services, bool ApprovalPending);
