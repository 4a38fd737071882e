namespace Panah.Web.Infrastructure;

/// <summary>
/// A job that ticks every <see cref="Period"/> on the app's clock from the moment the app starts, and once at start
/// when <see cref="TickAtStart"/> (null period: switched off, the tests then call the tick themselves on a fake clock).
/// A failed tick is logged and tried again at the next one; stopping the app ends the wait, not a tick half-way.
/// </summary>
public abstract partial class PeriodicJob(TimeProvider clock, ILogger logger) : BackgroundService
{
    private PeriodicTimer? timer;

    /// <summary>The app's clock, which the job's schedule runs on.</summary>
    protected TimeProvider Clock { get; } = clock;

    /// <summary>The job's own logger, for what its ticks did.</summary>
    protected ILogger Logger { get; } = logger;

    /// <summary>Read once, at start.</summary>
    protected abstract TimeSpan? Period { get; }

    /// <summary>Whether the job also ticks as soon as the app has started, not first one period later.</summary>
    protected virtual bool TickAtStart => false;

    /// <summary>One scheduled tick.</summary>
    protected abstract Task TickAsync(CancellationToken ct);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Made here, not in ExecuteAsync (a background thread): the schedule starts when the app does.
        timer = Period is { } period ? new PeriodicTimer(period, Clock) : null;
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        timer?.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (timer is null)
        {
            return;
        }
        try
        {
            if (TickAtStart)
            {
                await TickLoggedAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await TickLoggedAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what a tick left undone is done by the next start's ticks.
        }
    }

    private async Task TickLoggedAsync(CancellationToken ct)
    {
        try
        {
            await TickAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Failed(Logger, GetType().Name, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Job} failed; tried again at the next tick")]
    private static partial void Failed(ILogger logger, string job, Exception e);
}
