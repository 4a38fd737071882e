namespace Panah.Core.Education;

/// <summary>What a teacher records for one learner at one session.</summary>
public enum Attendance
{
    Present = 0,
    Late = 1,
    Excused = 2,
    Absent = 3,
}

/// <summary>One held session as the rule sees it: its hours and the learner's mark.</summary>
public readonly record struct SessionMark(DateOnly Date, decimal Hours, Attendance Mark);

/// <summary>
/// The attendance rule of Turkey's Public Education Centres (MEB) and TÖMER centres: absence at most a fifth of the
/// course's hours, so 80 % attendance to sit the exam and get a certificate. Hours are decimals so that exactly 80 %
/// is exactly 80 % (0.8 × 180 h is 144 h, not 143.99999).
/// </summary>
public sealed record AttendanceOptions
{
    /// <summary>The share of the course's hours a learner must attend to sit the exam (MEB: absence ≤ 1/5).</summary>
    public decimal MinimumShare { get; init; } = 0.80m;

    /// <summary>
    /// Whether an excused absence (a sick note) counts as absence. Hitit TÖMER counts sick notes as absence, and so does
    /// the MEB rule, which knows no excuse; a provider that forgives them sets this to false.
    /// </summary>
    public bool ExcusedCountsAsAbsence { get; init; } = true;

    /// <summary>Consecutive unexcused absences after which a learner is flagged for a follow-up call (local practice).</summary>
    public int FollowUpAfterConsecutiveAbsences { get; init; } = 3;
}

/// <summary>Where a learner stands against the attendance rule after the sessions held so far.</summary>
/// <param name="HeldHours">Hours of the sessions held so far that the learner was expected at.</param>
/// <param name="AbsentHours">Hours counted as absence (absent, and excused where they count).</param>
/// <param name="AllowedAbsentHours">The course's absence budget: (1 − minimum share) × the course's hours.</param>
/// <param name="ConsecutiveUnexcused">Unexcused absences since the learner last came (present or late).</param>
/// <param name="NeedsFollowUp">The run has reached the configured length: someone should call the learner.</param>
public sealed record AttendanceStanding(
    decimal HeldHours,
    decimal AbsentHours,
    decimal AllowedAbsentHours,
    int ConsecutiveUnexcused,
    bool NeedsFollowUp)
{
    /// <summary>The share of held hours attended, or null before any session.</summary>
    public decimal? Rate => HeldHours == 0 ? null : (HeldHours - AbsentHours) / HeldHours;

    /// <summary>Absence hours left before the learner loses the right to sit the exam.</summary>
    public decimal RemainingAbsentHours => AllowedAbsentHours - AbsentHours;

    /// <summary>
    /// Whether the learner can still reach the rule by the end of the course. Absence only grows, so once the budget
    /// is spent the learner cannot: the teacher and the coordinator are warned from then on.
    /// </summary>
    public bool CanStillQualify => AbsentHours <= AllowedAbsentHours;
}

public static class AttendanceRule
{
    /// <summary>
    /// The learner's standing. <paramref name="courseHours"/> is the section's planned hours in all (the rule is on the
    /// course's hours, not on those held so far); the marks may come in any order.
    /// </summary>
    public static AttendanceStanding Standing(decimal courseHours, IEnumerable<SessionMark> marks, AttendanceOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(courseHours);
        if (options.MinimumShare is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "The minimum attendance share must be between 0 and 1.");
        }
        decimal held = 0, absent = 0;
        var run = 0;
        foreach (var m in marks.OrderBy(m => m.Date))
        {
            ArgumentOutOfRangeException.ThrowIfNegative(m.Hours);
            held += m.Hours;
            if (CountsAsAbsence(m.Mark, options))
            {
                absent += m.Hours;
            }
            // An excused absence neither counts towards the run nor ends it: the learner has still not come back.
            run = m.Mark switch
            {
                Attendance.Absent => run + 1,
                Attendance.Excused => run,
                _ => 0,
            };
        }
        var allowed = (1 - options.MinimumShare) * courseHours;
        var followUp = options.FollowUpAfterConsecutiveAbsences > 0 && run >= options.FollowUpAfterConsecutiveAbsences;
        return new AttendanceStanding(held, absent, allowed, run, followUp);
    }

    /// <summary>
    /// Whether the learner may sit the exam: at the end of the course, attended hours at least the minimum share of the
    /// course's hours. Exactly 80 % may; 79.9 % may not.
    /// </summary>
    public static bool MaySitExam(decimal courseHours, IEnumerable<SessionMark> marks, AttendanceOptions options) =>
        Standing(courseHours, marks, options).CanStillQualify;

    public static bool CountsAsAbsence(Attendance mark, AttendanceOptions options) =>
        mark == Attendance.Absent || (mark == Attendance.Excused && options.ExcusedCountsAsAbsence);
}
