using System.Globalization;
using Panah.Data.Dashboards;

namespace Panah.Web.Features.Dashboards;

/// <summary>
/// A dashboard's filter as the URL carries it: an office code among the viewer's and months as <c>yyyy-MM</c>, nothing
/// else (no personal data in a URL). Without months, the twelve months up to the current one.
/// </summary>
public static class DashboardQuery
{
    public const string MonthFormat = "yyyy-MM";

    /// <summary>At most this many months in one view: a longer period is refused rather than counted slowly.</summary>
    public const int MaxMonths = 36;

    public static async Task<(DashboardFilter? Filter, Dictionary<string, List<string>> Errors)> ParseAsync(
        string? office, string? from, string? to, DashboardOffices offices, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, List<string>>();
        var (known, found) = await offices.FindAsync(office, ct);
        if (!known)
        {
            errors["office"] = ["Dashboards.Error.Office"];
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var fallback = DashboardFilter.LastYear(null, today);
        var first = Month(from, fallback.From, "from", errors);
        var last = Month(to, fallback.To, "to", errors);
        if (errors.Count == 0 && (last < first || MonthsBetween(first, last) >= MaxMonths))
        {
            errors["to"] = ["Dashboards.Error.Period"];
        }
        return (errors.Count == 0 ? new DashboardFilter(found?.Id, first, last) : null, errors);
    }

    public static DateOnly? ParseMonth(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), MonthFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) ? m : null;

    public static string Format(DateOnly month) => month.ToString(MonthFormat, CultureInfo.InvariantCulture);

    private static DateOnly Month(string? text, DateOnly fallback, string field, Dictionary<string, List<string>> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        if (ParseMonth(text) is { } m && m.Year is >= 2000 and <= 2100)
        {
            return m;
        }
        errors[field] = ["Dashboards.Error.Month"];
        return fallback;
    }

    private static int MonthsBetween(DateOnly from, DateOnly to) => (to.Year - from.Year) * 12 + to.Month - from.Month;
}
