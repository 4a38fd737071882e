using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Panah.Data.Protection;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Protection;

/// <summary>
/// <c>/api/v1/protection/tracing</c>: family tracing requests of a case. Opening one probes the registry on the names
/// only and answers each possible match with its strength; who it is comes only after the supervisor approved the
/// reveal (asked here, decided at <c>/approvals/{id}/decision</c>). A case outside the caller's scope is not found (404).
/// </summary>
public static class TracingApi
{
    public static IEndpointRouteBuilder MapTracingApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1/protection/tracing").WithTags("Protection").RequireAuthorization(Policies.Protection);
        read.MapGet("/{requestId:guid}", async Task<Results<Ok<TracingDto>, NotFound>> (Guid requestId, TracingRequests tracing, CancellationToken ct) =>
                await tracing.GetAsync(requestId, ct) is { } view ? TypedResults.Ok(ToDto(view)) : TypedResults.NotFound())
            .WithName("GetTracingRequest");
        read.MapGet("/{requestId:guid}/matches/{matchId:guid}/contact", (Guid requestId, Guid matchId, TracingRequests tracing, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                ProtectionApi.Act(async () => await tracing.RevealAsync(requestId, matchId, ct) is { } c ? new TracingContactDto(c.HouseholdCode, c.OfficeCode, c.OfficeName) : null, l))
            .WithName("RevealTracingMatch");

        var work = app.MapGroup("/api/v1/protection/tracing").WithTags("Protection").RequireAuthorization(Policies.ProtectionWork);
        work.MapPost("/", (TracingBody body, TracingRequests tracing, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                body.Version is not { } v || body.CaseId is not { } caseId
                    ? Task.FromResult<IResult>(ProtectionApi.Invalid(body.CaseId is null ? "caseId" : "version", "Protection.VersionRequired", l))
                    : ProtectionApi.Act(async () => await tracing.OpenAsync(caseId, v, new TracingInput(body.Given, body.Family, body.Father, body.OtherSpellings ?? [], body.Relation, body.LastKnownPlace), ct)
                        is { } view ? ToDto(view) : null, l, created: true))
            .WithName("OpenTracingRequest");
        work.MapPost("/{requestId:guid}/matches/{matchId:guid}/reveal", (Guid requestId, Guid matchId, RevealBody body, TracingRequests tracing, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                body.Version is not { } v
                    ? Task.FromResult<IResult>(ProtectionApi.Invalid("version", "Protection.VersionRequired", l))
                    : ProtectionApi.Act(async () => await tracing.RequestRevealAsync(requestId, matchId, v, body.Comment, ct) is { } a ? ProtectionMapping.ToDto(a) : null, l, created: true))
            .WithName("RequestTracingReveal");
        work.MapPost("/{requestId:guid}/search", (Guid requestId, TracingSearchBody body, TracingRequests tracing, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                body.Version is not { } v || body.CaseId is not { } caseId
                    ? Task.FromResult<IResult>(ProtectionApi.Invalid(body.CaseId is null ? "caseId" : "version", "Protection.VersionRequired", l))
                    : ProtectionApi.Act(async () => await tracing.SearchAgainAsync(caseId, requestId, v, ct) is { } view ? ToDto(view) : null, l))
            .WithName("SearchTracingAgain");
        return app;
    }

    private static TracingDto ToDto(TracingView v) => new(v.Id, v.CaseId, v.CreatedAt, v.SearchedAt, v.Details.Given, v.Details.Family, v.Details.Father, v.Details.OtherSpellings,
        v.Details.Relation, v.Details.LastKnownPlace,
        v.Matches.Select(m => new TracingMatchDto(m.Id, m.Probability, m.Strength.ToString(), m.FoundAt, m.RevealPending, m.RevealedAt,
            m.Contact is { } c ? new TracingContactDto(c.HouseholdCode, c.OfficeCode, c.OfficeName) : null)).ToList());
}

public sealed record TracingBody(Guid? CaseId = null, long? Version = null, string? Given = null, string? Family = null, string? Father = null,
    IReadOnlyList<string>? OtherSpellings = null, string? Relation = null, string? LastKnownPlace = null);

/// <summary>Search the registry again for a request of case <c>CaseId</c>, at the case's version read.</summary>
public sealed record TracingSearchBody(Guid? CaseId = null, long? Version = null);

public sealed record RevealBody(long? Version = null, string? Comment = null);

/// <summary>A possible match: its strength (<c>Weak</c>, <c>Moderate</c>, <c>Strong</c>); <c>Contact</c> only once its reveal was approved.</summary>
public sealed record TracingMatchDto(Guid Id, double Probability, string Strength, DateTimeOffset FoundAt, bool RevealPending, DateTimeOffset? RevealedAt, TracingContactDto? Contact);

public sealed record TracingContactDto(string HouseholdCode, string OfficeCode, string OfficeName);

public sealed record TracingDto(Guid Id, Guid CaseId, DateTimeOffset CreatedAt, DateTimeOffset? SearchedAt, string Given, string? Family, string? Father,
    IReadOnlyList<string> OtherSpellings, string Relation, string? LastKnownPlace, IReadOnlyList<TracingMatchDto> Matches);
