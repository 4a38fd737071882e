using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Panah.Data.Access;
using Panah.Data.Audit;
using Panah.Data.Entities;
using Panah.Data.Matching;
using Panah.Data.Registry;
using Panah.Data.Validation;
using Panah.Matching;
using Panah.Web.Features.Registry;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Matching;

/// <summary>The online duplicate check and the review queue, under <c>/api/v1</c>.</summary>
public static class MatchingApi
{
    public static IEndpointRouteBuilder MapMatchingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Duplicates");
        api.MapPost("/people/match", Match).WithName("MatchPerson").RequireAuthorization(Policies.RegistryRead).RequireRateLimiting(RateLimits.Search);
        var reviews = api.MapGroup("/duplicates").RequireAuthorization(Policies.DuplicateReview);
        reviews.MapPost("/runs", StartRun).WithName("StartDuplicateRun");
        reviews.MapGet("/runs/current", RunStatus).WithName("DuplicateRunStatus");
        reviews.MapGet("/", List).WithName("ListDuplicates");
        reviews.MapGet("/queue", Summary).WithName("DuplicateQueueSummary");
        reviews.MapGet("/groups/{id:guid}", Group).WithName("GetDuplicateGroup");
        reviews.MapPost("/groups/{id:guid}/decision", DecideGroup).WithName("DecideDuplicateGroup");
        reviews.MapGet("/{id:guid}", Get).WithName("GetDuplicate");
        reviews.MapPost("/{id:guid}/decision", Decide).WithName("DecideDuplicate");
        return app;
    }

    public static IServiceCollection AddMatching(this IServiceCollection services) =>
        services.AddSingleton<DuplicateRunner>().AddHostedService<MatchIndexBuilder>().AddHostedService<MatchIndexFollower>();

    public static IReadOnlyList<ContributionDto> Contributions(PairExplanation e) =>
        e.Contributions.Select(c => new ContributionDto(c.Field.ToString(), c.Level, Math.Round(c.Weight, 2))).ToList();

    private static async Task<Results<Ok<MatchResultDto>, ValidationProblem>> Match(
        MatchInput input, MatchCheck check, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var map = new RegistryMapping();
        var person = map.Person(input.Person, "person.");
        if (map.Errors.Count > 0)
        {
            return TypedResults.ValidationProblem(map.Errors.ToDictionary(kv => kv.Key, kv => kv.Value.Select(m => l[m].Value).ToArray()));
        }
        var found = (await check.CheckAsync([person], input.Address, ct: ct))[0];
        return TypedResults.Ok(new MatchResultDto(check.IsReady, check.Indexed, found.Select(ToDto).ToList()));
    }

    /// <summary>A match elsewhere says where it is and nothing about the person, not even which fields agreed.</summary>
    private static CandidateDto ToDto(RegistryMatch c) => c.Person is { } p
        ? new CandidateDto(p.Id, p.HouseholdId, p.HouseholdCode, RegistryMapping.ToDto(p.Details.Name), Math.Round(c.Match.Probability, 4), Math.Round(c.Match.Score, 2), Contributions(c.Match.Explanation), null)
        {
            Shown = p.Shown,
        }
        : new CandidateDto(c.Match.PersonId, c.Elsewhere!.HouseholdId, c.Elsewhere.HouseholdCode, null, Math.Round(c.Match.Probability, 4), Math.Round(c.Match.Score, 2), [],
            new ElsewhereDto(c.Elsewhere.OfficeCode, c.Elsewhere.OfficeName))
        {
            Shown = RegistryFields.None,
        };

    /// <summary>Incremental after the first run; <paramref name="full"/> asks for a batch run over everyone that trains the model again.</summary>
    private static Accepted<RunStatusDto> StartRun(DuplicateRunner runner, IActor actor, bool full = false)
    {
        runner.Start(actor, full);
        return TypedResults.Accepted("/api/v1/duplicates/runs/current", ToDto(runner.Status));
    }

    private static Ok<RunStatusDto> RunStatus(DuplicateRunner runner) => TypedResults.Ok(ToDto(runner.Status));

    private static RunStatusDto ToDto(DuplicateRunStatus s) =>
        new(s.Running, s.Stage, s.Done, s.Total, s.Last?.People, s.Last?.PairsProposed, s.Last?.Elapsed.TotalSeconds, s.Error)
        {
            LastDeferred = s.Last?.Deferred,
            LastIncremental = s.Last?.Incremental,
            LastCompared = s.Last?.Compared,
            LastHouseholdsProposed = s.LastHouseholds?.Proposed,
        };

    private static async Task<Ok<PageDto<ReviewListItemDto>>> List(DuplicateReviews reviews, AccessScope scope, string? status, int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        var s = Enum.TryParse<ReviewStatus>(status, true, out var parsed) ? parsed : ReviewStatus.Pending;
        pageSize = Math.Clamp(pageSize, 1, 200);
        var (items, total) = await reviews.ListAsync(s, page, pageSize, ct);
        return TypedResults.Ok(new PageDto<ReviewListItemDto>(items.Select(r => ToDto(r) with { Shown = scope.Fields }).ToList(), page, pageSize, total, Math.Max(1, (total + pageSize - 1) / pageSize)));
    }

    private static ReviewListItemDto ToDto(ReviewSummary r) =>
        new(r.Id, r.PersonAId, r.PersonBId, Math.Round(r.Probability, 4), Math.Round(r.Score, 2), r.Reason, RegistryMapping.Camel(r.Status), r.Version,
            RegistryMapping.ToDto(r.NameA), RegistryMapping.ToDto(r.NameB))
        {
            ChangesCluster = r.Place.ChangesCluster,
            GroupId = r.Status == ReviewStatus.Pending ? r.Place.GroupId : null,
            GroupPeople = r.Place.GroupPeople,
            Stakes = r.Stakes,
        };

    private static async Task<Ok<QueueSummaryDto>> Summary(DuplicateReviews reviews, CancellationToken ct)
    {
        var s = await reviews.SummaryAsync(ct);
        return TypedResults.Ok(new QueueSummaryDto(s.Pending, s.Bands.Select(b => new ProbabilityBandDto(b.From, b.To, b.Count, Math.Round(b.MeanProbability, 4))).ToList(),
            Math.Round(s.ExpectedDuplicates, 1), s.Deferred, s.LastRunAt));
    }

    private static async Task<Results<Ok<ReviewGroupDto>, NotFound>> Group(Guid id, DuplicateReviews reviews, AccessScope scope, CancellationToken ct)
    {
        var g = await reviews.GroupAsync(id, ct);
        return g is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new ReviewGroupDto(g.Id,
                g.People.Select(p => new GroupMemberDto(p.PersonId, p.HouseholdCode, RegistryMapping.ToDto(p.Name)) { Shown = scope.Fields }).ToList(),
                g.Pairs.Select(r => ToDto(r) with { Shown = scope.Fields }).ToList()));
    }

    private static async Task<Results<Ok<GroupDecisionDto>, NotFound, ValidationProblem, ProblemHttpResult>> DecideGroup(
        Guid id, GroupDecisionInput input, DuplicateReviews reviews, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        try
        {
            // A missing or null entry decides nothing: the store refuses an empty list.
            List<PairVersion> pairs = input.Pairs is { } given && given.All(p => p is not null) ? [.. given.Select(p => new PairVersion(p.Id, p.Version))] : [];
            var d = await reviews.DecideGroupAsync(id, pairs, input.SamePerson, ct);
            return d is null ? TypedResults.NotFound() : TypedResults.Ok(new GroupDecisionDto(d.Reviews.Select(ToDto).ToList(), d.Survivor, d.Merged));
        }
        catch (FieldException e)
        {
            return RegistryApi.Problem(e.Errors, l);
        }
        catch (ConcurrencyConflictException)
        {
            return RegistryApi.Conflict(l);
        }
    }

    private static ReviewDto ToDto(DuplicateReview r) =>
        new(r.Id, r.PersonAId, r.PersonBId, Math.Round(r.Probability, 4), Math.Round(r.Score, 2), r.Reason, RegistryMapping.Camel(r.Status), r.Version);

    private static async Task<Results<Ok<ReviewDetailDto>, NotFound>> Get(Guid id, DuplicateReviews reviews, CancellationToken ct)
    {
        var v = await reviews.GetAsync(id, ct);
        return v is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new ReviewDetailDto(ToDto(v.Review), RegistryMapping.ToDto(v.A), RegistryMapping.ToDto(v.B), v.Explanation.PriorWeight, Contributions(v.Explanation)));
    }

    private static async Task<Results<Ok<ReviewDto>, NotFound, ProblemHttpResult>> Decide(Guid id, DecisionInput input, DuplicateReviews reviews, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        try
        {
            var r = await reviews.DecideAsync(id, input.SamePerson, input.Version, ct);
            return r is null ? TypedResults.NotFound() : TypedResults.Ok(ToDto(r));
        }
        catch (ConcurrencyConflictException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: l["Someone else changed this record. Reload it and apply your change again."]);
        }
    }
}
