using Panah.Data;
using Panah.Data.Access;

namespace Panah.Web.Features.Dashboards;

/// <summary>
/// Writes every programme's donor report of the previous month, NGO-wide, in English and Turkish, into the data
/// directory's <c>reports</c> folder, once: on the 1st of each month (and at start-up for a month not written yet).
/// Off unless <c>Panah:DonorReports:Schedule</c> is true.
/// </summary>
public sealed class DonorReportSchedule(IServiceScopeFactory scopes, PanahDataOptions data, TimeProvider clock, IConfiguration configuration, ILogger<DonorReportSchedule> logger) : BackgroundService
{
    public const string Setting = "Panah:DonorReports:Schedule";

    public string Folder => Path.Combine(data.DataDirectory, "reports");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue(Setting, false))
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Writing the donor reports failed; it is tried again at the next run");
            }
            try
            {
                await Task.Delay(UntilNextRun(clock.GetUtcNow()), clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Writes the previous month's reports that are not written yet; returns the files written.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var missing = DonorReports.Programmes.SelectMany(p => DonorReports.Languages.Select(lang => (p, lang)))
            .Select(x => (x.p, x.lang, Path: Path.Combine(Folder, DonorReports.FileName(x.p, month, x.lang)))).Where(x => !File.Exists(x.Path)).ToList();
        if (missing.Count == 0)
        {
            return [];
        }
        Directory.CreateDirectory(Folder);
        await using var scope = scopes.CreateAsyncScope();
        // System work over every office, not a staff member's request: the NGO-wide reports.
        scope.ServiceProvider.GetRequiredService<AccessScope>().Everything("monthly donor reports");
        var reports = scope.ServiceProvider.GetRequiredService<DonorReports>();
        foreach (var (programme, language, path) in missing)
        {
            var pdf = await reports.RenderAsync(programme, month, null, language, ct);
            var partial = path + ".part";
            await File.WriteAllBytesAsync(partial, pdf, ct);
            File.Move(partial, path, overwrite: true);
        }
        logger.LogInformation("Wrote {Count} donor reports for {Month}", missing.Count, DashboardQuery.Format(month));
        return [.. missing.Select(m => m.Path)];
    }

    /// <summary>Until five past midnight (UTC) on the next 1st of a month.</summary>
    public static TimeSpan UntilNextRun(DateTimeOffset now)
    {
        var next = new DateTimeOffset(now.Year, now.Month, 1, 0, 5, 0, TimeSpan.Zero).AddMonths(1);
        return next - now;
    }
}
