using Microsoft.Extensions.Localization;
using Panah.Core.Registry;
using Panah.Data.Dashboards;
using Panah.Web.Features.Registry;

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
        Rates("education-by-level", l["Dashboards.Education.ByLevel"], l["Dashboards.Level"], f.Groups[LearnerDimension.Level], k => k, l),
        Rates("education-by-site", l["Dashboards.Education.BySite"], l["Dashboards.Site"], f.Groups[LearnerDimension.Site], k => k, l),
        Rates("education-by-sex", l["Dashboards.Education.BySex"], l["Sex"], f.Groups[LearnerDimension.Sex], k => l["Sex." + EnumNames.Name(Enum.Parse<Sex>(k))], l),
        Rates("education-by-age", l["Dashboards.Education.ByAge"], l["Age group"], f.Groups[LearnerDimension.AgeGroup],
            k => Enum.TryParse<AgeGroup>(k, out var a) ? RegistryModel.AgeLabels[(int)a - 1] : l["Pdm.AgeUnknown"], l),
    ];

    /// <summary>Attendance, completion and pass rates of each group of learners, in per cent.</summary>
    private static DashboardChart Rates(string id, string title, string heading, IReadOnlyList<LearnerGroup> groups, Func<string, string> label, IStringLocalizer l) =>
        new(id, title, "bar", heading, [.. groups.Select(g => label(g.Key))],
        [
            new(l["Dashboards.Education.Attendance"], [.. groups.Select(g => g.AttendanceRate * 100)]),
            new(l["Dashboards.Education.Completion"], [.. groups.Select(g => g.CompletionRate * 100)]),
            new(l["Dashboards.Education.PassRate"], [.. groups.Select(g => g.PassRate * 100)]),
        ]);
}
