namespace Panah.Data.Retention;

/// <summary>Which rule made a record due for erasure.</summary>
public enum RetentionRule
{
    /// <summary>A household with no activity (see <see cref="RetentionCandidates"/>) for the configured years: every member.</summary>
    HouseholdInactive = 1,

    /// <summary>A closed household unchanged for the configured years: every member.</summary>
    ClosedHousehold = 2,

    /// <summary>A registration merged into the person it duplicated, unchanged since for the configured years: that copy only.</summary>
    MergedRegistration = 3,
}

/// <summary>One run of retention: when, by whom (the job or the officer) and how many it erased; ids and counts only.</summary>
public sealed class RetentionRun
{
    /// <summary>In order of runs (SQLite cannot order by a time with an offset).</summary>
    public long Id { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset FinishedAt { get; set; }

    /// <summary>The actor id: <c>system:retention</c> for the job, else the officer's account.</summary>
    public required string RunBy { get; set; }
    public int People { get; set; }
    public int Households { get; set; }

    /// <summary>People who were due but stand under a legal hold.</summary>
    public int Held { get; set; }

    /// <summary>People still due after this run reached its limit: the next run takes them.</summary>
    public int Left { get; set; }
}

/// <summary>
/// A lease row: the node that holds it until <see cref="UntilTicks"/> runs the job, so that of several app nodes on one
/// database only one runs it at a time. Ticks (UTC) rather than a time with an offset, so both databases compare them.
/// </summary>
public sealed class JobLease
{
    public required string Name { get; set; }
    public string? Holder { get; set; }
    public long UntilTicks { get; set; }
}
