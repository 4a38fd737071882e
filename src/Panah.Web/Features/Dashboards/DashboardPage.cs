using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Panah.Data.Dashboards;

namespace Panah.Web.Features.Dashboards;

/// <summary>One series of a chart: its name and a value per label (null: a hidden small count, left out of the chart and shown as a dash).</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double?> Values);

/// <summary>A chart and the table beneath it (for screen readers and for anyone who wants the numbers): one row per label, one column per series.</summary>
public sealed record DashboardChart(string Id, string Title, string Kind, string LabelHeading, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series, string Format = "N0")
{
    public string LabelsJson => JsonSerializer.Serialize(Labels);
    public string SeriesJson => JsonSerializer.Serialize(Series.Select(s => s.Name));
    public string ValuesJson => JsonSerializer.Serialize(Series.Select(s => s.Values));

    public string Show(double? value) => value is { } v ? v.ToString(Format, CultureInfo.CurrentCulture) : "–";
}

/// <summary>
/// A dashboard page's filter (office code among the viewer's, months from/to as <c>yyyy-MM</c>, by GET: nothing personal
/// in the URL). Input that is not valid is reported and the default view (the last twelve months, every office) shown.
/// </summary>
public abstract class DashboardPage(DashboardOffices offices, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Office { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public IReadOnlyList<DashboardOffice> Offices { get; private set; } = [];
    public DashboardFilter Filter { get; private set; } = null!;
    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>Which section the page shows (its report link, its title).</summary>
    public abstract DashboardSection Section { get; }

    protected async Task<DashboardFilter> ResolveAsync(CancellationToken ct)
    {
        Offices = await offices.ListAsync(ct);
        var (filter, errors) = await DashboardQuery.ParseAsync(Office, From, To, offices, clock, ct);
        Errors = [.. errors.Values.SelectMany(e => e).Distinct()];
        Filter = filter ?? DashboardFilter.LastYear(null, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        (From, To) = (DashboardQuery.Format(Filter.From), DashboardQuery.Format(Filter.To));
        Office = Filter.OfficeId is { } id ? Offices.First(o => o.Id == id).Code : null;
        return Filter;
    }

    public static string Percent(double? share) => share is { } s ? s.ToString("P0", CultureInfo.CurrentCulture) : "–";
}
