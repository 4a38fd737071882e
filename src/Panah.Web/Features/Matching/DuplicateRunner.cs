using Panah.Data.Audit;
using Panah.Data.Matching;
using Panah.Matching;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Matching;

/// <summary>Where the duplicate run stands, for the progress bar.</summary>
public sealed record DuplicateRunStatus(bool Running, string Stage, long Done, long Total, DuplicateRunResult? Last, string? Error)
{
    /// <summary>The household duplicate run chained after the last person run.</summary>
    public HouseholdRunResult? LastHouseholds { get; init; }
}

/// <summary>
/// Runs one duplicate run at a time in the background and reports its progress: the person run, then the household
/// run, since the pairs and merges the person run leaves are the household run's evidence.
/// </summary>
public sealed class DuplicateRunner(IServiceScopeFactory scopes, ILogger<DuplicateRunner> logger)
{
    private readonly Lock gate = new();
    private DuplicateRunStatus status = new(false, "", 0, 0, null, null);

    public DuplicateRunStatus Status
    {
        get
        {
            lock (gate)
            {
                return status;
            }
        }
    }

    /// <summary>Starts a run as <paramref name="actor"/> unless one is under way; false when one already is. <paramref name="full"/>: a batch run over everyone.</summary>
    public bool Start(IActor actor, bool full = false)
    {
        var who = new FixedActor(actor.Id, actor.Origin);
        lock (gate)
        {
            if (status.Running)
            {
                return false;
            }
            status = status with { Running = true, Stage = "starting", Done = 0, Total = 0, Error = null };
            _ = Task.Run(() => RunAsync(who, full));
            return true;
        }
    }

    private async Task RunAsync(IActor actor, bool full)
    {
        try
        {
            // The run is audited as the person who started it, not as the request that has since ended.
            AmbientActor.Current = actor;
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<DuplicateReviews>().RunAsync(full, new Reporter(this));
            Set(s => s with { Stage = "households", Done = 0, Total = 1 });
            var households = await scope.ServiceProvider.GetRequiredService<HouseholdDuplicates>().RunAsync();
            Set(s => s with { Running = false, Stage = "done", Last = result, LastHouseholds = households });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogError(e, "Duplicate run failed");
            Set(s => s with { Running = false, Stage = "failed", Error = e.GetType().Name });
        }
    }

    private void Set(Func<DuplicateRunStatus, DuplicateRunStatus> change)
    {
        lock (gate)
        {
            status = change(status);
        }
    }

    private sealed class Reporter(DuplicateRunner runner) : IProgress<DedupeProgress>
    {
        public void Report(DedupeProgress value) => runner.Set(s => s with { Stage = value.Stage, Done = value.Done, Total = value.Total });
    }
}
