using System.Globalization;
using Microsoft.Extensions.Localization;
using Panah.Data;
using Panah.Data.Audit;
using Panah.Data.Dashboards;

namespace Panah.Web.Features.Dashboards;

/// <summary>
/// The monthly donor report of a programme (registry, food, education), in English or Turkish: the month's figures in the
/// caller's scope, worded from the resources and drawn by <see cref="DonorReport"/>. Each report made is audited.
/// </summary>
public sealed class DonorReports(
    PanahDbContext db, AuditLog audit, IServiceProvider services, IStringLocalizer<SharedResource> l, IConfiguration configuration, TimeProvider clock)
{
    /// <summary>The programmes a donor report is made for.</summary>
    public static readonly DashboardSection[] Programmes = [DashboardSection.Registry, DashboardSection.Food, DashboardSection.Education];

    /// <summary>The report's languages: English and Turkish.</summary>
    public static readonly string[] Languages = ["en", "tr"];

    public async Task<byte[]> RenderAsync(DashboardSection programme, DateOnly month, DashboardOffice? office, string language, CancellationToken ct)
    {
        var filter = DashboardFilter.Month(office?.Id, month);
        object figures = programme switch
        {
            DashboardSection.Registry => await services.GetRequiredService<RegistryDashboard>().ForAsync(filter, ct),
            DashboardSection.Food => await services.GetRequiredService<FoodDashboard>().ForAsync(filter, ct),
            DashboardSection.Education => await services.GetRequiredService<EducationDashboard>().ForAsync(filter, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(programme)),
        };
        var text = Words(programme, month, office, figures, CultureInfo.GetCultureInfo(language));
        var pdf = DonorReport.Render(text, configuration);
        await audit.SaveAsync(db, new AuditEvent("dashboards.donor-report", "report", $"{programme.ToString().ToLowerInvariant()}:{DashboardQuery.Format(month)}",
            $"lang={language} office={office?.Code ?? "all"}"), ct);
        return pdf;
    }

    public static string FileName(DashboardSection programme, DateOnly month, string language) =>
        $"donor-report-{programme.ToString().ToLowerInvariant()}-{DashboardQuery.Format(month)}-{language}.pdf";

    /// <summary>The report's text in <paramref name="culture"/>: the resources are read under it, then the culture is put back.</summary>
    private DonorReportText Words(DashboardSection programme, DateOnly month, DashboardOffice? office, object figures, CultureInfo culture)
    {
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = culture;
        CultureInfo.CurrentCulture = culture;
        try
        {
            string N(double v, string format = "N0") => v.ToString(format, culture);
            string P(double? s) => s is { } v ? v.ToString("P0", culture) : "–";
            var (title, lines, charts) = figures switch
            {
                RegistryFigures r => (l["Dashboards.Registry.Title"].Value,
                    new[]
                    {
                        $"{l["Dashboards.Households"]}: {N(r.Households)}", $"{l["Dashboards.People"]}: {N(r.People)}",
                        $"{l["Dashboards.Registry.Arrivals"]}: {N(r.Arrivals.Sum(a => a.Count))}",
                    },
                    RegistryModel.For(r, l).Skip(1)),
                FoodFigures f => (l["Dashboards.Food.Title"].Value,
                    new[]
                    {
                        $"{l["Dashboards.Food.PeopleReached"]}: {N(f.PeopleReached)}", $"{l["Dashboards.Food.Tonnes"]}: {N((double)f.Tonnes, "N1")}",
                        $"{l["Dashboards.Food.CollectionRate"]}: {P(f.CollectionRate)}",
                    },
                    FoodCharts(f)),
                EducationFigures e => (l["Dashboards.Education.Title"].Value,
                    new[]
                    {
                        $"{l["Dashboards.Learners"]}: {N(e.Enrolments.Sum(x => x.Count))}", $"{l["Dashboards.Education.Attendance"]}: {P(e.AttendanceRate)}",
                        $"{l["Dashboards.Education.PassRate"]}: {P(e.PassRate)}", $"{l["Dashboards.Education.Waitlist"]}: {N(e.Waiting)}",
                    },
                    EducationModel.For(e, l).Where(c => c.Id != "education-rates")),
                _ => throw new ArgumentOutOfRangeException(nameof(figures)),
            };
            var monthName = month.ToString("MMMM yyyy", culture);
            return new DonorReportText(
                l["Dashboards.Report.Title", title, monthName],
                l["Dashboards.Report.Subtitle", office is null ? l["Dashboards.AllOffices"].Value : $"{office.Code} — {office.Name}"],
                lines,
                [.. charts.SelectMany(Bars)],
                l["Dashboards.Report.Footer", DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)],
                culture);
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
            CultureInfo.CurrentCulture = current;
        }
    }

    /// <summary>The food charts of the report: per cycle, so a month's one or two cycles read as bars.</summary>
    private IEnumerable<DashboardChart> FoodCharts(FoodFigures f)
    {
        var cycles = f.Cycles.Select(c => c.Name).ToList();
        yield return new("food-people", l["Dashboards.Food.PeopleReached"], "bar", "", cycles, [new("", [.. f.Cycles.Select(c => (double?)c.PeopleReached)])]);
        yield return new("food-tonnes", l["Dashboards.Food.Tonnes"], "bar", "", cycles, [new("", [.. f.Cycles.Select(c => (double?)c.Tonnes)])], "N1");
        yield return new("food-cari", string.Format(l["Dashboards.Food.Cari"], f.Cari.Surveyed), "bar", "",
            [l["Pdm.Cari.1"], l["Pdm.Cari.2"], l["Pdm.Cari.3"], l["Pdm.Cari.4"]], [new("", [.. f.Cari.Counts.Select(c => (double?)c)])]);
    }

    /// <summary>A page chart as report bars: one chart per series when there are several (the pyramid's sexes).</summary>
    private static IEnumerable<ReportChart> Bars(DashboardChart chart) => chart.Series.Count == 1
        ? [new ReportChart(chart.Title, [.. chart.Labels.Select((label, i) => new ReportBar(label, chart.Series[0].Values[i]))], chart.Format)]
        : chart.Series.Select(s => new ReportChart($"{chart.Title}: {s.Name}", [.. chart.Labels.Select((label, i) => new ReportBar(label, s.Values[i]))], chart.Format));
}
