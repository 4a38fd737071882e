using Panah.Data.Dashboards;
using Panah.Web.Features.Registry;

namespace Panah.Web.Features.Dashboards;

public sealed record MonthCountDto(string Month, int Count);

public sealed record NamedCountDto(string Name, int Count);

/// <summary>People of one sex by age bracket: 0–4, 5–11, 12–17, 18–59, 60+, then unknown age.</summary>
public sealed record PyramidRowDto(string Sex, IReadOnlyList<int> Ages, int Total);

public sealed record RegistryDashboardDto(
    string From, string To, string? Office, IReadOnlyList<MonthCountDto> Arrivals, int Households, int People,
    IReadOnlyList<PyramidRowDto> Pyramid, IReadOnlyList<NamedCountDto> SpecificNeeds, int PermitsExpiring30, int PermitsExpiring60, int PermitsExpiring90);

public sealed record DashboardCycleDto(int CycleId, string Cycle, DateOnly StartsOn, int PeopleReached, decimal Tonnes, int Collected, int Approved, double? CollectionRate);

/// <summary>Households surveyed per CARI category 1–4; null is a hidden small count.</summary>
public sealed record FoodDashboardDto(
    string From, string To, string? Office, IReadOnlyList<DashboardCycleDto> Cycles, int PeopleReached, decimal Tonnes, double? CollectionRate,
    int CariSurveyed, IReadOnlyList<int?> Cari, int SuppressBelow);

public sealed record EducationDashboardDto(
    string From, string To, string? Office, IReadOnlyList<NamedCountDto> Enrolments, double? AttendanceRate, int AttendanceMarks,
    double? PassRate, int Passed, int Completed, int Waiting, IReadOnlyList<NamedCountDto> WaitlistByLevel, IReadOnlyList<LevelWaitDto> MedianWaitByLevel,
    IReadOnlyList<LevelFillDto> FillByLevel, IReadOnlyDictionary<string, IReadOnlyList<LearnerGroupDto>> Learners);

/// <summary>
/// The learners of one group of the period's sections (<c>learners</c> is keyed level, site, sex, ageGroup): how many,
/// their attendance marks, how many completed and passed, and the rates (null where there is nothing to divide by).
/// </summary>
public sealed record LearnerGroupDto(string Key, int Learners, int Marks, int Completed, int Passed, double? AttendanceRate, double? CompletionRate, double? PassRate);

/// <summary>Applicants waiting for a level, and the median of how long they have waited so far in days (null: nobody waits).</summary>
public sealed record LevelWaitDto(string Level, int Waiting, double? MedianDays);

/// <summary>A level's sections running in the period: how many, their seats, the seats learners hold, and the share held (null: no seats).</summary>
public sealed record LevelFillDto(string Level, int Sections, int Seats, int Taken, double? Rate);

/// <summary>Open cases of one type by risk (high, medium, low); null is a hidden small count.</summary>
public sealed record CaseTypeRowDto(string Type, IReadOnlyList<int?> ByRisk, int? Total);

public sealed record ProtectionDashboardDto(
    string? Office, IReadOnlyList<string> Risks, IReadOnlyList<CaseTypeRowDto> Open, IReadOnlyList<int?> OpenByRisk, int? OpenTotal, int? OverdueTasks, int SuppressBelow);

public static class DashboardMapping
{
    public static RegistryDashboardDto ToDto(RegistryFigures f, DashboardFilter q, string? office) => new(
        DashboardQuery.Format(q.From), DashboardQuery.Format(q.To), office,
        [.. f.Arrivals.Select(a => new MonthCountDto(DashboardQuery.Format(a.Month), a.Count))], f.Households, f.People,
        [.. f.Pyramid.Select(r => new PyramidRowDto(EnumNames.Name(r.Sex), r.Ages, r.Total))],
        [.. f.Needs.Select(n => new NamedCountDto(EnumNames.Name(n.Need), n.Count))], f.Permits.Within30, f.Permits.Within60, f.Permits.Within90);

    public static FoodDashboardDto ToDto(FoodFigures f, DashboardFilter q, string? office) => new(
        DashboardQuery.Format(q.From), DashboardQuery.Format(q.To), office,
        [.. f.Cycles.Select(c => new DashboardCycleDto(c.CycleId, c.Name, c.StartsOn, c.PeopleReached, Math.Round(c.Tonnes, 3), c.Collected, c.Approved, c.CollectionRate))],
        f.PeopleReached, Math.Round(f.Tonnes, 3), f.CollectionRate, f.Cari.Surveyed, f.Cari.Counts, f.Cari.SuppressBelow);

    public static EducationDashboardDto ToDto(EducationFigures f, DashboardFilter q, string? office) => new(
        DashboardQuery.Format(q.From), DashboardQuery.Format(q.To), office,
        [.. f.Enrolments.Select(e => new NamedCountDto(e.Level.ToString(), e.Count))], f.AttendanceRate, f.Marks, f.PassRate, f.Passed, f.Completed,
        f.Waiting, [.. f.Waitlist.Select(e => new NamedCountDto(e.Level.ToString(), e.Count))],
        [.. f.Waitlist.Select(e => new LevelWaitDto(e.Level.ToString(), e.Count, e.MedianDays is { } d ? Math.Round(d, 1) : null))],
        [.. f.Fill.Select(e => new LevelFillDto(e.Level.ToString(), e.Sections, e.Seats, e.Taken, e.Rate))],
        f.Groups.ToDictionary(g => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(g.Key.ToString()), g => (IReadOnlyList<LearnerGroupDto>)[.. g.Value.Select(x =>
            new LearnerGroupDto(x.Key, x.Learners, x.Marks, x.Completed, x.Passed, x.AttendanceRate, x.CompletionRate, x.PassRate))]));

    public static ProtectionDashboardDto ToDto(ProtectionFigures f, string? office) => new(
        office, [.. f.Risks.Select(r => EnumNames.Name(r))],
        [.. f.Types.Select((t, i) => new CaseTypeRowDto(EnumNames.Name(t), f.Open[i], f.OpenByType[i]))], f.OpenByRisk, f.OpenTotal, f.OverdueTasks, f.SuppressBelow);
}
