using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Panah.Data.Erasure;
using Panah.Web.Features.Registry;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.DataProtection;

/// <summary>Why a person is erased: the data protection officer's own words (kept with the erasure, never logged).</summary>
public sealed record ErasureInput(string? Reason);

public sealed record ErasureDto(Guid PersonId, DateTimeOffset ErasedAt);

/// <summary><c>POST /api/v1/people/{id}/erasure</c>: the data protection officer erases a person by crypto-shredding.</summary>
public static class ErasureApi
{
    public static IEndpointRouteBuilder MapErasureApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/people/{id:guid}/erasure", Erase).WithName("ErasePerson").WithTags("Data protection")
            .RequireAuthorization(Policies.Erasure);
        return app;
    }

    private static async Task<Results<Ok<ErasureDto>, NotFound, ValidationProblem, ProblemHttpResult>> Erase(
        Guid id, ErasureInput input, PersonErasure erasure, TimeProvider clock, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (PersonErasure.CheckReason(input.Reason) is { } problem)
        {
            return RegistryApi.Problem(new Dictionary<string, List<string>> { ["reason"] = [problem] }, l);
        }
        return await erasure.EraseAsync(id, input.Reason!, ct) switch
        {
            ErasureOutcome.Erased => TypedResults.Ok(new ErasureDto(id, clock.GetUtcNow())),
            ErasureOutcome.AlreadyErased => RegistryApi.Gone(l),
            _ => TypedResults.NotFound(),
        };
    }
}
