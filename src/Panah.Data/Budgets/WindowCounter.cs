using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Panah.Data.Budgets;

/// <summary>
/// A count in one fixed time window (an hour of person records read, a minute of API requests), kept in the
/// database so that every app node adds to the same number. Rows past <see cref="Expires"/> are deleted.
/// </summary>
public sealed class WindowCounter
{
    /// <summary>What is counted, for whom: e.g. <c>read:{staff id}:hour</c>, <c>rate:account:{staff id}</c> (ids only).</summary>
    public required string Key { get; set; }

    /// <summary>The window's number: Unix seconds divided by the window's length.</summary>
    public long Window { get; set; }
    public long Count { get; set; }

    /// <summary>Unix seconds after which the row is no longer needed.</summary>
    public long Expires { get; set; }
}

internal sealed class WindowCounterConfiguration : IEntityTypeConfiguration<WindowCounter>
{
    public void Configure(EntityTypeBuilder<WindowCounter> e)
    {
        e.HasKey(x => new { x.Key, x.Window });
        e.Property(x => x.Key).HasMaxLength(160);
        e.HasIndex(x => x.Expires);
    }
}
