using Microsoft.Extensions.DependencyInjection;
using Panah.Data.Crypto;

namespace Panah.Data.Keys;

/// <summary>How far a rotation got: <see cref="Finished"/> when nothing is left sealed under another key.</summary>
public sealed record RotationResult(int Resealed, bool Finished);

/// <summary>
/// Re-seals every value kept under the master key (each <see cref="IMasterKeySealed"/>) under the current
/// key, batch by batch while the app keeps running. Nothing records how far it got: each value names the key
/// it is sealed under, so a rotation that was stopped continues where it stopped by skipping what is done.
/// </summary>
public sealed class MasterKeyRotation(IServiceScopeFactory scopes, KeyRing keys, IEnumerable<IMasterKeySealed> kinds)
{
    /// <summary>
    /// Passes after the first that may still find values under an old key: a node that sealed one just before
    /// it saw the new key is caught by the next pass. A node that keeps doing so was not given the new key.
    /// </summary>
    private const int MaxPasses = 5;

    public IReadOnlyList<IMasterKeySealed> Kinds { get; } = kinds.ToList();

    public async Task<IReadOnlyList<int>> CountAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
        var counts = new List<int>();
        foreach (var kind in Kinds)
        {
            counts.Add(await kind.CountAsync(db, ct));
        }
        return counts;
    }

    /// <summary>
    /// Re-seals pass after pass until a pass finds nothing under another key, or stops (not finished) once
    /// <paramref name="limit"/> values were re-sealed. <paramref name="progress"/> hears the kind's index, the
    /// pass and how many values of that kind this pass has read so far.
    /// </summary>
    public async Task<RotationResult> ResealAllAsync(int batchSize, int? limit, Action<int, int, int>? progress, CancellationToken ct)
    {
        var total = 0;
        for (var pass = 1; pass <= MaxPasses; pass++)
        {
            var resealedThisPass = 0;
            for (var k = 0; k < Kinds.Count; k++)
            {
                var read = 0;
                string? after = null;
                do
                {
                    var size = limit is { } most ? Math.Clamp(most - total, 1, batchSize) : batchSize;
                    await using var scope = scopes.CreateAsyncScope();
                    var batch = await Kinds[k].ResealAsync(scope.ServiceProvider.GetRequiredService<PanahDbContext>(), keys, after, size, ct);
                    read += batch.Read;
                    resealedThisPass += batch.Resealed;
                    total += batch.Resealed;
                    progress?.Invoke(k, pass, read);
                    if (total >= limit)
                    {
                        return new RotationResult(total, Finished: false);
                    }
                    after = batch.Next;
                }
                while (after is not null);
            }
            if (resealedThisPass == 0)
            {
                return new RotationResult(total, Finished: true);
            }
        }
        throw new InvalidOperationException($"Values are still being sealed under another master key after {MaxPasses} passes: is every node of the web app given the new key ({keys.CurrentKeyId})?");
    }
}
