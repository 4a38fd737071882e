using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Panah.Data.Planning;
using Panah.Data.Registry;
using Panah.Data.Validation;
using Panah.Web.Features.Registry;

namespace Panah.Web.Features.Planning;

/// <summary>
/// <c>/api/v1/planning/scenarios</c>: the stored scenarios (an edit or removal names the version it last saw; a stale
/// one is 409), each one's forecast and sensitivity on the reader's baseline, and <c>/compare</c> of two or three.
/// </summary>
public static class ScenariosApi
{
    public static RouteGroupBuilder MapScenariosApi(this RouteGroupBuilder api)
    {
        api.MapGet("/scenarios", async (ScenarioStore store, CancellationToken ct) => TypedResults.Ok((await store.ListAsync(ct)).Select(PlanningMapping.ToDto).ToList()))
            .WithName("ListPlanningScenarios").WithSummary("List the stored scenarios")
            .WithDescription("Every stored influx scenario, by start month, with the version an edit must name.");
        api.MapGet("/scenarios/{id:int}", Get).WithName("GetPlanningScenario").WithSummary("Get a stored scenario");
        api.MapPost("/scenarios", Create).WithName("CreatePlanningScenario").WithSummary("Store a scenario")
            .WithDescription("A named scenario: start, horizon (3–24 months), triggers, arrivals as low / likely / high (ExtraPerMonth or Multiplier) and, optionally, the shares of unaccompanied children and women at risk among arrivals. Audited.");
        api.MapPut("/scenarios/{id:int}", Update).WithName("UpdatePlanningScenario").WithSummary("Change a stored scenario")
            .WithDescription("The body names the version last read; if someone changed the scenario since, the answer is 409 and nothing is saved. Audited.");
        api.MapDelete("/scenarios/{id:int}", Delete).WithName("DeletePlanningScenario").WithSummary("Remove a stored scenario")
            .WithDescription("?version= names the version last read; a stale one is 409. Audited.");
        api.MapGet("/scenarios/{id:int}/forecast", Forecast).WithName("ForecastPlanningScenario").WithSummary("Forecast a stored scenario")
            .WithDescription("10,000 simulated futures on the baseline of the reader's offices, fixed seed: every need by month with its median and 50 / 80 / 95 % intervals, and the backtest.");
        api.MapGet("/scenarios/{id:int}/sensitivity", Sensitivity).WithName("PlanningScenarioSensitivity").WithSummary("Which assumption moves the budget most")
            .WithDescription("A tornado: the median budget over the horizon with each assumption at its low and high end, the others at their likely value, same seed; largest swing first.");
        api.MapGet("/compare", Compare).WithName("ComparePlanningScenarios").WithSummary("Compare two or three stored scenarios")
            .WithDescription("?ids=1&ids=2[&ids=3]: the key needs (population, food tonnage, seats, teachers, case workers, clerks, budget) of each scenario at month 3 and at its horizon, median and intervals, on the same baseline.");
        return api;
    }

    private static async Task<Results<Ok<ScenarioDto>, NotFound>> Get(int id, ScenarioStore store, CancellationToken ct) =>
        await store.GetAsync(id, ct) is { } s ? TypedResults.Ok(PlanningMapping.ToDto(s)) : TypedResults.NotFound();

    private static async Task<Results<Created<ScenarioDto>, ValidationProblem>> Create(
        ScenarioBody body, ScenarioStore store, TimeProvider clock, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var (scenario, errors) = PlanningMapping.ToScenario(body, NextMonth(clock));
        if (scenario is null)
        {
            return RegistryApi.Problem(errors, l);
        }
        try
        {
            var created = await store.CreateAsync(scenario, ct);
            return TypedResults.Created($"/api/v1/planning/scenarios/{created.Id}", PlanningMapping.ToDto(created));
        }
        catch (FieldException e)
        {
            return RegistryApi.Problem(e.Errors, l);
        }
    }

    private static async Task<Results<Ok<ScenarioDto>, NotFound, ValidationProblem, ProblemHttpResult>> Update(
        int id, ScenarioBody body, ScenarioStore store, TimeProvider clock, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var (scenario, errors) = PlanningMapping.ToScenario(body, NextMonth(clock));
        if (body.Version is null)
        {
            errors["version"] = ["Planning.VersionRequired"];
        }
        if (scenario is null || errors.Count > 0)
        {
            return RegistryApi.Problem(errors, l);
        }
        try
        {
            return TypedResults.Ok(PlanningMapping.ToDto(await store.UpdateAsync(id, body.Version!.Value, scenario, ct)));
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

    private static async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> Delete(
        int id, [FromQuery] long? version, ScenarioStore store, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (version is null)
        {
            return RegistryApi.Problem(new Dictionary<string, List<string>> { ["version"] = ["Planning.VersionRequired"] }, l);
        }
        try
        {
            await store.DeleteAsync(id, version.Value, ct);
            return TypedResults.NoContent();
        }
        catch (KeyNotFoundException)
        {
            return TypedResults.NotFound();
        }
        catch (ConcurrencyConflictException)
        {
            return RegistryApi.Conflict(l);
        }
    }

    private static async Task<Results<Ok<ForecastDto>, NotFound>> Forecast(int id, ScenarioStore store, ScenarioForecasts forecasts, CancellationToken ct)
    {
        if (await store.GetAsync(id, ct) is not { } stored)
        {
            return TypedResults.NotFound();
        }
        var run = await forecasts.RunAsync(stored, ct);
        return TypedResults.Ok(PlanningMapping.ToDto(run.Forecast, run.Baseline, run.Backtest, run.Ration));
    }

    private static async Task<Results<Ok<SensitivityDto>, NotFound>> Sensitivity(int id, ScenarioStore store, ScenarioForecasts forecasts, CancellationToken ct) =>
        await store.GetAsync(id, ct) is { } stored ? TypedResults.Ok(PlanningMapping.ToDto(id, await forecasts.SensitivityAsync(stored, ct))) : TypedResults.NotFound();

    private static async Task<Results<Ok<ComparisonDto>, ValidationProblem>> Compare(
        [FromQuery] int[]? ids, ScenarioStore store, ScenarioForecasts forecasts, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var asked = (ids ?? []).Distinct().ToList();
        var found = asked.Count is >= 2 and <= 3 ? await store.GetManyAsync(asked, ct) : [];
        if (found.Count != asked.Count || found.Count < 2)
        {
            return RegistryApi.Problem(new Dictionary<string, List<string>> { ["ids"] = ["Planning.CompareTwoOrThree"] }, l);
        }
        return TypedResults.Ok(PlanningMapping.ToDto(await forecasts.RunAsync(found, ct: ct)));
    }

    internal static DateOnly NextMonth(TimeProvider clock)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return new DateOnly(today.Year, today.Month, 1).AddMonths(1);
    }
}
