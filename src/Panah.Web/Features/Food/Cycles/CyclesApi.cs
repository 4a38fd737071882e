using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Panah.Data.Food;
using Panah.Web.Features.Registry;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Food.Cycles;

/// <summary>An entitlement in the API: what a household is due in a cycle, with its active card's number (or null).</summary>
public sealed record EntitlementDto(Guid Id, string? CardNumber, string HouseholdCode, int CycleId, [property: OneOf<EntitlementStatus>] string Status, int Members, IReadOnlyList<EntitlementItemDto> Items, string? StatusReason);

/// <summary>Packs of one commodity (by its code) due and collected so far.</summary>
public sealed record EntitlementItemDto(string Commodity, int Packs, int CollectedPacks);

/// <summary>A page of entitlements; <c>next</c>, when present, is passed as <c>after</c> for the following page.</summary>
public sealed record EntitlementPageDto(IReadOnlyList<EntitlementDto> Items, string? Next);

/// <summary>A distribution cycle in the API.</summary>
public sealed record CycleDto(int Id, string Programme, string Name, DateOnly StartsOn, DateOnly EndsOn, [property: OneOf<CycleStatus>] string Status);

/// <summary>Entitlements and cycles under <c>/api/v1/food</c>. Entitlements follow the reader's access scope (a clerk sees their offices' only).</summary>
public static class CyclesApi
{
    public static IServiceCollection AddFoodCyclesFeature(this IServiceCollection services) =>
        services.AddHostedService<EntitlementExpiryJob>().AddSingleton<CycleGenerationRunner>();

    public static IEndpointRouteBuilder MapFoodCyclesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/food").WithTags("Food");
        api.MapGet("/entitlements", ListEntitlements).WithName("ListEntitlements").RequireAuthorization(Policies.Food);
        api.MapGet("/entitlements/{id:guid}", GetEntitlement).WithName("GetEntitlement").RequireAuthorization(Policies.Food);
        api.MapGet("/cycles", ListCycles).WithName("ListCycles").RequireAuthorization(Policies.FoodDesign);
        return app;
    }

    private static async Task<Results<Ok<EntitlementPageDto>, ValidationProblem>> ListEntitlements(
        EntitlementQueries queries, ListCursor cursors, IStringLocalizer<SharedResource> l, [OneOf<EntitlementStatus>] string? status, int? cycleId,
        string? after, int pageSize = 50, CancellationToken ct = default)
    {
        EntitlementStatus? s = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!EnumNames.TryParse<EntitlementStatus>(status, out var parsed))
            {
                return RegistryApi.Problem(new Dictionary<string, List<string>> { ["status"] = [RegistryMapping.UnknownValue<EntitlementStatus>()] }, l);
            }
            s = parsed;
        }
        // The cursor names the filter it was made for: a page of approved ones does not continue a list of drafts.
        var list = $"entitlements:{s}:{cycleId}";
        Guid? last = null;
        if (after is not null)
        {
            if (!cursors.TryRead(list, after, out var id))
            {
                return RegistryApi.Problem(new Dictionary<string, List<string>> { ["after"] = ["Cursor.Invalid"] }, l);
            }
            last = id;
        }
        var slice = await queries.ListAsync(s, cycleId, last, pageSize, ct);
        return TypedResults.Ok(new EntitlementPageDto(slice.Items.Select(ToDto).ToList(), slice.Last is { } next ? cursors.Next(list, next) : null));
    }

    private static async Task<Results<Ok<EntitlementDto>, NotFound>> GetEntitlement(Guid id, EntitlementQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } e ? TypedResults.Ok(ToDto(e)) : TypedResults.NotFound();

    private static async Task<Ok<List<CycleDto>>> ListCycles(CycleStore store, CancellationToken ct) =>
        TypedResults.Ok((await store.ListAsync(ct)).Select(c => new CycleDto(c.Id, c.ProgrammeName, c.Name, c.StartsOn, c.EndsOn, EnumNames.Name(c.Status))).ToList());

    internal static EntitlementDto ToDto(EntitlementView e) =>
        new(e.Id, e.CardNumber, e.HouseholdCode, e.CycleId, EnumNames.Name(e.Status), e.Members, e.Items.Select(i => new EntitlementItemDto(i.Commodity, i.Packs, i.CollectedPacks)).ToList(), e.StatusReason);
}
