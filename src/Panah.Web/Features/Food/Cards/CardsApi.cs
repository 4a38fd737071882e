using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Panah.Data.Food;
using Panah.Web.Features.Registry;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Food.Cards;

public sealed record CardIssueInput(Guid? HouseholdId);

/// <summary>Why the card is revoked: <c>lost</c>, <c>stolen</c>, <c>damaged</c> or <c>other</c> (a choice: no free text on a card).</summary>
public sealed record CardRevokeInput([property: OneOf<CardRevocationReason>] string? Reason);

/// <summary>A food card as the API shows it: never the QR token, which is only ever printed.</summary>
public sealed record CardDto(Guid Id, string Number, Guid HouseholdId, int Sequence, string Status, DateTimeOffset IssuedAt, DateTimeOffset? RevokedAt, string? RevokedReason);

/// <summary><c>/api/v1/food/cards</c>: issue a household's card, revoke one, reissue one (the old card stops working at once).</summary>
public static class CardsApi
{
    public static IEndpointRouteBuilder MapCardsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/food/cards").WithTags("Food cards").RequireAuthorization(Policies.FoodCards);
        api.MapPost("", Issue).WithName("IssueFoodCard");
        api.MapPost("/{number}/revoke", Revoke).WithName("RevokeFoodCard");
        api.MapPost("/{number}/reissue", Reissue).WithName("ReissueFoodCard");
        return app;
    }

    internal static CardDto ToDto(FoodCard c) =>
        new(c.Id, c.Number, c.HouseholdId, c.Sequence, EnumNames.Name(c.Status), c.IssuedAt, c.RevokedAt, c.RevokedReason is null ? null : JsonName(c.RevokedReason));

    private static async Task<Results<Created<CardDto>, NotFound, ValidationProblem, ProblemHttpResult>> Issue(
        CardIssueInput input, CardIssuance issuance, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (input.HouseholdId is not { } household)
        {
            return RegistryApi.Problem(new Dictionary<string, List<string>> { ["householdId"] = ["Cards.HouseholdRequired"] }, l);
        }
        var outcome = await issuance.IssueAsync(household, ct);
        return outcome.Kind switch
        {
            CardOutcomeKind.Done => TypedResults.Created($"/api/v1/food/cards/{outcome.Card!.Number}", ToDto(outcome.Card)),
            CardOutcomeKind.Unchanged => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: l["Cards.AlreadyActive"]),
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<Results<Ok<CardDto>, NotFound, ValidationProblem, ProblemHttpResult>> Revoke(
        string number, CardRevokeInput input, CardIssuance issuance, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (!EnumNames.TryParse<CardRevocationReason>(input.Reason, out var reason))
        {
            return RegistryApi.Problem(new Dictionary<string, List<string>> { ["reason"] = ["Cards.ReasonRequired"] }, l);
        }
        var outcome = await issuance.RevokeAsync(number, reason, ct);
        return outcome.Kind switch
        {
            CardOutcomeKind.Done => TypedResults.Ok(ToDto(outcome.Card!)),
            CardOutcomeKind.Unchanged => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: l["Cards.AlreadyRevoked"]),
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<Results<Created<CardDto>, NotFound, ValidationProblem, ProblemHttpResult>> Reissue(
        string number, CardRevokeInput input, CardIssuance issuance, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (!EnumNames.TryParse<CardRevocationReason>(input.Reason, out var reason))
        {
            return RegistryApi.Problem(new Dictionary<string, List<string>> { ["reason"] = ["Cards.ReasonRequired"] }, l);
        }
        var outcome = await issuance.ReissueAsync(number, reason, ct);
        return outcome.Kind switch
        {
            CardOutcomeKind.Done => TypedResults.Created($"/api/v1/food/cards/{outcome.Card!.Number}", ToDto(outcome.Card)),
            CardOutcomeKind.Superseded => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: l["Cards.Superseded"]),
            _ => TypedResults.NotFound(),
        };
    }

    private static string JsonName(string reason) => Enum.TryParse<CardRevocationReason>(reason, out var r) ? EnumNames.Name(r) : reason;
}
