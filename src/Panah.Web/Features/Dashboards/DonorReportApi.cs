using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Panah.Data.Dashboards;
using Panah.Web.Features.Registry;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Dashboards;

/// <summary>
/// <c>GET /api/v1/reports/donor/{registry|food|education}?month=yyyy-MM&amp;lang=en|tr&amp;office=</c>: a programme's monthly
/// donor report as PDF, made on demand in the caller's scope (by default last month, in English), behind the programme's dashboard policy.
/// </summary>
public static class DonorReportApi
{
    public static IEndpointRouteBuilder MapDonorReportApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/reports/donor").WithTags("Dashboards");
        foreach (var (programme, policy) in new[]
        {
            (DashboardSection.Registry, Policies.DashboardRegistry), (DashboardSection.Food, Policies.DashboardFood), (DashboardSection.Education, Policies.DashboardEducation),
        })
        {
            var name = programme.ToString().ToLowerInvariant();
            api.MapGet("/" + name, (string? month, string? lang, string? office, DashboardOffices offices, DonorReports reports, TimeProvider clock,
                    IStringLocalizer<SharedResource> l, HttpResponse response, CancellationToken ct) => Report(programme, month, lang, office, offices, reports, clock, l, response, ct))
                .RequireAuthorization(policy).WithName($"GetDonorReport{programme}")
                .WithSummary($"The {name} programme's monthly donor report (PDF, aggregates only)");
        }
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> Report(
        DashboardSection programme, string? month, string? lang, string? office, DashboardOffices offices, DonorReports reports, TimeProvider clock,
        IStringLocalizer<SharedResource> l, HttpResponse response, CancellationToken ct)
    {
        var errors = new Dictionary<string, List<string>>();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var chosen = string.IsNullOrWhiteSpace(month) ? new DateOnly(today.Year, today.Month, 1).AddMonths(-1) : DashboardQuery.ParseMonth(month);
        if (chosen is null)
        {
            errors["month"] = ["Dashboards.Error.Month"];
        }
        var language = string.IsNullOrWhiteSpace(lang) ? "en" : lang.Trim().ToLowerInvariant();
        if (!DonorReports.Languages.Contains(language))
        {
            errors["lang"] = ["Dashboards.Error.Language"];
        }
        var (known, found) = await offices.FindAsync(office, ct);
        if (!known)
        {
            errors["office"] = ["Dashboards.Error.Office"];
        }
        if (errors.Count > 0)
        {
            return RegistryApi.Problem(errors, l);
        }
        var pdf = await reports.RenderAsync(programme, chosen!.Value, found, language, ct);
        response.Headers.CacheControl = "no-store";
        return TypedResults.File(pdf, "application/pdf", DonorReports.FileName(programme, chosen.Value, language));
    }
}
