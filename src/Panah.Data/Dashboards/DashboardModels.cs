using Panah.Core.Education;
using Panah.Core.Protection;
using Panah.Core.Registry;

namespace Panah.Data.Dashboards;

/// <summary>The programmes a dashboard shows, each its own section (and its own policy in the web app).</summary>
public enum DashboardSection
{
    Registry = 1,
    Food = 2,
    Education = 3,
    Protection = 4,
}

/// <summary>
/// What a dashboard counts: one field office among the viewer's (or all of them), and the months <paramref name="From"/>
/// to <paramref name="To"/> inclusive (first days of months).
/// </summary>
public sealed record DashboardFilter(int? OfficeId, DateOnly From, DateOnly To)
{
    /// <summary>The day after the period: the first day of the month after <see cref="To"/>.</summary>
    public DateOnly End => To.AddMonths(1);

    /// <summary>The twelve months up to and including <paramref name="month"/>'s.</summary>
    public static DashboardFilter LastYear(int? officeId, DateOnly month)
    {
        var to = new DateOnly(month.Year, month.Month, 1);
        return new(officeId, to.AddMonths(-11), to);
    }

    /// <summary>One month, as the donor report covers.</summary>
    public static DashboardFilter Month(int? officeId, DateOnly month)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        return new(officeId, first, first);
    }
}

/// <summary>A field office the viewer may filter by.</summary>
public sealed record DashboardOffice(int Id, string Code, string Name);

public sealed record MonthCount(DateOnly Month, int Count);

public sealed record NeedCount(Vulnerability Need, int Count);

/// <summary>People of one sex by UNHCR age bracket (0–4, 5–11, 12–17, 18–59, 60+), then unknown age.</summary>
public sealed record PyramidRow(Sex Sex, IReadOnlyList<int> Ages)
{
    public int Total => Ages.Sum();
}

/// <summary>Residence permits expiring within 30, 60 and 90 days of the end of the period (each count includes the shorter ones).</summary>
public sealed record PermitsExpiring(int Within30, int Within60, int Within90);

public sealed record RegistryFigures(
    IReadOnlyList<MonthCount> Arrivals, int Households, int People, IReadOnlyList<PyramidRow> Pyramid, IReadOnlyList<NeedCount> Needs, PermitsExpiring Permits);

/// <summary>One distribution cycle's figures: people in the households that collected, tonnes collected, collected of approved entitlements.</summary>
public sealed record CycleFigures(int CycleId, string Name, DateOnly StartsOn, int PeopleReached, decimal Tonnes, int Collected, int Approved)
{
    public double? CollectionRate => Approved == 0 ? null : (double)Collected / Approved;
}

/// <summary>Households surveyed per CARI category (1 food secure … 4 severely insecure), small counts hidden (null).</summary>
public sealed record CariFigures(int Surveyed, IReadOnlyList<int?> Counts, int SuppressBelow);

public sealed record FoodFigures(IReadOnlyList<CycleFigures> Cycles, CariFigures Cari)
{
    public int PeopleReached => Cycles.Sum(c => c.PeopleReached);
    public decimal Tonnes => Cycles.Sum(c => c.Tonnes);
    public double? CollectionRate => Cycles.Sum(c => c.Approved) is var a and > 0 ? (double)Cycles.Sum(c => c.Collected) / a : null;
}

public sealed record LevelCount(CefrLevel Level, int Count);

/// <summary>Applicants waiting for a level now, and the median of how long they have waited so far (null: nobody waits).</summary>
public sealed record LevelWait(CefrLevel Level, int Count, double? MedianDays);

/// <summary>The sections of a level running in the period: their seats, and the seats learners hold (enrolled or completed).</summary>
public sealed record LevelFill(CefrLevel Level, int Sections, int Seats, int Taken)
{
    public double? Rate => Seats == 0 ? null : (double)Taken / Seats;
}

/// <summary>
/// The learners of one group (a level, a site, a sex or an age group) in the period's sections: how many, their
/// attendance marks of the period (present or late of all), how many completed their course and how many of those passed.
/// </summary>
public sealed record LearnerGroup(string Key, int Learners, int MarksPresent, int Marks, int Completed, int Passed)
{
    public double? AttendanceRate => Marks == 0 ? null : (double)MarksPresent / Marks;
    public double? CompletionRate => Learners == 0 ? null : (double)Completed / Learners;
    public double? PassRate => Completed == 0 ? null : (double)Passed / Completed;
}

/// <summary>The ways the learners are broken down.</summary>
public enum LearnerDimension
{
    Level = 1,
    Site = 2,
    Sex = 3,
    AgeGroup = 4,
}

/// <summary>
/// Enrolled learners per level in sections running in the period, attendance of its sessions, exams passed of courses
/// completed in it, the waitlist now (with its median wait), how full each level's sections are, and the learners'
/// rates by level, site, sex and age group.
/// </summary>
public sealed record EducationFigures(
    IReadOnlyList<LevelCount> Enrolments, int MarksPresent, int Marks, int Passed, int Completed, IReadOnlyList<LevelWait> Waitlist, IReadOnlyList<LevelFill> Fill,
    IReadOnlyDictionary<LearnerDimension, IReadOnlyList<LearnerGroup>> Groups)
{
    public double? AttendanceRate => Marks == 0 ? null : (double)MarksPresent / Marks;
    public double? PassRate => Completed == 0 ? null : (double)Passed / Completed;
    public int Waiting => Waitlist.Sum(w => w.Count);
}

/// <summary>Open cases by type (rows) and risk level (columns), small cells hidden (null), and overdue tasks (null when small).</summary>
public sealed record ProtectionFigures(
    IReadOnlyList<CaseType> Types, IReadOnlyList<RiskLevel> Risks, IReadOnlyList<IReadOnlyList<int?>> Open,
    IReadOnlyList<int?> OpenByType, IReadOnlyList<int?> OpenByRisk, int? OpenTotal, int? OverdueTasks, int SuppressBelow);
