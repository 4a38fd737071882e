using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Panah.Data.Budgets;

/// <summary>A counter to add to: its key and the length of its fixed window.</summary>
public sealed record CounterWindow(string Key, TimeSpan Length);

/// <summary>
/// Adds to counters in fixed time windows with one atomic upsert (<c>INSERT … ON CONFLICT DO UPDATE … RETURNING</c>,
/// the same statement on SQLite and PostgreSQL), so parallel requests on several app nodes never lose an increment
/// and each learns the total it made.
/// </summary>
public sealed class WindowCounters(PanahDbContext db, TimeProvider clock)
{
    /// <summary>Adds <paramref name="amount"/> to each counter's current window; returns the new totals, in order.</summary>
    public Task<long[]> AddAsync(IReadOnlyList<CounterWindow> counters, long amount, CancellationToken ct = default) =>
        AddAsync([.. counters.Select(c => (c, amount))], ct);

    /// <summary>Adds each amount to its counter's current window; returns the new totals, in order.</summary>
    public async Task<long[]> AddAsync(IReadOnlyList<(CounterWindow Counter, long Amount)> additions, CancellationToken ct = default)
    {
        var counters = additions.Select(a => a.Counter).ToList();
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var rows = new List<string>(counters.Count);
            for (var i = 0; i < counters.Count; i++)
            {
                var seconds = (long)counters[i].Length.TotalSeconds;
                var window = now / seconds;
                rows.Add($"(@k{i}, @w{i}, @n{i}, @e{i})");
                command.With($"@n{i}", additions[i].Amount);
                command.With($"@k{i}", counters[i].Key);
                command.With($"@w{i}", window);
                // Kept one window past its end, so a reader of the previous window still finds it.
                command.With($"@e{i}", ((window + 2) * seconds));
            }
            command.CommandText = $"""
                INSERT INTO "WindowCounters" ("Key", "Window", "Count", "Expires") VALUES {string.Join(", ", rows)}
                ON CONFLICT ("Key", "Window") DO UPDATE SET "Count" = "WindowCounters"."Count" + excluded."Count"
                RETURNING "Key", "Count"
                """;
            var totals = new Dictionary<string, long>(counters.Count);
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    totals[reader.GetString(0)] = reader.GetInt64(1);
                }
            }
            var result = counters.Select(c => totals[c.Key]).ToArray();
            if (result.Where((total, i) => total == additions[i].Amount).Any())
            {
                // A new window began: the ones that ended are of no further use.
                await db.WindowCounters.Where(c => c.Expires < now).ExecuteDeleteAsync(ct);
            }
            return result;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The current totals of <paramref name="counters"/>, zero where nothing was counted yet.</summary>
    public async Task<long[]> ReadAsync(IReadOnlyList<CounterWindow> counters, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var wanted = counters.Select(c => (c.Key, Window: now / (long)c.Length.TotalSeconds)).ToList();
        var keys = wanted.Select(w => w.Key).ToList();
        var found = await db.WindowCounters.AsNoTracking().Where(c => keys.Contains(c.Key)).ToListAsync(ct);
        return wanted.Select(w => found.FirstOrDefault(f => f.Key == w.Key && f.Window == w.Window)?.Count ?? 0).ToArray();
    }
}
