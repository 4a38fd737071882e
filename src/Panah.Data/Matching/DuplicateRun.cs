using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Panah.Data.Matching;

/// <summary>
/// What one duplicate run found, kept so every app node's queue can say how many pairs fell beyond the review
/// budget (<see cref="Deferred"/>: scored below a match, left apart, not queued), where the next incremental run
/// starts (<see cref="ReadAt"/>) and which model it scores with (<see cref="Model"/> of the last batch run).
/// Counts, times and model parameters only, nothing personal.
/// </summary>
public sealed class DuplicateRun
{
    public Guid Id { get; set; }
    public DateTimeOffset FinishedAt { get; set; }
    public int People { get; set; }
    public int Proposed { get; set; }
    public int Known { get; set; }
    public int Deferred { get; set; }

    /// <summary>True for a run over the people added or changed since the last run; false for a batch run over everyone, which trains the model.</summary>
    public bool Incremental { get; set; }

    /// <summary>People compared: everyone for a batch run, those added or changed since the last run for an incremental one.</summary>
    public int Compared { get; set; }

    /// <summary>When the run began reading the registry: the next incremental run compares what changed from then on (less an overlap).</summary>
    public DateTimeOffset ReadAt { get; set; }

    /// <summary>
    /// The m, u, prior and threshold a batch run trained (<see cref="Panah.Matching.MatchModel.SaveParameters"/>, no value
    /// frequencies, so no names): every node's online check and the incremental runs score with it. Null for an
    /// incremental run, and for a batch run on a registry too small to train on (the hand-set model then).
    /// </summary>
    public string? Model { get; set; }
}

public sealed class DuplicateRunConfiguration : IEntityTypeConfiguration<DuplicateRun>
{
    public void Configure(EntityTypeBuilder<DuplicateRun> builder) => builder.HasIndex(x => x.FinishedAt);
}
