using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Panah.Data.Food;
using Panah.Data.Validation;
using Panah.Web.Features.Registry;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Food.Stock;

/// <summary>A posting to the ledger. Locations and commodities by code; <c>packs</c> is signed only for an adjustment.</summary>
public sealed record StockMovementInput(
    [property: OneOf<PostedKind>] string? Kind = null, string? Location = null, string? ToLocation = null, string? Commodity = null, int? Packs = null,
    string? Batch = null, DateOnly? ExpiresOn = null, [property: OneOf<ReceiptSource>] string? Source = null, string? Reference = null, string? Reason = null);

/// <summary>The kinds a person posts (a distribution is posted from a redemption).</summary>
public enum PostedKind
{
    Receipt = StockMovementKind.Receipt,
    Transfer = StockMovementKind.Transfer,
    Loss = StockMovementKind.Loss,
    Adjustment = StockMovementKind.Adjustment,
}

public sealed record StockBalanceDto(string Location, string Commodity, string Batch, DateOnly? ExpiresOn, int Packs, string Expiry, bool NextOut);

public sealed record StockLineDto(
    long Id, Guid OperationId, string Kind, string Location, string? Counterpart, string Commodity, string Batch, DateOnly? ExpiresOn, int Packs,
    string? Source, string? Reference, string? Reason, Guid? RedemptionId, DateTimeOffset At);

public sealed record StockPostedDto(Guid OperationId, IReadOnlyList<StockLineDto> Lines);

/// <summary><c>/api/v1/food/stock</c>: balances and ledger lines at the caller's offices' locations, and postings to the ledger.</summary>
public static class StockApi
{
    public static IEndpointRouteBuilder MapStockApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/food/stock").WithTags("Food stock").RequireAuthorization(Policies.FoodStock);
        api.MapGet("/balances", Balances).WithName("ListStockBalances");
        api.MapGet("/movements", Movements).WithName("ListStockMovements");
        api.MapPost("/movements", Post).WithName("PostStockMovement");
        return app;
    }

    private static async Task<Results<Ok<List<StockBalanceDto>>, ValidationProblem>> Balances(
        StockQueries queries, IStringLocalizer<SharedResource> l, string? location, string? commodity, CancellationToken ct)
    {
        var (locationId, commodityId, problem) = await FiltersAsync(queries, l, location, commodity, ct);
        if (problem is not null)
        {
            return problem;
        }
        var balances = await queries.BalancesAsync(locationId, commodityId, ct);
        return TypedResults.Ok(balances.Select(b => new StockBalanceDto(b.LocationCode, b.CommodityCode, b.Batch, b.ExpiresOn, b.Quantity, EnumNames.Name(b.Expiry), b.NextOut)).ToList());
    }

    private static async Task<Results<Ok<List<StockLineDto>>, ValidationProblem>> Movements(
        StockQueries queries, IStringLocalizer<SharedResource> l, string? location, string? commodity, long? before, CancellationToken ct)
    {
        var (locationId, commodityId, problem) = await FiltersAsync(queries, l, location, commodity, ct);
        if (problem is not null)
        {
            return problem;
        }
        var codes = await queries.CodesAsync(ct);
        return TypedResults.Ok((await queries.MovementsAsync(locationId, commodityId, before, ct)).Select(m => ToDto(m, codes)).ToList());
    }

    private static async Task<Results<Created<StockPostedDto>, ValidationProblem, ProblemHttpResult>> Post(
        StockMovementInput input, StockLedger ledger, StockQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var locations = (await queries.LocationsAsync(ct)).ToDictionary(x => x.Code, x => x.Id, StringComparer.OrdinalIgnoreCase);
        var commodities = (await queries.CommoditiesAsync(ct)).ToDictionary(x => x.Code, x => x.Id, StringComparer.OrdinalIgnoreCase);
        var errors = new Dictionary<string, List<string>>();
        void Error(string field, string code) => errors[field] = [code];
        if (!EnumNames.TryParse<PostedKind>(input.Kind, out var kind))
        {
            Error("kind", "Stock.KindNotPosted");
        }
        if (input.Location is null || !locations.TryGetValue(input.Location, out var location))
        {
            Error("location", "Stock.UnknownLocation");
            location = 0;
        }
        var to = 0;
        if (kind == PostedKind.Transfer && (input.ToLocation is null || !locations.TryGetValue(input.ToLocation, out to)))
        {
            Error("toLocation", "Stock.UnknownDestination");
        }
        if (input.Commodity is null || !commodities.TryGetValue(input.Commodity, out var commodity))
        {
            Error("commodity", "Stock.UnknownCommodity");
            commodity = 0;
        }
        if (input.Packs is null)
        {
            Error("packs", "Stock.PacksOutOfRange");
        }
        ReceiptSource? source = null;
        if (input.Source is not null)
        {
            if (EnumNames.TryParse<ReceiptSource>(input.Source, out var s))
            {
                source = s;
            }
            else
            {
                Error("source", "Stock.SourceRequired");
            }
        }
        if (errors.Count > 0)
        {
            return RegistryApi.Problem(errors, l);
        }
        var posting = new StockPosting((StockMovementKind)kind, location, commodity, input.Packs!.Value)
        {
            ToLocationId = kind == PostedKind.Transfer ? to : null,
            Batch = input.Batch,
            ExpiresOn = input.ExpiresOn,
            Source = source,
            Reference = string.IsNullOrWhiteSpace(input.Reference) ? null : input.Reference.Trim(),
            Reason = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim(),
        };
        try
        {
            var posted = await ledger.PostAsync(posting, ct);
            var codes = await queries.CodesAsync(ct);
            return TypedResults.Created($"/api/v1/food/stock/movements?location={input.Location}", new StockPostedDto(posted.OperationId, [.. posted.Lines.Select(x => ToDto(x, codes))]));
        }
        catch (FieldException e)
        {
            return RegistryApi.Problem(e.Errors, l);
        }
        catch (StockShortageException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: StockMessages.Shortage(l, e, input.Commodity!),
                extensions: new Dictionary<string, object?> { ["commodity"] = input.Commodity, ["packsShort"] = e.PacksShort });
        }
    }

    private static StockLineDto ToDto(StockLineView m, StockCodes codes) => new(
        m.Id, m.OperationId, EnumNames.Name(m.Kind), codes.Locations[m.LocationId], m.CounterpartLocationId is { } c ? codes.Locations[c] : null,
        codes.Commodities[m.CommodityId], m.Batch, m.ExpiresOn, m.Packs, m.Source is { } s ? EnumNames.Name(s) : null, m.Reference, m.Reason,
        m.RedemptionId, m.At);

    private static async Task<(int? Location, int? Commodity, ValidationProblem? Problem)> FiltersAsync(
        StockQueries queries, IStringLocalizer l, string? location, string? commodity, CancellationToken ct)
    {
        int? locationId = null, commodityId = null;
        var errors = new Dictionary<string, List<string>>();
        if (location is not null)
        {
            locationId = (await queries.LocationsAsync(ct)).FirstOrDefault(x => string.Equals(x.Code, location, StringComparison.OrdinalIgnoreCase))?.Id;
            if (locationId is null)
            {
                errors["location"] = ["Stock.UnknownLocation"];
            }
        }
        if (commodity is not null)
        {
            commodityId = (await queries.CommoditiesAsync(ct)).FirstOrDefault(x => string.Equals(x.Code, commodity, StringComparison.OrdinalIgnoreCase))?.Id;
            if (commodityId is null)
            {
                errors["commodity"] = ["Stock.UnknownCommodity"];
            }
        }
        return (locationId, commodityId, errors.Count > 0 ? RegistryApi.Problem(errors, l) : null);
    }
}
