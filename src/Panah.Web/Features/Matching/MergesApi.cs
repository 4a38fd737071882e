using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Panah.Data.Entities;
using Panah.Data.Matching;
using Panah.Data.Registry;
using Panah.Web.Features.Registry;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Matching;

/// <summary>Person merges and their undo, and household duplicates, under <c>/api/v1/duplicates</c>.</summary>
public static class MergesApi
{
    public static IEndpointRouteBuilder MapMergesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/duplicates").WithTags("Duplicates").RequireAuthorization(Policies.DuplicateReview);
        api.MapGet("/merges", Merges).WithName("ListPersonMerges");
        api.MapPost("/merges/{id:guid}/undo", Undo).WithName("UndoPersonMerge");
        api.MapPost("/households/runs", Run).WithName("RunHouseholdDuplicates");
        api.MapGet("/households", List).WithName("ListHouseholdDuplicates");
        api.MapGet("/households/{id:guid}", Get).WithName("GetHouseholdDuplicate");
        api.MapPost("/households/{id:guid}/decision", Decide).WithName("DecideHouseholdDuplicate");
        api.MapPost("/households/{id:guid}/undo", UndoHousehold).WithName("UndoHouseholdMerge");
        return app;
    }

    private static async Task<Ok<List<PersonMergeDto>>> Merges(Guid person, PersonMerge merges, CancellationToken ct) =>
        TypedResults.Ok((await merges.ForPersonAsync(person, ct)).Select(m => ToDto(m, merges.CanUndo(m))).ToList());

    private static PersonMergeDto ToDto(PersonMergeRecord m, bool canUndo) =>
        new(m.Id, m.SurvivorId, m.MergedId, m.HouseholdId, m.ReviewId, m.HouseholdMergeId, m.MergedAt, m.UndoneAt, canUndo && m.HouseholdMergeId is null, m.Version);

    private static async Task<Results<Ok<PersonMergeDto>, NotFound, ProblemHttpResult>> Undo(Guid id, UndoInput input, PersonMerge merges, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        await Guarded(l, async () => await merges.UndoAsync(id, input.Version, ct) is { } m ? ToDto(m, false) : null);

    private static async Task<Ok<HouseholdRunDto>> Run(HouseholdDuplicates duplicates, CancellationToken ct)
    {
        var r = await duplicates.RunAsync(ct);
        return TypedResults.Ok(new HouseholdRunDto(r.Proposed, r.AlreadyKnown));
    }

    private static async Task<Ok<PageDto<HouseholdDuplicateDto>>> List(HouseholdDuplicates duplicates, string? status, int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        var s = Enum.TryParse<ReviewStatus>(status, true, out var parsed) ? parsed : ReviewStatus.Pending;
        pageSize = Math.Clamp(pageSize, 1, 200);
        var (items, total) = await duplicates.ListAsync(s, page, pageSize, ct);
        return TypedResults.Ok(new PageDto<HouseholdDuplicateDto>(items.Select(i => ToDto(i.Duplicate, i.Code, i.OtherCode)).ToList(), page, pageSize, total, Paging.PageCount(total, pageSize)));
    }

    private static HouseholdDuplicateDto ToDto(HouseholdDuplicate d, string code, string otherCode) =>
        new(d.Id, d.HouseholdId, code, d.OtherHouseholdId, otherCode, d.Shared, RegistryMapping.Camel(d.Status), d.Version);

    private static async Task<Results<Ok<HouseholdDuplicateDetailDto>, NotFound>> Get(Guid id, HouseholdDuplicates duplicates, CancellationToken ct) =>
        await duplicates.GetAsync(id, ct) is { } v
            ? TypedResults.Ok(new HouseholdDuplicateDetailDto(ToDto(v.Duplicate, v.Household.Code, v.Other.Code), RegistryMapping.ToDto(v.Household), RegistryMapping.ToDto(v.Other)))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<HouseholdDuplicateDto>, NotFound, ProblemHttpResult>> Decide(
        Guid id, HouseholdDecisionInput input, HouseholdDuplicates duplicates, HouseholdMerge merge, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        await Guarded(l, async () => (input.SameHousehold ? await merge.MergeAsync(id, input.Version, ct) : await duplicates.NotSameAsync(id, input.Version, ct)) is { } d
            ? ToDto(d, "", "")
            : null);

    private static async Task<Results<Ok<HouseholdDuplicateDto>, NotFound, ProblemHttpResult>> UndoHousehold(Guid id, UndoInput input, HouseholdMerge merge, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        await Guarded(l, async () => await merge.UndoAsync(id, input.Version, ct) is { } d ? ToDto(d, "", "") : null);

    /// <summary>A change made by someone else since it was read is a 409; a merge past the retention period is a 409 that says so.</summary>
    private static async Task<Results<Ok<T>, NotFound, ProblemHttpResult>> Guarded<T>(IStringLocalizer<SharedResource> l, Func<Task<T?>> action)
        where T : class
    {
        try
        {
            return await action() is { } value ? TypedResults.Ok(value) : TypedResults.NotFound();
        }
        catch (ConcurrencyConflictException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: l["Someone else changed this record. Reload it and apply your change again."]);
        }
        catch (Exception e) when (e is MergeExpiredException or ErasedRecordException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: l["This merge is past the retention period and can no longer be undone."]);
        }
    }
}
