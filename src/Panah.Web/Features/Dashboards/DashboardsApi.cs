using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Panah.Data.Dashboards;
using Panah.Web.Features.Registry;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Dashboards;

/// <summary>
/// <c>/api/v1/dashboards/{section}</c>: the dashboards' aggregates as JSON, each section behind its own policy and counted
/// in the caller's scope. <c>office</c> is a code among the caller's offices, <c>from</c>/<c>to</c> months as <c>yyyy-MM</c>.
/// </summary>
public static class DashboardsApi
{
    public static IServiceCollection AddDashboardsFeature(this IServiceCollection services) => services
        .AddScoped<DonorReports>().AddSingleton<DonorReportSchedule>().AddHostedService(sp => sp.GetRequiredService<DonorReportSchedule>());

    public static IEndpointRouteBuilder MapDashboardsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/dashboards").WithTags("Dashboards");
        api.MapGet("/registry", Registry).RequireAuthorization(Policies.DashboardRegistry).WithName("GetRegistryDashboard")
            .WithSummary("Registry aggregates: arrivals per month, households, people by sex and age, specific needs, permits expiring");
        api.MapGet("/food", Food).RequireAuthorization(Policies.DashboardFood).WithName("GetFoodDashboard")
            .WithSummary("Food aggregates per cycle starting in the period: people reached, tonnes, collection rate, CARI (small counts hidden)");
        api.MapGet("/education", Education).RequireAuthorization(Policies.DashboardEducation).WithName("GetEducationDashboard")
            .WithSummary("Education aggregates: enrolments per level, attendance rate, pass rate, waitlist");
        api.MapGet("/protection", Protection).RequireAuthorization(Policies.DashboardProtection).WithName("GetProtectionDashboard")
            .WithSummary("Open protection cases by type and risk, overdue tasks: counts in the caller's case scope, small counts hidden");
        app.MapDonorReportApi();
        return app;
    }

    private static async Task<Results<Ok<RegistryDashboardDto>, ValidationProblem>> Registry(
        string? office, string? from, string? to, DashboardOffices offices, RegistryDashboard dashboard, TimeProvider clock, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var (filter, errors) = await DashboardQuery.ParseAsync(office, from, to, offices, clock, ct);
        return filter is null ? RegistryApi.Problem(errors, l) : TypedResults.Ok(DashboardMapping.ToDto(await dashboard.ForAsync(filter, ct), filter, Code(office)));
    }

    private static async Task<Results<Ok<FoodDashboardDto>, ValidationProblem>> Food(
        string? office, string? from, string? to, DashboardOffices offices, FoodDashboard dashboard, TimeProvider clock, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var (filter, errors) = await DashboardQuery.ParseAsync(office, from, to, offices, clock, ct);
        return filter is null ? RegistryApi.Problem(errors, l) : TypedResults.Ok(DashboardMapping.ToDto(await dashboard.ForAsync(filter, ct), filter, Code(office)));
    }

    private static async Task<Results<Ok<EducationDashboardDto>, ValidationProblem>> Education(
        string? office, string? from, string? to, DashboardOffices offices, EducationDashboard dashboard, TimeProvider clock, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var (filter, errors) = await DashboardQuery.ParseAsync(office, from, to, offices, clock, ct);
        return filter is null ? RegistryApi.Problem(errors, l) : TypedResults.Ok(DashboardMapping.ToDto(await dashboard.ForAsync(filter, ct), filter, Code(office)));
    }

    private static async Task<Results<Ok<ProtectionDashboardDto>, ValidationProblem>> Protection(
        string? office, DashboardOffices offices, ProtectionDashboard dashboard, TimeProvider clock, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var (filter, errors) = await DashboardQuery.ParseAsync(office, null, null, offices, clock, ct);
        return filter is null ? RegistryApi.Problem(errors, l) : TypedResults.Ok(DashboardMapping.ToDto(await dashboard.ForAsync(filter, ct), Code(office)));
    }

    private static string? Code(string? office) => string.IsNullOrWhiteSpace(office) ? null : office.Trim().ToUpperInvariant();
}
