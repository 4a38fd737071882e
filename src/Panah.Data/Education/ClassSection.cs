using Panah.Core.Education;

namespace Panah.Data.Education;

public enum SectionStatus
{
    /// <summary>Taking applicants; it opens once <see cref="ClassSection.MinimumToOpen"/> learners are enrolled.</summary>
    Planned = 0,
    Running = 1,
    Closed = 2,
    Cancelled = 3,
}

/// <summary>
/// One group of learners of a course: its site (a field office), its teacher (a staff account), its seats, and
/// whether it is for women only and has crèche places. Seats are held by <see cref="Enrolment"/> rows, one seat
/// number each, which the database keeps unique per section.
/// </summary>
public sealed class ClassSection
{
    public int Id { get; set; }
    public int CourseId { get; set; }
    public Course? Course { get; set; }

    /// <summary>The site: the field office where the class meets (and whose coordinators run it).</summary>
    public int FieldOfficeId { get; set; }
    public required string Name { get; set; }

    /// <summary>The teacher's staff account id; null until one is assigned.</summary>
    public string? TeacherId { get; set; }
    public int Capacity { get; set; }
    public int MinimumToOpen { get; set; }
    public bool WomenOnly { get; set; }

    /// <summary>Children the section's crèche takes while their mothers are in class (0: no crèche).</summary>
    public int CrechePlaces { get; set; }
    public TimeOfDay TimeOfDay { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public SectionStatus Status { get; set; }
    public long Version { get; set; }
}

/// <summary>One meeting of a section on the timetable; its hours count towards the course's attendance.</summary>
public sealed class ClassSession
{
    public int Id { get; set; }
    public int SectionId { get; set; }
    public DateOnly Date { get; set; }
    public TimeOnly StartsAt { get; set; }
    public decimal Hours { get; set; }
}
