using Panah.Core.Education;

namespace Panah.Core.Tests.Education;

/// <summary>The MEB / TÖMER rule: absence at most a fifth of the course's hours, so 80 % to sit the exam.</summary>
public sealed class AttendanceRuleTests
{
    private static readonly AttendanceOptions Defaults = new();
    private static readonly DateOnly Start = new(2027, 1, 4);

    /// <summary>Sessions on consecutive days of <paramref name="hours"/> each, marked as given.</summary>
    private static List<SessionMark> Marks(decimal hours, params Attendance[] marks) =>
        marks.Select((m, i) => new SessionMark(Start.AddDays(i), hours, m)).ToList();

    private static Attendance[] Repeat(Attendance mark, int n) => Enumerable.Repeat(mark, n).ToArray();

    [Fact]
    public void Exactly_80_percent_attendance_may_sit_the_exam()
    {
        // 180 h in 60 sessions of 3 h: 12 absences are 36 h, exactly a fifth.
        var marks = Marks(3m, [.. Repeat(Attendance.Present, 48), .. Repeat(Attendance.Absent, 12)]);

        var standing = AttendanceRule.Standing(180m, marks, Defaults);

        Assert.Equal(0.8m, standing.Rate);
        Assert.Equal(36m, standing.AllowedAbsentHours);
        Assert.Equal(0m, standing.RemainingAbsentHours);
        Assert.True(standing.CanStillQualify);
        Assert.True(AttendanceRule.MaySitExam(180m, marks, Defaults));
    }

    [Fact]
    public void Attendance_of_79_9_percent_may_not_sit_the_exam()
    {
        // 1,000 h course: 200.0 h of absence is allowed, 201 h (79.9 %) is not.
        var marks = new List<SessionMark> { new(Start, 799m, Attendance.Present), new(Start.AddDays(1), 201m, Attendance.Absent) };

        var standing = AttendanceRule.Standing(1000m, marks, Defaults);

        Assert.Equal(0.799m, standing.Rate);
        Assert.False(standing.CanStillQualify);
        Assert.Equal(-1m, standing.RemainingAbsentHours);
        Assert.False(AttendanceRule.MaySitExam(1000m, marks, Defaults));
    }

    [Fact]
    public void A_learner_who_has_spent_the_absence_budget_early_can_no_longer_qualify_though_the_course_goes_on()
    {
        // 10 sessions of 2 h held of a 100 h course: 22 h absent is more than the 20 h the whole course allows.
        var marks = Marks(2m, [.. Repeat(Attendance.Absent, 11)]);

        var standing = AttendanceRule.Standing(100m, marks, Defaults);

        Assert.False(standing.CanStillQualify);
        Assert.Equal(0m, standing.Rate);
    }

    [Fact]
    public void Excused_absences_count_as_absence_by_default_and_not_when_the_provider_forgives_them()
    {
        var marks = Marks(5m, [.. Repeat(Attendance.Present, 15), .. Repeat(Attendance.Excused, 5)]);

        Assert.False(AttendanceRule.MaySitExam(100m, marks, Defaults));
        Assert.True(AttendanceRule.MaySitExam(100m, marks, Defaults with { ExcusedCountsAsAbsence = false }));
    }

    [Fact]
    public void Late_counts_as_attended()
    {
        var standing = AttendanceRule.Standing(20m, Marks(2m, Repeat(Attendance.Late, 10)), Defaults);

        Assert.Equal(1m, standing.Rate);
        Assert.Equal(0m, standing.AbsentHours);
    }

    [Fact]
    public void Three_consecutive_unexcused_absences_flag_a_follow_up_and_coming_back_clears_it()
    {
        var flagged = AttendanceRule.Standing(60m, Marks(3m, Attendance.Present, Attendance.Absent, Attendance.Absent, Attendance.Absent), Defaults);
        var two = AttendanceRule.Standing(60m, Marks(3m, Attendance.Absent, Attendance.Absent), Defaults);
        var back = AttendanceRule.Standing(60m, Marks(3m, Attendance.Absent, Attendance.Absent, Attendance.Absent, Attendance.Late), Defaults);

        Assert.True(flagged.NeedsFollowUp);
        Assert.Equal(3, flagged.ConsecutiveUnexcused);
        Assert.False(two.NeedsFollowUp);
        Assert.False(back.NeedsFollowUp);
        Assert.Equal(0, back.ConsecutiveUnexcused);
    }

    [Fact]
    public void An_excused_absence_neither_counts_in_the_run_nor_ends_it()
    {
        var standing = AttendanceRule.Standing(60m, Marks(3m, Attendance.Absent, Attendance.Excused, Attendance.Absent, Attendance.Absent), Defaults);

        Assert.Equal(3, standing.ConsecutiveUnexcused);
        Assert.True(standing.NeedsFollowUp);
    }

    [Fact]
    public void The_run_is_read_in_date_order_whatever_order_the_marks_come_in()
    {
        var marks = Marks(3m, Attendance.Absent, Attendance.Absent, Attendance.Absent, Attendance.Present);
        marks.Reverse();

        Assert.Equal(0, AttendanceRule.Standing(60m, marks, Defaults).ConsecutiveUnexcused);
    }

    [Fact]
    public void Before_any_session_there_is_no_rate_and_the_whole_budget_is_left()
    {
        var standing = AttendanceRule.Standing(192m, [], Defaults);

        Assert.Null(standing.Rate);
        Assert.Equal(38.4m, standing.RemainingAbsentHours);
        Assert.True(standing.CanStillQualify);
    }

    [Fact]
    public void Nonsense_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AttendanceRule.Standing(-1m, [], Defaults));
        Assert.Throws<ArgumentOutOfRangeException>(() => AttendanceRule.Standing(10m, [new(Start, -2m, Attendance.Present)], Defaults));
        Assert.Throws<ArgumentOutOfRangeException>(() => AttendanceRule.Standing(10m, [], Defaults with { MinimumShare = 1.2m }));
    }
}
