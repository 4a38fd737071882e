using System.Diagnostics;
using Panah.Data;
using Panah.Data.Matching;

namespace Panah.Web.Features.Matching;

/// <summary>Builds the in-memory match index from the encrypted store when the app starts, without holding up start-up.</summary>
public sealed class MatchIndexBuilder(IServiceScopeFactory scopes, RegistryMatchIndex index, MatchIndexCursor cursor, ILogger<MatchIndexBuilder> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            // The model the last batch duplicate run trained, as every node and the incremental runs use; trained here only before any.
            var last = await DuplicateReviews.LastModelAsync(scope.ServiceProvider.GetRequiredService<PanahDbContext>(), stoppingToken);
            // Read before the records: a change committed meanwhile is past the cursor and is applied again after.
            var latest = await scope.ServiceProvider.GetRequiredService<MatchIndexFeed>().LatestAsync(stoppingToken);
            List<Panah.Matching.PersonRecord>? records = await scope.ServiceProvider.GetRequiredService<MatchSource>().LoadAsync("match-index", ct: stoppingToken);
            var loaded = watch.Elapsed;
            await Task.Run(() => index.Build(records, last?.Model, last?.Run, stoppingToken), stoppingToken);
            cursor.Start(latest);
            var count = records.Count;
            records = null;
            // The decrypted registry read for the build is garbage now: collected and compacted at once, with the memory
            // given back to the system, rather than left (names and all) in a heap that only grows.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            // Where the start-up goes: reading and opening the records, then (training a model when no batch run has, and) indexing them.
            logger.LogInformation("Match index ready: {Records} name records in {Seconds:N1} s ({Loaded:N1} s to read and open them, {Built:N1} s to {Build})",
                count, watch.Elapsed.TotalSeconds, loaded.TotalSeconds, (watch.Elapsed - loaded).TotalSeconds, last is null ? "train a model and index them" : "index them");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Registration goes on without the check rather than the whole app stopping; the log says why.
            logger.LogError(e, "The match index could not be built; the duplicate check while registering is off");
        }
    }
}
