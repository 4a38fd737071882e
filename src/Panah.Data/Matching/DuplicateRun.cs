using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Panah.Data.Matching;

/// <summary>
/// What one batch duplicate run found, kept so every app node's queue can say how many pairs fell beyond the review
/// budget (<see cref="Deferred"/>: scored below a match, left apart, not queued). Counts only, nothing personal.
/// </summary>
public sealed class DuplicateRun
{
    public Guid Id { get; set; }
    public DateTimeOffset FinishedAt { get; set; }
    public int People { get; set; }
    public int Proposed { get; set; }
    public int Known { get; set; }
    public int Deferred { get; set; }
}

public sealed class DuplicateRunConfiguration : IEntityTypeConfiguration<DuplicateRun>
{
    public void Configure(EntityTypeBuilder<DuplicateRun> builder) => builder.HasIndex(x => x.FinishedAt);
}
