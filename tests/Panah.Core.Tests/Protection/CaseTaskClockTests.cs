using Panah.Core.Protection;

namespace Panah.Core.Tests.Protection;

/// <summary>Due dates by risk level, and overdue / upcoming (7 days) on a clock the test sets.</summary>
public sealed class CaseTaskClockTests
{
    private sealed class SetClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static readonly DateTimeOffset Opened = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(CaseTaskKind.Assignment, RiskLevel.High, 1)]
    [InlineData(CaseTaskKind.Assignment, RiskLevel.Medium, 3)]
    [InlineData(CaseTaskKind.Assignment, RiskLevel.Low, 3)]
    [InlineData(CaseTaskKind.Assessment, RiskLevel.High, 24)]
    [InlineData(CaseTaskKind.Assessment, RiskLevel.Medium, 72)]
    [InlineData(CaseTaskKind.Assessment, RiskLevel.Low, 168)]
    [InlineData(CaseTaskKind.Service, RiskLevel.Low, 14 * 24)]
    public void A_task_falls_due_after_its_risk_levels_delay(CaseTaskKind kind, RiskLevel risk, int hours)
    {
        var tasks = new CaseTaskClock(new ProtectionOptions(), new SetClock(Opened));
        Assert.Equal(Opened.AddHours(hours), tasks.DueAt(kind, risk, Opened));
    }

    [Theory]
    [InlineData(RiskLevel.High, 0.5, TaskStanding.Upcoming)]
    [InlineData(RiskLevel.High, 2, TaskStanding.Overdue)]
    [InlineData(RiskLevel.Medium, 2, TaskStanding.Upcoming)]
    [InlineData(RiskLevel.Medium, 4, TaskStanding.Overdue)]
    [InlineData(RiskLevel.Low, 6, TaskStanding.Upcoming)]
    [InlineData(RiskLevel.Low, 8, TaskStanding.Overdue)]
    public void An_assessment_is_overdue_once_its_risk_levels_delay_has_passed(RiskLevel risk, double daysLater, TaskStanding expected)
    {
        var clock = new SetClock(Opened);
        var tasks = new CaseTaskClock(new ProtectionOptions(), clock);
        var due = tasks.DueFromNow(CaseTaskKind.Assessment, risk);
        clock.Now = Opened.AddDays(daysLater);
        Assert.Equal(expected, tasks.Standing(due, null));
    }

    [Fact]
    public void Upcoming_means_due_within_seven_days_and_done_is_never_overdue()
    {
        var clock = new SetClock(Opened);
        var tasks = new CaseTaskClock(new ProtectionOptions(), clock);
        Assert.Equal(TaskStanding.Upcoming, tasks.Standing(Opened.AddDays(7), null));
        Assert.Equal(TaskStanding.Later, tasks.Standing(Opened.AddDays(7).AddMinutes(1), null));
        Assert.Equal(TaskStanding.Done, tasks.Standing(Opened.AddDays(-3), Opened.AddDays(-4)));
    }

    [Fact]
    public void Configuration_replaces_one_default_and_refuses_a_delay_that_is_not_positive()
    {
        var options = new ProtectionOptions().With(CaseTaskKind.FollowUp, RiskLevel.High, TimeSpan.FromDays(2));
        Assert.Equal(TimeSpan.FromDays(2), options.Offset(CaseTaskKind.FollowUp, RiskLevel.High));
        Assert.Equal(TimeSpan.FromDays(14), options.Offset(CaseTaskKind.FollowUp, RiskLevel.Medium));
        Assert.Throws<ArgumentOutOfRangeException>(() => options.With(CaseTaskKind.Service, RiskLevel.Low, TimeSpan.Zero));
    }
}
