using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Panah.Data.Matching;

/// <summary>
/// One change to a person that their match index entries must follow (registered, edited, merged, moved, erased),
/// written in the same transaction as the change. Every app node reads them in <see cref="Id"/> order from its
/// cursor, so a node that missed a notification (down, disconnected) catches up. Ids only, nothing personal.
/// </summary>
public sealed class MatchIndexChange
{
    public long Id { get; set; }
    public Guid PersonId { get; set; }
    /// <summary>When it was written (UTC; a DateTime so that SQLite can compare it too).</summary>
    public DateTime At { get; set; }
}

public sealed class MatchIndexChangeConfiguration : IEntityTypeConfiguration<MatchIndexChange>
{
    public void Configure(EntityTypeBuilder<MatchIndexChange> builder)
    {
        builder.Property(x => x.Id).ValueGeneratedOnAdd();
        builder.HasIndex(x => x.At);
    }
}
