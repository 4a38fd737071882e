namespace Panah.Core.Protection;

/// <summary>A step of the case's workflow that falls due.</summary>
public enum CaseTaskKind
{
    /// <summary>A new case is given to a case worker who takes it on.</summary>
    Assignment = 1,
    Assessment = 2,
    CasePlan = 3,
    Service = 4,
    FollowUp = 5,
}

/// <summary>How a task stands on a given day.</summary>
public enum TaskStanding
{
    Done = 1,
    Overdue = 2,
    Upcoming = 3,
    Later = 4,
}

/// <summary>When tasks fall due and whether they are overdue or coming, read on a <see cref="TimeProvider"/> so tests set the day.</summary>
public sealed class CaseTaskClock(ProtectionOptions options, TimeProvider clock)
{
    /// <summary>"Upcoming" means due within this window (Primero's task list: 7 days).</summary>
    public static readonly TimeSpan UpcomingWindow = TimeSpan.FromDays(7);

    public DateTimeOffset DueAt(CaseTaskKind kind, RiskLevel risk, DateTimeOffset from) => from + options.Offset(kind, risk);

    public DateTimeOffset DueFromNow(CaseTaskKind kind, RiskLevel risk) => DueAt(kind, risk, clock.GetUtcNow());

    public TaskStanding Standing(DateTimeOffset dueAt, DateTimeOffset? doneAt)
    {
        if (doneAt is not null)
        {
            return TaskStanding.Done;
        }
        var now = clock.GetUtcNow();
        if (dueAt < now)
        {
            return TaskStanding.Overdue;
        }
        return dueAt <= now + UpcomingWindow ? TaskStanding.Upcoming : TaskStanding.Later;
    }
}
