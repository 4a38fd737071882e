using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Panah.Core.Food;
using Panah.Data.Food;
using Panah.Data.Registry;
using Panah.Data.Validation;
using Panah.Web.Features.Registry;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Food.Baskets;

/// <summary><c>/api/v1/food/commodities</c> and <c>/api/v1/food/baskets</c>: the programme manager's food design, with each basket's totals and Sphere check.</summary>
public static class BasketsApi
{
    public static IEndpointRouteBuilder MapBasketsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/food").WithTags("Food").RequireAuthorization(Policies.FoodDesign);
        api.MapGet("/commodities", ListCommodities).WithName("ListCommodities");
        api.MapGet("/commodities/{id:int}", GetCommodity).WithName("GetCommodity");
        api.MapPost("/commodities", CreateCommodity).WithName("CreateCommodity");
        api.MapPut("/commodities/{id:int}", UpdateCommodity).WithName("UpdateCommodity");
        api.MapGet("/baskets", ListBaskets).WithName("ListBaskets");
        api.MapGet("/baskets/{id:int}", GetBasket).WithName("GetBasket");
        api.MapPost("/baskets", CreateBasket).WithName("CreateBasket");
        api.MapPut("/baskets/{id:int}", UpdateBasket).WithName("UpdateBasket");
        return app;
    }

    private static async Task<Ok<List<CommodityDto>>> ListCommodities(CommodityStore store, CancellationToken ct) =>
        TypedResults.Ok((await store.ListAsync(ct: ct)).Select(BasketsMapping.ToDto).ToList());

    private static async Task<Results<Ok<CommodityDto>, NotFound>> GetCommodity(int id, CommodityStore store, CancellationToken ct) =>
        await store.GetAsync(id, ct) is { } c ? TypedResults.Ok(BasketsMapping.ToDto(c)) : TypedResults.NotFound();

    private static async Task<Results<Created<CommodityDto>, ValidationProblem>> CreateCommodity(CommodityBody body, CommodityStore store, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var missing = new Dictionary<string, List<string>>();
        var input = BasketsMapping.Input(body, missing);
        if (missing.Count > 0)
        {
            return RegistryApi.Problem(missing, l);
        }
        try
        {
            var c = await store.CreateAsync(input, ct);
            return TypedResults.Created($"/api/v1/food/commodities/{c.Id}", BasketsMapping.ToDto(c));
        }
        catch (FieldException e)
        {
            return RegistryApi.Problem(e.Errors, l);
        }
    }

    private static async Task<Results<Ok<CommodityDto>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateCommodity(
        int id, CommodityBody body, CommodityStore store, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var missing = new Dictionary<string, List<string>>();
        var input = BasketsMapping.Input(body, missing);
        if (body.Version is null)
        {
            missing["version"] = ["Food.Required"];
        }
        if (missing.Count > 0)
        {
            return RegistryApi.Problem(missing, l);
        }
        try
        {
            return TypedResults.Ok(BasketsMapping.ToDto(await store.UpdateAsync(id, body.Version!.Value, input, ct)));
        }
        catch (KeyNotFoundException)
        {
            return TypedResults.NotFound();
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

    private static async Task<Ok<List<BasketDto>>> ListBaskets(BasketStore store, SphereOptions sphere, CancellationToken ct) =>
        TypedResults.Ok((await store.ListAsync(ct)).Select(b => BasketsMapping.ToDto(b, sphere)).ToList());

    private static async Task<Results<Ok<BasketDto>, NotFound>> GetBasket(int id, BasketStore store, SphereOptions sphere, CancellationToken ct) =>
        await store.GetAsync(id, ct) is { } b ? TypedResults.Ok(BasketsMapping.ToDto(b, sphere)) : TypedResults.NotFound();

    private static async Task<Results<Created<BasketDto>, ValidationProblem>> CreateBasket(
        BasketBody body, BasketStore store, SphereOptions sphere, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var missing = new Dictionary<string, List<string>>();
        var input = BasketsMapping.Input(body, missing);
        if (missing.Count > 0)
        {
            return RegistryApi.Problem(missing, l);
        }
        try
        {
            var b = await store.CreateAsync(input, ct);
            return TypedResults.Created($"/api/v1/food/baskets/{b.Id}", BasketsMapping.ToDto(b, sphere));
        }
        catch (FieldException e)
        {
            return RegistryApi.Problem(e.Errors, l);
        }
    }

    private static async Task<Results<Ok<BasketDto>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateBasket(
        int id, BasketBody body, BasketStore store, SphereOptions sphere, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var missing = new Dictionary<string, List<string>>();
        var input = BasketsMapping.Input(body, missing);
        if (body.Version is null)
        {
            missing["version"] = ["Food.Required"];
        }
        if (missing.Count > 0)
        {
            return RegistryApi.Problem(missing, l);
        }
        try
        {
            return TypedResults.Ok(BasketsMapping.ToDto(await store.UpdateAsync(id, body.Version!.Value, input, ct), sphere));
        }
        catch (KeyNotFoundException)
        {
            return TypedResults.NotFound();
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
}
