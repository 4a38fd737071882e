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
public sealed partial class OfferLapseJob(IServiceScopeFactory scopes, EducationOptions options, TimeProvider clock, ILogger<OfferLapseJob> logger)
    : PeriodicJob(clock, logger)
{
    public const string Actor = "system:education-offers";

    protected override TimeSpan? Period => options.OfferSweep ? TimeSpan.FromMinutes(options.OfferSweepMinutes) : null;

    protected override Task TickAsync(CancellationToken ct) => RunOnceAsync(ct);

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
                Lapsed(Logger, lapsed);
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
}
