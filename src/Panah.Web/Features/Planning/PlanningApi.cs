using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Panah.Core.Planning;
using Panah.Data.Planning;
using Panah.Web.Features.Registry;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Planning;

/// <summary>
/// <c>/api/v1/planning</c>: the registry's baseline within the reader's offices, a scenario's forecast of needs with
/// intervals, the stored scenarios (<see cref="ScenariosApi"/>) and their exports (<see cref="PlanningExportsApi"/>).
/// </summary>
public static class PlanningApi
{
    public static IEndpointRouteBuilder MapPlanningApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/planning").WithTags("Planning").RequireAuthorization(Policies.Planning);
        api.MapGet("/baseline", async (PlanningBaselines baselines, BaselineStructures structures, CancellationToken ct) =>
                TypedResults.Ok(PlanningMapping.ToDto(await baselines.CurrentAsync(ct)) with { Structure = PlanningMapping.ToDto(await structures.CurrentAsync(ct)) }))
            .WithName("GetPlanningBaseline").WithSummary("The registry's baseline within the reader's offices")
            .WithDescription("Arrivals (people newly registered) per month up to the last whole month, the people registered now, mean household size, the shares of children alone and women at risk, learners per 100 people, and the structure: households by size, people by sex and age group. Counts only.");
        api.MapPost("/forecasts", Forecast).WithName("ForecastScenario").WithSummary("Forecast a scenario without storing it")
            .WithDescription("Simulated futures (100–20,000, default 10,000) with a fixed seed (the same inputs and seed give the same numbers): every need by month with its median and 50 / 80 / 95 % intervals (the food of each commodity as `food:<name>`, from the ration of the latest distribution cycle past its draft, or the configured one: `ration`), and the backtest on the registry's own past.");
        api.MapScenariosApi().MapPlanningExportsApi();
        return app;
    }

    private static async Task<Results<Ok<ForecastDto>, ValidationProblem>> Forecast(
        ScenarioBody input, PlanningBaselines baselines, PlanningNeeds needs, BacktestCache backtests, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var baseline = await baselines.CurrentAsync(ct);
        var (scenario, errors) = PlanningMapping.ToScenario(input, baseline.LastMonth.AddMonths(1));
        if (scenario is null)
        {
            return RegistryApi.Problem(errors, l);
        }
        var inputs = await needs.CurrentAsync(ct);
        var forecast = Forecaster.Run(baseline, scenario, inputs.Needs, input.Futures ?? Forecaster.DefaultFutures, input.Seed ?? Forecaster.DefaultSeed);
        return TypedResults.Ok(PlanningMapping.ToDto(forecast, baseline, backtests.Of(baseline), inputs.Ration));
    }
}
