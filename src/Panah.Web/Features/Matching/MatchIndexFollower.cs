using Npgsql;
using Panah.Data;
using Panah.Data.Matching;

namespace Panah.Web.Features.Matching;

/// <summary>
/// Keeps this node's match index current with changes made on other app nodes (or by the command line). On
/// PostgreSQL it listens for the commit notification and reads the change cursor on each one, and also every
/// <see cref="MatchIndexOptions.PollSeconds"/>; a dropped connection is opened again and the cursor read at once, so
/// whatever was notified meanwhile is caught up. On SQLite (one node) it only reads the cursor now and then.
/// </summary>
public sealed class MatchIndexFollower(
    IServiceScopeFactory scopes, MatchIndexCursor cursor, MatchIndexOptions options, PanahDataOptions data, TimeProvider clock, ILogger<MatchIndexFollower> logger)
    : BackgroundService
{
    /// <summary>The listening connection's application name, as the database's own views show it.</summary>
    public const string ApplicationName = "panah-match-index";

    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);
    private DateTimeOffset lastPrune = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await cursor.Started.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (data.Provider == DatabaseProvider.Postgres)
                {
                    await ListenAsync(stoppingToken);
                }
                else
                {
                    await PollAsync(stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The type only: a database error's text can quote values.
                logger.LogWarning("The match index lost the database ({Error}); catching up from change {Cursor} in {Seconds} s",
                    e.GetType().Name, cursor.Through, options.ReconnectSeconds);
                await Task.Delay(TimeSpan.FromSeconds(options.ReconnectSeconds), clock, stoppingToken);
            }
        }
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        var address = new NpgsqlConnectionStringBuilder(data.ConnectionString) { ApplicationName = ApplicationName, Pooling = false, KeepAlive = 30 };
        await using var connection = new NpgsqlConnection(address.ConnectionString);
        await connection.OpenAsync(ct);
        await using (var listen = new NpgsqlCommand($"LISTEN {MatchIndexSql.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(ct);
        }
        // Listening first, then reading: a change committed in between is both notified and read, never neither.
        await CatchUpAsync(ct);
        while (true)
        {
            await connection.WaitAsync(TimeSpan.FromSeconds(options.PollSeconds), ct);
            await CatchUpAsync(ct);
        }
    }

    private async Task PollAsync(CancellationToken ct)
    {
        while (true)
        {
            await CatchUpAsync(ct);
            await Task.Delay(TimeSpan.FromSeconds(options.PollSeconds), clock, ct);
        }
    }

    private async Task CatchUpAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var feed = scope.ServiceProvider.GetRequiredService<MatchIndexFeed>();
        var applied = await feed.CatchUpAsync(ct);
        if (applied > 0)
        {
            logger.LogDebug("Match index caught up: {People} people changed elsewhere, cursor at {Cursor}", applied, cursor.Through);
        }
        var now = clock.GetUtcNow();
        if (now - lastPrune >= PruneEvery)
        {
            lastPrune = now;
            await feed.PruneAsync(now.UtcDateTime.AddDays(-options.ChangeRetentionDays), ct);
        }
    }
}
