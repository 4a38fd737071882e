using Panah.Data.Access;
using Panah.Data.Audit;
using Panah.Data.Education;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Education;

/// <summary>
/// The offer sweep: every <see cref="EducationOptions.OfferSweepMinutes"/> on the app's clock, offers whose deadline
/// passed lapse and their seats go to the next applicants (<see cref="Seats.LapseOverdueAsync"/>), so a deadline holds
/// even when nobody opens a page. <c>Panah:Education:OfferSweep=false</c> switches the timer off; <see cref="RunOnceAsync"/>
/// is one sweep (the tests call it on a fake clock). A failed sweep is logged and tried again at the next tick.
/// </summary>
public sealed partial class OfferLapseJob(IServiceScopeFactory scopes, EducationOptions options, TimeProvider clock, ILogger<OfferLapseJob> logger) : BackgroundService
{
    public const string Actor = "system:education-offers";

    private PeriodicTimer? timer;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Made here, not in ExecuteAsync (a background thread): the schedule starts when the app does.
        timer = options.OfferSweep ? new PeriodicTimer(TimeSpan.FromMinutes(options.OfferSweepMinutes), clock) : null;
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        timer?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (timer is null)
        {
            return;
        }
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Failed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: an offer left overdue lapses at the next start's first sweep, or when its section is next read.
        }
    }

    /// <summary>One sweep as the job (every office, actor <see cref="Actor"/>): how many offers lapsed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        AmbientActor.Current = new FixedActor(Actor, "system");
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<AccessScope>().Everything("education offer deadlines");
            var lapsed = await scope.ServiceProvider.GetRequiredService<Seats>().LapseOverdueAsync(ct);
            if (lapsed > 0)
            {
                Lapsed(logger, lapsed);
            }
            return lapsed;
        }
        finally
        {
            AmbientActor.Current = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Education offers: {Count} lapsed past their deadline, their seats offered on")]
    private static partial void Lapsed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The education offer sweep failed; tried again at the next tick")]
    private static partial void Failed(ILogger logger, Exception e);
}
