using Panah.Data.Crypto;

namespace Panah.Data.Keys;

/// <summary>
/// Values a feature keeps sealed under the master key, which <c>keys rotate</c> re-seals under the current
/// key. A feature that seals something new under the master key registers one
/// (<c>services.AddSingleton&lt;IMasterKeySealed, …&gt;()</c>), or the rotation would retire the key it needs.
/// </summary>
public interface IMasterKeySealed
{
    /// <summary>What is re-sealed, as the progress bar names it.</summary>
    string Name { get; }

    Task<int> CountAsync(PanahDbContext db, CancellationToken ct);

    /// <summary>
    /// Reads at most <paramref name="batchSize"/> values after <paramref name="after"/> (null: from the
    /// start) and re-seals under the current key those sealed under another. Each is written only if it is
    /// still what was read, so a value changed meanwhile (erased, re-issued) is never brought back.
    /// </summary>
    Task<ResealBatch> ResealAsync(PanahDbContext db, KeyRing keys, string? after, int batchSize, CancellationToken ct);
}

/// <summary>What one batch did; <see cref="Next"/> is where the next batch starts, null at the end.</summary>
public sealed record ResealBatch(int Read, int Resealed, string? Next);
