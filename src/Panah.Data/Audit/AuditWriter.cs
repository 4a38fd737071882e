using Microsoft.Extensions.DependencyInjection;
using Panah.Data.Entities;

namespace Panah.Data.Audit;

/// <summary>
/// Group commit for the entries of reads: whatever readers hand in while one batch is being written goes into the
/// next, appended in one transaction, and every reader waits until the batch holding its entries is committed (or
/// sees its failure), so no read is answered unaudited. At most one batch per process is in flight; across
/// processes the chain lock of <see cref="AuditAppend"/> orders them.
/// </summary>
public sealed class AuditWriter(IServiceScopeFactory scopes, AuditChain chain)
{
    private readonly Lock sync = new();
    private List<Pending> queue = [];
    private bool writing;

    private sealed record Pending(IReadOnlyList<AuditEntry> Entries, TaskCompletionSource Durable);

    /// <summary>Completes once <paramref name="entries"/> are committed to the chain.</summary>
    public Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        var pending = new Pending(entries, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        bool start;
        lock (sync)
        {
            queue.Add(pending);
            start = !writing;
            writing = true;
        }
        if (start)
        {
            _ = Task.Run(WriteBatchesAsync, CancellationToken.None);
        }
        return pending.Durable.Task.WaitAsync(ct);
    }

    private async Task WriteBatchesAsync()
    {
        while (true)
        {
            List<Pending> batch;
            lock (sync)
            {
                if (queue.Count == 0)
                {
                    writing = false;
                    return;
                }
                batch = queue;
                queue = [];
            }
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
                await AuditAppend.SaveAsync(db, chain, batch.SelectMany(p => p.Entries).ToList(), CancellationToken.None);
                batch.ForEach(p => p.Durable.SetResult());
            }
            catch (Exception ex)
            {
                batch.ForEach(p => p.Durable.SetException(ex));
            }
        }
    }
}
