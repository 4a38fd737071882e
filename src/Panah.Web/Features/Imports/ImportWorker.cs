using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.Identity;
using Panah.Data;
using Panah.Data.Access;
using Panah.Data.Entities;
using Panah.Data.Imports;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Imports;

/// <summary>
/// Runs import jobs in the background, one at a time, each in the scope of the officer who started it and audited as
/// them. At start-up it resumes every job a restart left running (their progress is in the database, batch by batch).
/// </summary>
public sealed class ImportWorker(IServiceScopeFactory scopes, ILogger<ImportWorker> logger) : BackgroundService
{
    private readonly Channel<Guid> queue = Channel.CreateUnbounded<Guid>();
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> running = new();

    /// <summary>Queues a job the store has just set running.</summary>
    public void Enqueue(Guid jobId)
    {
        running.GetOrAdd(jobId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        queue.Writer.TryWrite(jobId);
    }

    /// <summary>Completes when the job queued last has finished its run (at once for a job not queued).</summary>
    public Task Finished(Guid jobId) => running.TryGetValue(jobId, out var done) ? done.Task : Task.CompletedTask;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                foreach (var (id, _) in await ImportJobRunner.RunningAsync(scope.ServiceProvider.GetRequiredService<PanahDbContext>(), stoppingToken))
                {
                    Enqueue(id);
                }
            }
            await foreach (var id in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await RunAsync(id, stoppingToken);
                }
                catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
                {
                    logger.LogError(e, "Import job {Job} could not be run", id);
                }
                if (running.TryRemove(id, out var done))
                {
                    done.TrySetResult();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Imports stop; the rest of the app goes on, and the next start resumes the jobs left running.
            logger.LogError(e, "The import worker stopped");
        }
    }

    private async Task RunAsync(Guid id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<PanahDbContext>();
        var staffId = (await ImportJobRunner.RunningAsync(db, ct)).FirstOrDefault(j => j.Id == id).StaffUserId;
        // A job of the CLI (no officer) is the CLI's to resume; a job whose officer is gone or disabled stays where it is.
        if (staffId is null || await services.GetRequiredService<UserManager<StaffUser>>().FindByIdAsync(staffId) is not { IsDisabled: false } staff)
        {
            return;
        }
        var roles = await services.GetRequiredService<UserManager<StaffUser>>().GetRolesAsync(staff);
        await services.GetRequiredService<AccessScopes>().LoadAsync(staffId, [.. roles], ct);
        AmbientActor.Current = new Panah.Data.Audit.FixedActor("user:" + staffId, "import");
        var runner = services.GetRequiredService<ImportJobRunner>();
        try
        {
            await runner.RunAsync(id, ct: ct);
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            logger.LogError(e, "Import job {Job} failed", id);
            await using var failScope = scopes.CreateAsyncScope();
            await failScope.ServiceProvider.GetRequiredService<AccessScopes>().LoadAsync(staffId, [.. roles], ct);
            await failScope.ServiceProvider.GetRequiredService<ImportJobRunner>().FailAsync(id, e, ct);
        }
        finally
        {
            AmbientActor.Current = null;
        }
    }
}
