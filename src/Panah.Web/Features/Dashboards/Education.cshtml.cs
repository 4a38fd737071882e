using Microsoft.Extensions.Localization;
using Panah.Data.Dashboards;

namespace Panah.Web.Features.Dashboards;

/// <summary>The education dashboard: enrolments per level, attendance and pass rates, the waitlist and its median wait, the sections' fill.</summary>
public sealed class EducationModel(DashboardOffices offices, TimeProvider clock, EducationDashboard dashboard, IStringLocalizer<SharedResource> l) : DashboardPage(offices, clock)
{
    public override DashboardSection Section => DashboardSection.Education;
    public EducationFigures Figures { get; private set; } = null!;
    public IReadOnlyList<DashboardChart> Charts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Figures = await dashboard.ForAsync(await ResolveAsync(ct), ct);
        Charts = For(Figures, l);
    }

    public static IReadOnlyList<DashboardChart> For(EducationFigures f, IStringLocalizer l) =>
    [
        new("education-enrolments", l["Dashboards.Education.Enrolments"], "bar", l["Dashboards.Level"], [.. f.Enrolments.Select(e => e.Level.ToString())],
            [new(l["Dashboards.Learners"], [.. f.Enrolments.Select(e => (double?)e.Count)])]),
        new("education-rates", l["Dashboards.Education.Rates"], "bar", l["Dashboards.Indicator"], [l["Dashboards.Education.Attendance"], l["Dashboards.Education.PassRate"]],
            [new(l["Dashboards.Percent"], [f.AttendanceRate * 100, f.PassRate * 100])]),
        new("education-waitlist", l["Dashboards.Education.Waitlist"], "bar", l["Dashboards.Level"], [.. f.Waitlist.Select(e => e.Level.ToString())],
            [new(l["Dashboards.Learners"], [.. f.Waitlist.Select(e => (double?)e.Count)])]),
        new("education-wait", l["Dashboards.Education.MedianWait"], "bar", l["Dashboards.Level"], [.. f.Waitlist.Select(e => e.Level.ToString())],
            [new(l["Dashboards.Days"], [.. f.Waitlist.Select(e => e.MedianDays is { } d ? Math.Round(d) : (double?)null)])]),
        new("education-fill", l["Dashboards.Education.Fill"], "bar", l["Dashboards.Level"], [.. f.Fill.Select(e => e.Level.ToString())],
            [new(l["Dashboards.Percent"], [.. f.Fill.Select(e => e.Rate * 100)])]),
    ];
}
