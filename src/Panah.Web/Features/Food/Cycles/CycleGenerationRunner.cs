using System.Collections.Concurrent;
using System.Security.Claims;
using Panah.Data.Access;
using Panah.Data.Audit;
using Panah.Data.Food;
using Panah.Data.Validation;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Food.Cycles;

/// <summary>Where a cycle's generation from the page stands: its stage and rows done, then what it made or the error key it ended with.</summary>
public sealed record CycleGenerationStatus(bool Running, string Stage, long Done, long Total, GenerationResult? Made, string? Error);

/// <summary>
/// Generates a cycle's entitlements in the background, one run per cycle at a time, so the page answers at once and
/// shows progress while 50,000 households take their seconds (as <see cref="Matching.DuplicateRunner"/> does for the
/// duplicate run). The run acts as the staff member who started it, with their access scope.
/// </summary>
public sealed class CycleGenerationRunner(IServiceScopeFactory scopes, ILogger<CycleGenerationRunner> logger)
{
    private readonly ConcurrentDictionary<int, CycleGenerationStatus> runs = new();

    /// <summary>The cycle's current or last run since the server started; null when there was none.</summary>
    public CycleGenerationStatus? Status(int cycleId) => runs.GetValueOrDefault(cycleId);

    /// <summary>Starts generating <paramref name="cycleId"/> at <paramref name="version"/> as the signed-in <paramref name="user"/>; false when a run of it is under way.</summary>
    public bool Start(int cycleId, long version, ClaimsPrincipal user, IActor actor)
    {
        var starting = new CycleGenerationStatus(true, "starting", 0, 0, null, null);
        var free = runs.AddOrUpdate(cycleId, starting, (_, current) => current.Running ? current : starting);
        if (!ReferenceEquals(free, starting))
        {
            return false;
        }
        var staff = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).Distinct().ToList();
        var who = new FixedActor(actor.Id, actor.Origin);
        _ = Task.Run(() => RunAsync(cycleId, version, staff, roles, who));
        return true;
    }

    private async Task RunAsync(int cycleId, long version, string? staff, List<string> roles, IActor actor)
    {
        try
        {
            // Audited as the person who started it, not as the request that has since ended.
            AmbientActor.Current = actor;
            await using var scope = scopes.CreateAsyncScope();
            if (staff is not null)
            {
                await scope.ServiceProvider.GetRequiredService<AccessScopes>().LoadAsync(staff, roles);
            }
            var made = await scope.ServiceProvider.GetRequiredService<CycleGeneration>().GenerateAsync(cycleId, version, new Reporter(this, cycleId), CancellationToken.None);
            Set(cycleId, s => s with { Running = false, Stage = "done", Made = made });
        }
        catch (FieldException e)
        {
            Set(cycleId, s => s with { Running = false, Stage = "failed", Error = e.MessageKey });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogError(e, "Generating cycle {CycleId} failed", cycleId);
            Set(cycleId, s => s with { Running = false, Stage = "failed", Error = "Cycle.GenerationFailed" });
        }
    }

    private void Set(int cycleId, Func<CycleGenerationStatus, CycleGenerationStatus> change) => runs.AddOrUpdate(cycleId, _ => change(new(true, "", 0, 0, null, null)), (_, s) => change(s));

    private sealed class Reporter(CycleGenerationRunner runner, int cycleId) : IProgress<GenerationProgress>
    {
        public void Report(GenerationProgress value) => runner.Set(cycleId, s => s with { Stage = value.Stage, Done = value.Done, Total = value.Total });
    }
}
