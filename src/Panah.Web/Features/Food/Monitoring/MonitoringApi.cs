using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Panah.Core.Food.Monitoring;
using Panah.Core.Registry;
using Panah.Data.Food;
using Panah.Web.Features.Registry;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Food.Monitoring;

public sealed record SampleHouseholdDto(Guid HouseholdId, string Code, int Position, bool Surveyed);

/// <summary>A cycle's monitoring sample: the size's working (Cochran with finite-population correction, inflated for non-response) and the households drawn.</summary>
public sealed record SampleDto(
    int CycleId, string Cycle, int Seed, int Population, double N0, double Corrected, int CorrectedRoundedUp, int Size, string Working,
    DateTimeOffset DrawnAt, IReadOnlyList<SampleHouseholdDto> Households);

/// <summary>The seed of the draw; when absent Panah picks one (and shows it).</summary>
public sealed record DrawSampleRequest(int? Seed = null);

/// <summary>
/// One household's survey: the household (its id, or its code) and the answers by field name, as in the CSV
/// template (<c>food.staples</c>: days 0–7, <c>hunger1.frequency</c>: never|rarely|sometimes|often…).
/// </summary>
public sealed record SurveyRequest(Guid? HouseholdId = null, string? HouseholdCode = null, Dictionary<string, JsonElement>? Answers = null);

public sealed record ScoresDto(double? Fcs, string? FcsCategory, int? Rcsi, int? RcsiPhase, int Hhs, string HhsCategory, int Lcs, double? FoodShare, int? Fes, int? Cari);

public sealed record SurveyCreatedDto(Guid Id, ScoresDto Scores);

/// <summary>Counts per category in order (null: hidden as a small cell), then the missing ones.</summary>
public sealed record DistributionDto(IReadOnlyList<int?> Counts, int? Missing, int? Total);

public sealed record TrendDto(int CycleId, string Cycle, DateOnly StartsOn, int Surveyed, double? AcceptableFcsShare, double? FoodInsecureShare, double? MeanFcs);

/// <summary>People reached in one sex, by UNHCR age bracket (0–4, 5–11, 12–17, 18–59, 60+, then unknown age); null is a hidden small cell.</summary>
public sealed record PeopleRowDto(string Sex, IReadOnlyList<int?> Ages, int? Total);

public sealed record IndicatorsDto(
    int CycleId, int Surveyed, DistributionDto Fcs, DistributionDto RcsiPhases, DistributionDto Cari, IReadOnlyList<TrendDto> Trend,
    IReadOnlyList<PeopleRowDto> PeopleReached, IReadOnlyList<int?> PeopleByAge, int? PeopleTotal, int SuppressBelow);

/// <summary><c>/api/v1/food/monitoring/…</c>: post-distribution monitoring samples, surveys and indicators.</summary>
public static class MonitoringApi
{
    public static IEndpointRouteBuilder MapFoodMonitoringApi(this IEndpointRouteBuilder app)
    {
        // {cycleId} without a route constraint: a cycle id that is not a number is a 400, not an unknown route.
        var group = app.MapGroup("/api/v1/food/monitoring/cycles/{cycleId}").WithTags("FoodMonitoring").RequireAuthorization(Policies.FoodMonitoring);
        group.MapGet("/sample", GetSample).WithName("GetPdmSample");
        group.MapPost("/sample", DrawSample).WithName("DrawPdmSample");
        group.MapPost("/surveys", PostSurvey).WithName("PostPdmSurvey");
        group.MapGet("/indicators", GetIndicators).WithName("GetPdmIndicators");
        return app;
    }

    private static async Task<Results<Ok<SampleDto>, NotFound>> GetSample(int cycleId, PdmSamples samples, CancellationToken ct) =>
        await samples.FindAsync(cycleId, ct) is { } s ? TypedResults.Ok(ToDto(s)) : TypedResults.NotFound();

    private static async Task<Results<Created<SampleDto>, NotFound, ProblemHttpResult>> DrawSample(
        int cycleId, DrawSampleRequest request, PdmSamples samples, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var seed = request.Seed ?? Random.Shared.Next(1, 1_000_000);
        switch (await samples.DrawAsync(cycleId, seed, ct))
        {
            case DrawOutcome.CycleNotFound:
                return TypedResults.NotFound();
            case DrawOutcome.AlreadyDrawn:
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: l["Pdm.AlreadyDrawn"]);
        }
        var drawn = (await samples.FindAsync(cycleId, ct))!;
        return TypedResults.Created($"/api/v1/food/monitoring/cycles/{cycleId}/sample", ToDto(drawn));
    }

    private static async Task<Results<Created<SurveyCreatedDto>, ValidationProblem, NotFound, ProblemHttpResult>> PostSurvey(
        int cycleId, SurveyRequest request, PdmSurveys surveys, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var answers = request.Answers ?? [];
        var unknown = answers.Keys.Where(k => !PdmFields.IsKnown(k)).ToList();
        var (parsed, errors) = PdmFields.Parse(name => answers.TryGetValue(name, out var v) ? Text(v) : null);
        errors.AddRange(unknown.Select(k => new PdmAnswerError(k, PdmFields.UnknownColumn)));
        if (request.HouseholdId is null && string.IsNullOrWhiteSpace(request.HouseholdCode))
        {
            errors.Add(new("householdId", "Pdm.Error.Household"));
        }
        if (errors.Count > 0)
        {
            return Problem(errors, l);
        }
        var result = await surveys.SubmitAsync(cycleId, new SurveyInput(request.HouseholdId, request.HouseholdCode, parsed), ct);
        return result.Outcome switch
        {
            SurveyOutcome.Saved => TypedResults.Created($"/api/v1/food/monitoring/cycles/{cycleId}/surveys/{result.Id}", new SurveyCreatedDto(result.Id!.Value, ToDto(result.Scores!))),
            SurveyOutcome.NotInSample => TypedResults.NotFound(),
            SurveyOutcome.AlreadySurveyed => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: l["Pdm.AlreadySurveyed"]),
            _ => Problem(result.Errors ?? [], l),
        };
    }

    private static async Task<Results<Ok<IndicatorsDto>, NotFound, ValidationProblem>> GetIndicators(
        int cycleId, string? district, string? need, MonitoringDashboard dashboard, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        Vulnerability? needed = null;
        if (!string.IsNullOrEmpty(need))
        {
            if (!EnumNames.TryParse<Vulnerability>(need, out var v))
            {
                return Problem([new("need", PdmAnswersCheck.Unknown)], l);
            }
            needed = v;
        }
        var figures = await dashboard.ForCycleAsync(cycleId, new MonitoringFilter(string.IsNullOrWhiteSpace(district) ? null : district.Trim(), needed), ct);
        return figures is null ? TypedResults.NotFound() : TypedResults.Ok(ToDto(figures));
    }

    /// <summary>The answers' problems by question, as every API reports refused input.</summary>
    private static ValidationProblem Problem(IEnumerable<PdmAnswerError> errors, IStringLocalizer l) =>
        RegistryApi.Problem(errors.GroupBy(e => e.Question).ToDictionary(g => g.Key, g => g.Select(e => e.Message).Distinct().ToList()), l);

    private static string? Text(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Number => v.GetRawText(),
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        // An object or array where one answer belongs: not a number, not a choice.
        _ => "\u0000",
    };

    public static SampleDto ToDto(PdmSampleView s) => new(
        s.CycleId, s.CycleName, s.Seed, s.Size.Population, Math.Round(s.Size.N0, 4), Math.Round(s.Size.Corrected, 4), s.Size.CorrectedRoundedUp, s.Size.Size,
        s.Size.Working(), s.DrawnAt, [.. s.Households.Select(h => new SampleHouseholdDto(h.HouseholdId, h.Code, h.Position, h.Surveyed))]);

    public static ScoresDto ToDto(PdmScores s) => new(
        s.Fcs, s.FcsCategory is { } c ? EnumNames.Name(c) : null, s.Rcsi, s.Rcsi is { } r ? ReducedCopingStrategies.Phase(r) : null,
        s.Hhs, EnumNames.Name(HouseholdHungerScale.Categorise(s.Hhs)), (int)s.Lcs, s.FoodShare is { } f ? (double)f : null, s.Fes, (int?)s.Cari);

    public static IndicatorsDto ToDto(MonitoringFigures f)
    {
        var t = f.PeopleReached;
        return new(
            f.CycleId, f.Surveyed, ToDto(f.Fcs), ToDto(f.RcsiPhases), ToDto(f.Cari),
            [.. f.Trend.Select(x => new TrendDto(x.CycleId, x.Name, x.StartsOn, x.Surveyed, x.AcceptableFcsShare, x.FoodInsecureShare, x.MeanFcs))],
            [.. f.Sexes.Select((sex, r) => new PeopleRowDto(EnumNames.Name(sex), [.. Enumerable.Range(0, t.Columns).Select(c => t.Cell(r, c))], t.RowTotal(r)))],
            [.. Enumerable.Range(0, t.Columns).Select(t.ColumnTotal)], t.GrandTotal, f.SuppressBelow);
    }

    private static DistributionDto ToDto(Distribution d) => new(d.Counts, d.Missing, d.Total);
}
