using Panah.Data.Access;
using Panah.Data.Audit;
using Panah.Data.Retention;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.DataProtection;

/// <summary>
/// The retention job: every <see cref="RetentionOptions.CheckMinutes"/> on the injected clock each node asks whether a
/// run is due (<see cref="RetentionOptions.RunEveryHours"/> since the last one, by any node) and, holding the lease,
/// runs it. <see cref="RunOnceAsync"/> is one such tick; a failure is logged and tried again at the next tick.
/// </summary>
public sealed partial class RetentionJob(IServiceScopeFactory scopes, RetentionOptions options, TimeProvider clock, ILogger<RetentionJob> logger)
    : PeriodicJob(clock, logger)
{
    public const string Actor = "system:retention";

    private TaskCompletionSource<RetentionReport> nextTick = NewTick();

    /// <summary>Completes when the next scheduled tick has finished (what it did), so a test on a fake clock waits for it without sleeping.</summary>
    public Task<RetentionReport> NextTick => Volatile.Read(ref nextTick).Task;

    protected override TimeSpan? Period => options.Job ? TimeSpan.FromMinutes(options.CheckMinutes) : null;

    protected override async Task TickAsync(CancellationToken ct)
    {
        try
        {
            Interlocked.Exchange(ref nextTick, NewTick()).TrySetResult(await RunOnceAsync(ct));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failed run is a busy tick to whoever waits for it; the job logs the failure.
            Interlocked.Exchange(ref nextTick, NewTick()).TrySetResult(new RetentionReport(RetentionOutcome.Busy));
            throw;
        }
    }

    /// <summary>One tick: the run, if one is due, as the job (every office, actor <see cref="Actor"/>).</summary>
    public Task<RetentionReport> RunOnceAsync(CancellationToken ct = default) => InJobScopeAsync(new FixedActor(Actor), s => s.RunIfDueAsync(ct));

    /// <summary>
    /// The officer's confirmed run, in its own scope as the job's (every office), audited as <paramref name="officer"/>.
    /// It runs outside the officer's request: erasing shows nobody, so it must not spend their read budget.
    /// </summary>
    public async Task<RetentionReport> RunConfirmedAsync(string digest, IActor officer, CancellationToken ct = default)
    {
        // Read while the request is still in view: the run below no longer sees it.
        var confirmedBy = new FixedActor(officer.Id, officer.Origin);
        Task<RetentionReport> run;
        using (ExecutionContext.SuppressFlow())
        {
            // A confirmed run finishes even if the officer closes the page; only the waiting for it stops with the request.
            run = Task.Run(() => InJobScopeAsync(confirmedBy, s => s.RunConfirmedAsync(digest, CancellationToken.None)), CancellationToken.None);
        }
        return await run.WaitAsync(ct);
    }

    private async Task<RetentionReport> InJobScopeAsync(IActor actor, Func<RetentionSweep, Task<RetentionReport>> work)
    {
        AmbientActor.Current = actor;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<AccessScope>().Everything("retention");
            var report = await work(scope.ServiceProvider.GetRequiredService<RetentionSweep>());
            if (report.Run is { } run)
            {
                Ran(Logger, run.People, run.Households, run.Held, run.Left);
            }
            return report;
        }
        finally
        {
            AmbientActor.Current = null;
        }
    }

    private static TaskCompletionSource<RetentionReport> NewTick() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {People} people erased in {Households} households, {Held} held, {Left} left for the next run")]
    private static partial void Ran(ILogger logger, int people, int households, int held, int left);
}
