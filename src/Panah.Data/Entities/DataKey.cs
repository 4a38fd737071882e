namespace Panah.Data.Entities;

/// <summary>A per-record data key, stored wrapped by the master key. Erasure destroys <see cref="Wrapped"/>.</summary>
public sealed class DataKey
{
    public Guid Id { get; set; }
    public byte[]? Wrapped { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DestroyedAt { get; set; }
}
