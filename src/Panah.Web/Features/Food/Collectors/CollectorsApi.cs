using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Panah.Data.Food;
using Panah.Data.Validation;
using Panah.Web.Features.Registry;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Food.Collectors;

/// <summary>Names a person the household's alternate collector, from the date they consented (not after today).</summary>
public sealed record AlternateCollectorInput(Guid? PersonId, DateOnly? ConsentedOn);

/// <summary>An alternate collector: the person, their own household's code, their name when the caller's fields show names, and the consent's dates.</summary>
public sealed record AlternateCollectorDto(Guid PersonId, string HouseholdCode, string? Name, DateOnly ConsentedOn, DateOnly? WithdrawnOn, bool InForce);

/// <summary>
/// <c>/api/v1/food/households/{id}/collectors</c>: a household's alternate collectors (GET), naming one (POST),
/// withdrawing one (DELETE, dated today; the row stays as history). The registration officer's work, as on the page.
/// </summary>
public static class CollectorsApi
{
    public static IEndpointRouteBuilder MapCollectorsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/food/households/{id:guid}/collectors").WithTags("Food").RequireAuthorization(Policies.RegistryWrite);
        api.MapGet("", List).WithName("ListAlternateCollectors");
        api.MapPost("", Name).WithName("NameAlternateCollector");
        api.MapDelete("/{personId:guid}", Withdraw).WithName("WithdrawAlternateCollector");
        return app;
    }

    private static async Task<Results<Ok<List<AlternateCollectorDto>>, NotFound>> List(Guid id, AlternateCollectorStore store, CancellationToken ct) =>
        await store.ListAsync(id, ct) is { } list ? TypedResults.Ok(list.Select(ToDto).ToList()) : TypedResults.NotFound();

    private static async Task<Results<Created<AlternateCollectorDto>, NotFound, ValidationProblem>> Name(
        Guid id, AlternateCollectorInput input, AlternateCollectorStore store, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        try
        {
            await store.NameAsync(id, input.PersonId, input.ConsentedOn, ct);
        }
        catch (FieldException e)
        {
            return RegistryApi.Problem(e.Errors, l);
        }
        catch (KeyNotFoundException)
        {
            return TypedResults.NotFound();
        }
        var named = (await store.ListAsync(id, ct))!.Single(c => c.PersonId == input.PersonId);
        return TypedResults.Created($"/api/v1/food/households/{id}/collectors", ToDto(named));
    }

    private static async Task<Results<NoContent, NotFound>> Withdraw(Guid id, Guid personId, AlternateCollectorStore store, CancellationToken ct) =>
        await store.WithdrawAsync(id, personId, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static AlternateCollectorDto ToDto(AlternateCollectorView c) => new(c.PersonId, c.HouseholdCode, c.Name?.Display, c.ConsentedOn, c.WithdrawnOn, c.InForce);
}
