using Panah.Core.Education;
using Panah.Data.Education;

namespace Panah.Web.Features.Education;

/// <summary>Every field is optional in the JSON, so a missing one is answered by name (the app requires constructor parameters).</summary>
public sealed record CourseBody(string? Level = null, string? Name = null, int? GuidedHours = null);

public sealed record CourseDto(int Id, string Level, string Name, int GuidedHours);

public sealed record SectionBody(int? CourseId = null, int? FieldOfficeId = null, string? Name = null, string? TeacherId = null, int? Capacity = null, int? MinimumToOpen = null, bool? WomenOnly = null, int? CrechePlaces = null, string? TimeOfDay = null, DateOnly? StartsOn = null, DateOnly? EndsOn = null);

public sealed record SectionDto(
    int Id, int CourseId, string Level, string Course, int FieldOfficeId, string Name, string? TeacherId, int Capacity, int MinimumToOpen,
    bool WomenOnly, int CrechePlaces, string TimeOfDay, DateOnly StartsOn, DateOnly EndsOn, string Status, int SeatsTaken, int SeatsFree, int CrecheTaken, bool CanOpen);

public sealed record SessionBody(DateOnly? Date = null, TimeOnly? StartsAt = null, decimal? Hours = null);

public sealed record SessionDto(int Id, int SectionId, DateOnly Date, TimeOnly StartsAt, decimal Hours);

public sealed record ApplicationBody(Guid? PersonId = null, int? PlacementScore = null, bool? Beginner = null, int? SiteOfficeId = null, string? TimeOfDay = null, bool? WomenOnly = null, int? CrecheChildren = null, bool? ResidencePermitNeedsTurkish = null, bool? WorkNeedsTurkish = null, bool? RepeatsLevel = null);

public sealed record ApplicationDto(Guid Id, Guid PersonId, string Level, int? PlacementScore, string Status, DateTimeOffset AppliedAt);

public sealed record EnrolBody(Guid? ApplicationId = null);

public sealed record EnrolmentDto(Guid Id, int SectionId, Guid ApplicationId, Guid PersonId, int? SeatNumber, string Status, DateTimeOffset? OfferDeadline);

public sealed record PriorityPartDto(string Reason, int Points);

/// <summary>A waitlist line: position, score and its parts ("why"), preferences; the name only when the reader may see it.</summary>
public sealed record WaitlistEntryDto(
    int Position, Guid ApplicationId, Guid PersonId, string? Name, int Score, IReadOnlyList<PriorityPartDto> Why, DateTimeOffset AppliedAt,
    bool WomenOnly, int CrecheChildren, string? TimeOfDay, bool SuitsSection);

/// <summary>A reason for priority: whether it applies, its configured weight (per 30 days for waiting) and the points it gave.</summary>
public sealed record PriorityLineDto(string Reason, bool Applies, int Weight, int Points);

/// <summary>The applicant's place in line for one section of their level at their site (null when it does not suit them).</summary>
public sealed record SectionStandingDto(
    int SectionId, string Name, string TimeOfDay, bool WomenOnly, int SeatsFree, int CrecheFree, bool Suits, bool OnlyCrecheMissing, int? Position, int InLine);

/// <summary>An application's standing: position among those waiting for its level at its site (null unless waiting), and why.</summary>
public sealed record ApplicationStandingDto(
    ApplicationDto Application, string? Name, int? SiteOfficeId, string? TimeOfDay, bool WomenOnly, int CrecheChildren, int? Position, int Waiting,
    int Score, IReadOnlyList<PriorityLineDto> Why, int MonthsWaiting, int MaxWaitingPoints, IReadOnlyList<SectionStandingDto> Sections);

public sealed record LearnerDto(Guid EnrolmentId, Guid PersonId, int? SeatNumber, string Status, string? Name, string? Phone);

public sealed record CrecheDemandDto(int Women, int Children, IReadOnlyList<CrecheDemandLevelDto> Levels);

public sealed record CrecheDemandLevelDto(string Level, int Women, int Children);

/// <summary>Views of the data layer as the API spells them (enums by name).</summary>
public static class EducationMapping
{
    public static CourseDto ToDto(CourseView c) => new(c.Id, c.Level.ToString(), c.Name, c.GuidedHours);

    public static SectionDto ToDto(SectionView s) => new(
        s.Id, s.CourseId, s.Level.ToString(), s.Course, s.FieldOfficeId, s.Name, s.TeacherId, s.Capacity, s.MinimumToOpen, s.WomenOnly, s.CrechePlaces,
        s.TimeOfDay.ToString(), s.StartsOn, s.EndsOn, s.Status.ToString(), s.SeatsTaken, s.SeatsFree, s.CrecheTaken, s.CanOpen);

    public static SessionDto ToDto(SessionView s) => new(s.Id, s.SectionId, s.Date, s.StartsAt, s.Hours);

    public static ApplicationDto ToDto(ApplicationView a) => new(a.Id, a.PersonId, a.Level.ToString(), a.PlacementScore, a.Status.ToString(), a.AppliedAt);

    public static EnrolmentDto ToDto(EnrolmentView e) => new(e.Id, e.SectionId, e.ApplicationId, e.PersonId, e.SeatNumber, e.Status.ToString(), e.OfferDeadline);

    public static WaitlistEntryDto ToDto(WaitlistEntryView w) => new(
        w.Position, w.ApplicationId, w.PersonId, w.Name?.Display, w.Score, [.. w.Parts.Select(p => new PriorityPartDto(p.Reason, p.Points))], w.AppliedAt,
        w.Preferences.WomenOnly, w.Preferences.CrecheChildren, w.Preferences.TimeOfDay?.ToString(), w.SuitsSection);

    public static ApplicationStandingDto ToDto(ApplicationStandingView a) => new(
        ToDto(a.Application), a.Name?.Display, a.Preferences.SiteOfficeId, a.Preferences.TimeOfDay?.ToString(), a.Preferences.WomenOnly, a.Preferences.CrecheChildren,
        a.Position, a.Waiting, a.Priority.Total, [.. a.Priority.Lines.Select(l => new PriorityLineDto(l.Reason, l.Applies, l.Weight, l.Points))],
        a.Priority.MonthsWaiting, a.Priority.MaxWaiting,
        [.. a.Sections.Select(s => new SectionStandingDto(s.SectionId, s.Name, s.TimeOfDay.ToString(), s.WomenOnly, s.SeatsFree, s.CrecheFree, s.Suits, s.OnlyCrecheMissing, s.Position, s.InLine))]);

    public static LearnerDto ToDto(LearnerView l) => new(l.EnrolmentId, l.PersonId, l.SeatNumber, l.Status.ToString(), l.Name?.Display, l.Phone);

    public static CrecheDemandDto ToDto(CrecheDemandView c) => new(c.Women, c.Children, [.. c.Levels.Select(l => new CrecheDemandLevelDto(l.Level.ToString(), l.Women, l.Children))]);

    /// <summary>A level or time of day by name ("B1", "morning"); false for anything else, a number among them.</summary>
    public static bool TryParse<T>(string? value, out T parsed)
        where T : struct, Enum
    {
        parsed = default;
        return value is not null && !int.TryParse(value, out _) && Enum.TryParse(value, ignoreCase: true, out parsed) && Enum.IsDefined(parsed);
    }

    public static bool TryLevel(string? value, out CefrLevel level) => TryParse(value, out level) && level != CefrLevel.A0;
}
