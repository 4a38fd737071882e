using Microsoft.EntityFrameworkCore;
using Panah.Core.Education;
using Panah.Core.Registry;
using Panah.Data.Audit;
using Panah.Data.Erasure;
using Panah.Data.Validation;

namespace Panah.Data.Education;

/// <summary>What an applicant asks for, and the reasons they give for priority.</summary>
public sealed record ApplicationInput(
    Guid PersonId, int? PlacementScore, bool Beginner, int? SiteOfficeId, TimeOfDay? TimeOfDay, bool WomenOnly, int CrecheChildren,
    bool ResidencePermitNeedsTurkish, bool WorkNeedsTurkish, bool RepeatsLevel);

public sealed record ApplicationView(Guid Id, Guid PersonId, CefrLevel Level, int? PlacementScore, ApplicationStatus Status, DateTimeOffset AppliedAt);

/// <summary>
/// A registered person (of the coordinator's offices) applies for the level their placement score gives, or A1 as a
/// beginner without a test. Their sex and whether they are a woman heading her household come from the registry's
/// clear columns; one open application per person and level.
/// </summary>
public sealed class ClassApplications(PanahDbContext db, EducationOptions options, AuditLog audit, TimeProvider clock)
{
    /// <exception cref="FieldException">The person is not in scope, already waiting for that level, or an input is out of range.</exception>
    public async Task<ApplicationView> ApplyAsync(ApplicationInput input, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, List<string>>();
        var person = await db.People.AsNoTracking().Include(p => p.Key)
            .FirstOrDefaultAsync(p => p.Id == input.PersonId && p.MergedIntoId == null, ct);
        if (person is null || person.Key!.IsErased())
        {
            throw new FieldException("personId", "Education.NoSuchPerson");
        }
        if (input.PlacementScore is { } score && (score < 0 || score > PlacementBands.MaxScore))
        {
            errors["placementScore"] = ["Education.ScoreInvalid"];
        }
        else if (input.PlacementScore is null && !input.Beginner)
        {
            errors["placementScore"] = ["Education.ScoreOrBeginner"];
        }
        if (input.CrecheChildren is < 0 or > 10)
        {
            errors["crecheChildren"] = ["Education.CrecheInvalid"];
        }
        if (input.SiteOfficeId is { } site && !await db.FieldOffices.AnyAsync(o => o.Id == site, ct))
        {
            errors["siteOfficeId"] = ["Education.NoSuchSite"];
        }
        if (input.TimeOfDay is { } time && !Enum.IsDefined(time))
        {
            errors["timeOfDay"] = ["Education.TimeOfDayInvalid"];
        }
        if (errors.Count > 0)
        {
            throw new FieldException(errors);
        }
        var level = options.Placement.CourseLevel(input.PlacementScore);
        if (await db.ClassApplications.AnyAsync(a => a.PersonId == person.Id && a.Level == level
            && (a.Status == ApplicationStatus.Waiting || a.Status == ApplicationStatus.Offered || a.Status == ApplicationStatus.Enrolled), ct))
        {
            throw new FieldException("personId", "Education.AlreadyApplied");
        }
        var woman = person.Sex == Sex.Female;
        var application = new ClassApplication
        {
            Id = Guid.CreateVersion7(),
            PersonId = person.Id,
            HouseholdId = person.HouseholdId,
            FieldOfficeId = person.FieldOfficeId,
            Level = level,
            PlacementScore = input.PlacementScore,
            SiteOfficeId = input.SiteOfficeId,
            TimeOfDay = input.TimeOfDay,
            WomenOnly = input.WomenOnly,
            CrecheChildren = input.CrecheChildren,
            ResidencePermitNeedsTurkish = input.ResidencePermitNeedsTurkish,
            WorkNeedsTurkish = input.WorkNeedsTurkish,
            RepeatsLevel = input.RepeatsLevel,
            IsWoman = woman,
            WomanHeadOfHousehold = woman && person.Relationship == Relationship.Head,
            AppliedAt = clock.GetUtcNow(),
            Status = ApplicationStatus.Waiting,
            Version = 1,
        };
        db.ClassApplications.Add(application);
        await audit.SaveAsync(db, new AuditEvent("education.apply", "application", application.Id.ToString(), $"level={level}") { People = [person.Id] }, ct);
        return View(application);
    }

    /// <summary>Takes a waiting application off the list; false when it is not in scope or not waiting.</summary>
    public async Task<bool> WithdrawAsync(Guid id, CancellationToken ct = default)
    {
        var application = await db.ClassApplications.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null || application.Status != ApplicationStatus.Waiting)
        {
            return false;
        }
        application.Status = ApplicationStatus.Withdrawn;
        application.Version++;
        await audit.SaveAsync(db, new AuditEvent("education.apply.withdraw", "application", id.ToString()) { People = [application.PersonId] }, ct);
        return true;
    }

    public async Task<ApplicationView?> FindAsync(Guid id, CancellationToken ct = default) =>
        await db.ClassApplications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) is { } a ? View(a) : null;

    private static ApplicationView View(ClassApplication a) => new(a.Id, a.PersonId, a.Level, a.PlacementScore, a.Status, a.AppliedAt);
}
