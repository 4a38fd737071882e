using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Panah.Core.Food;
using Panah.Data.Food;
using Panah.Web.Features.Registry;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Food.Redeem;

/// <summary>Distribution day's API: what is due on a card, and recording a collection (so a partner's scanner app can redeem too).</summary>
public static class RedeemApi
{
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>Longest key accepted (the column's length): a UUID or a ULID fits many times over.</summary>
    public const int MaxKeyLength = 100;

    public static IEndpointRouteBuilder MapRedeemApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/food").WithTags("Food").RequireAuthorization(Policies.FoodDistribute);
        api.MapGet("/cards/{number}", GetCard).WithName("GetFoodCard");
        api.MapPost("/redemptions", Redeem).WithName("RedeemEntitlement");
        return app;
    }

    private static async Task<Results<Ok<CardDueDto>, NotFound>> GetCard(string number, CardDues dues, CancellationToken ct)
    {
        // A path is logged by proxies and servers: it takes the printed number only, never the card's signed token.
        if (!CardNumber.TryNormalize(number, out var printed))
        {
            return TypedResults.NotFound();
        }
        var due = await dues.FindAsync(printed, ct);
        return due is null ? TypedResults.NotFound() : TypedResults.Ok(RedeemMapping.ToDto(due));
    }

    private static async Task<Results<Created<RedemptionDto>, ValidationProblem, NotFound, ProblemHttpResult>> Redeem(
        RedemptionInput input, [FromHeader(Name = IdempotencyHeader)] string? key, Redemptions redemptions, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var errors = new Dictionary<string, List<string>>();
        if (string.IsNullOrWhiteSpace(key) || key.Length > MaxKeyLength)
        {
            errors[IdempotencyHeader] = ["Redemption.KeyRequired"];
        }
        if (input.EntitlementId is null)
        {
            errors["entitlementId"] = ["Redemption.FieldRequired"];
        }
        if (input.CollectedBy is null)
        {
            errors["collectedBy"] = ["Redemption.FieldRequired"];
        }
        if (errors.Count > 0)
        {
            return RegistryApi.Problem(errors, l);
        }
        var request = new RedemptionRequest(
            input.EntitlementId!.Value, input.CollectedBy!.Value, input.Items?.Select(i => new PacksHanded(i.CommodityId, i.Packs)).ToList(),
            input.LocationId, input.CardNumber, key!);
        return await redemptions.RedeemAsync(request, ct) switch
        {
            RedemptionOutcome.Redeemed r => TypedResults.Created((string?)null, RedeemMapping.ToDto(r.Redemption)),
            RedemptionOutcome.AlreadyCollected c => AlreadyCollected(c.Last, l),
            RedemptionOutcome.Refused r => TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: l[r.Code],
                extensions: new Dictionary<string, object?> { ["code"] = r.Code }),
            RedemptionOutcome.Invalid i => RegistryApi.Problem(new Dictionary<string, List<string>> { [i.Field] = [i.Code] }, l),
            _ => TypedResults.NotFound(),
        };
    }

    /// <summary>409 with when, where and by which clerk: what the second clerk at the table needs to know.</summary>
    private static ProblemHttpResult AlreadyCollected(CollectedView last, IStringLocalizer l) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: l["Redemption.AlreadyCollected"],
        detail: l["Redemption.CollectedAt", last.Point, last.Clerk ?? "", RedeemMapping.When(last.At)],
        extensions: new Dictionary<string, object?> { ["collectedAt"] = last.At, ["locationId"] = last.LocationId, ["point"] = last.Point, ["clerk"] = last.Clerk });
}
