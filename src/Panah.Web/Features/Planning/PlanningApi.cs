using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Panah.Core.Planning;
using Panah.Data.Planning;
using Panah.Web.Features.Registry;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Planning;

/// <summary><c>/api/v1/planning</c>: the registry's baseline within the reader's offices, and a scenario's forecast of needs with intervals.</summary>
public static class PlanningApi
{
    public static IEndpointRouteBuilder MapPlanningApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/planning").WithTags("Planning").RequireAuthorization(Policies.Planning);
        api.MapGet("/baseline", async (PlanningBaselines baselines, CancellationToken ct) => TypedResults.Ok(PlanningMapping.ToDto(await baselines.CurrentAsync(ct))))
            .WithName("GetPlanningBaseline");
        api.MapPost("/forecasts", Forecast).WithName("ForecastScenario");
        return app;
    }

    private static async Task<Results<Ok<ForecastDto>, ValidationProblem>> Forecast(
        ScenarioBody input, PlanningBaselines baselines, NeedsOptions needs, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var baseline = await baselines.CurrentAsync(ct);
        var (scenario, errors) = PlanningMapping.ToScenario(input, baseline.LastMonth.AddMonths(1));
        if (scenario is null)
        {
            return RegistryApi.Problem(errors, l);
        }
        var forecast = Forecaster.Run(baseline, scenario, needs, input.Futures ?? Forecaster.DefaultFutures, input.Seed ?? Forecaster.DefaultSeed);
        return TypedResults.Ok(PlanningMapping.ToDto(forecast, baseline, Backtest.Run(baseline.MonthlyArrivals)));
    }
}
