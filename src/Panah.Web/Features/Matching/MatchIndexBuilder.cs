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
            var records = await scope.ServiceProvider.GetRequiredService<MatchSource>().LoadAsync("match-index", ct: stoppingToken);
            await Task.Run(() => index.Build(records, last?.Model, last?.Run, stoppingToken), stoppingToken);
            cursor.Start(latest);
            logger.LogInformation("Match index ready: {Records} name records in {Seconds:N1} s", records.Count, watch.Elapsed.TotalSeconds);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Registration goes on without the check rather than the whole app stopping; the log says why.
            logger.LogError(e, "The match index could not be built; the duplicate check while registering is off");
        }
    }
}
