using Panah.Data;
using Panah.Data.Audit.Checkpoints;

namespace Panah.Web.Infrastructure;

/// <summary>
/// Writes a signed checkpoint of the audit chain head every <c>Panah:Audit:CheckpointMinutes</c> (at most 60) on the
/// injected clock, and once more when the app stops, so the last entries before a shutdown are covered too.
/// A failure is logged and retried at the next tick; it never stops the app.
/// </summary>
public sealed class AuditCheckpointWriter(IServiceScopeFactory scopes, AuditCheckpoints checkpoints, AuditCheckpointOptions options, TimeProvider clock,
    ILogger<AuditCheckpointWriter> logger) : PeriodicJob(clock, logger)
{
    protected override TimeSpan? Period => TimeSpan.FromMinutes(options.CheckpointMinutes);

    protected override Task TickAsync(CancellationToken ct) => WriteAsync(ct);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await WriteAsync(cancellationToken);
    }

    private async Task WriteAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var written = await checkpoints.WriteAsync(scope.ServiceProvider.GetRequiredService<PanahDbContext>(), ct);
            logger.LogInformation("Audit checkpoint signed: {Entries} entries up to entry {LastId}", written.Entries, written.LastId);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "The audit checkpoint could not be written or sent");
        }
    }
}
