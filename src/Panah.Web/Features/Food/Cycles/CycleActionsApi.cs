using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Panah.Data.Food;
using Panah.Data.Validation;
using Panah.Web.Features.Registry;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Food.Cycles;

/// <summary>The cycle's <c>version</c> as last read: an action on a cycle that changed since is refused (409).</summary>
public sealed record CycleActionInput(long? Version);

/// <summary>What generating made: one entitlement per eligible household, and the cycle's new version (to approve with).</summary>
public sealed record GenerationDto(int Households, int People, long Version);

/// <summary>How many entitlements the approval approved, and the cycle's new version.</summary>
public sealed record ApprovalDto(int Approved, long Version);

/// <summary>Why the entitlement is cancelled (at most 200 characters, kept with it).</summary>
public sealed record CancelInput(string? Reason);

/// <summary>
/// Generating and approving a cycle, and cancelling one entitlement, through the API, with the pages' rules: the
/// approver is a second programme manager (the generator is refused with 403, whether by session or token), a cycle
/// that changed since it was read or is not in the state the action needs answers 409.
/// </summary>
public static class CycleActionsApi
{
    public static IEndpointRouteBuilder MapFoodCycleActionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/food").WithTags("Food");
        api.MapPost("/cycles/{id:int}/generate", Generate).WithName("GenerateCycle").RequireAuthorization(Policies.FoodDesign);
        api.MapPost("/cycles/{id:int}/approve", Approve).WithName("ApproveCycle").RequireAuthorization(Policies.FoodApprove);
        api.MapPost("/entitlements/{id:guid}/cancel", Cancel).WithName("CancelEntitlement").RequireAuthorization(Policies.FoodApprove);
        return app;
    }

    private static async Task<Results<Ok<GenerationDto>, NotFound, ValidationProblem, ProblemHttpResult>> Generate(
        int id, CycleActionInput input, CycleGeneration generation, CycleStore store, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (input.Version is not { } version)
        {
            return VersionRequired(l);
        }
        try
        {
            var made = await generation.GenerateAsync(id, version, ct);
            return TypedResults.Ok(new GenerationDto(made.Households, made.People, (await store.GetAsync(id, ct))!.Version));
        }
        catch (FieldException e)
        {
            return Refused(e, l);
        }
        catch (KeyNotFoundException)
        {
            return TypedResults.NotFound();
        }
    }

    private static async Task<Results<Ok<ApprovalDto>, NotFound, ValidationProblem, ProblemHttpResult>> Approve(
        int id, CycleActionInput input, CycleGeneration generation, CycleStore store, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (input.Version is not { } version)
        {
            return VersionRequired(l);
        }
        try
        {
            var approved = await generation.ApproveAsync(id, version, ct);
            return TypedResults.Ok(new ApprovalDto(approved, (await store.GetAsync(id, ct))!.Version));
        }
        catch (FieldException e)
        {
            return Refused(e, l);
        }
        catch (KeyNotFoundException)
        {
            return TypedResults.NotFound();
        }
    }

    private static async Task<Results<Ok<EntitlementDto>, NotFound, ValidationProblem, ProblemHttpResult>> Cancel(
        Guid id, CancelInput input, EntitlementLifecycle lifecycle, EntitlementQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        try
        {
            await lifecycle.CancelAsync(id, input.Reason ?? "", ct);
        }
        catch (FieldException e) when (e.MessageKey is "Entitlement.ReasonRequired" or "Text.HiddenCharacters")
        {
            return RegistryApi.Problem(new Dictionary<string, List<string>> { ["reason"] = [e.MessageKey] }, l);
        }
        catch (FieldException e)
        {
            return Refused(e, l);
        }
        catch (KeyNotFoundException)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(CyclesApi.ToDto((await queries.GetAsync(id, ct))!));
    }

    private static ValidationProblem VersionRequired(IStringLocalizer l) =>
        RegistryApi.Problem(new Dictionary<string, List<string>> { ["version"] = ["Food.Required"] }, l);

    /// <summary>The four-eyes rule is a refusal of this caller (403); every other refusal is the cycle's or entitlement's state (409).</summary>
    private static ProblemHttpResult Refused(FieldException e, IStringLocalizer l) => TypedResults.Problem(
        statusCode: e.MessageKey == "Cycle.ApproverIsGenerator" ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict, title: l[e.MessageKey]);
}
