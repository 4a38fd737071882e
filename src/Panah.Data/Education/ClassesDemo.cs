using Microsoft.EntityFrameworkCore;
using Panah.Core.Education;
using Panah.Core.Registry;
using Panah.Data.Access;
using Panah.Data.Audit;
using Panah.Data.Demo;
using Panah.Data.Erasure;
using Panah.Data.Registry;

namespace Panah.Data.Education;

/// <summary>
/// Turkish classes in the demo: a course per level, an A1 section in every field office (Sefaköy's for women only,
/// with a crèche) taught by the demo teacher, twelve learners each, and a waitlist of applicants with mixed priorities.
/// Every learner and applicant has consented to education first: the demo records that consent in their sealed record.
/// </summary>
public sealed class ClassesDemo(PanahDbContext db, AccessScope scope, RegistrySealer sealer, AuditLog audit, TimeProvider clock) : IDemoPart
{
    private const int Learners = 12;
    private const int Waiting = 10;

    public int Order => 70;

    public string Name => "Turkish courses, sections, learners and waitlists";

    public async Task SeedAsync(CancellationToken ct)
    {
        scope.Everything("demo: Turkish classes");
        if (await db.Courses.AnyAsync(ct))
        {
            return;
        }
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        // Yunus Emre Institute practice: 72 guided hours per course.
        var courses = Enum.GetValues<CefrLevel>().Where(l => l != CefrLevel.A0)
            .Select(l => new Course { Level = l, Name = $"Turkish {l}", GuidedHours = 72, Version = 1 }).ToList();
        db.Courses.AddRange(courses);
        await db.SaveChangesAsync(ct);
        var teacher = await db.Users.Where(u => u.Email == "teacher@" + DemoSeeder.Domain).Select(u => u.Id).FirstOrDefaultAsync(ct);
        var monday = today.AddDays(((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7);
        var people = 0;
        foreach (var office in await db.FieldOffices.AsNoTracking().OrderBy(o => o.Id).ToListAsync(ct))
        {
            var womenOnly = office.Code == "SEF";
            // Kayseri's class began three weeks ago, so the demo has registers taken (the learning part takes them); the others start next week.
            var running = office.Code == "KAY";
            var starts = running ? monday.AddDays(-21) : monday;
            var section = new ClassSection
            {
                CourseId = courses[0].Id, FieldOfficeId = office.Id, Name = $"{office.Code} A1 morning", TeacherId = teacher, Capacity = 16, MinimumToOpen = 10,
                WomenOnly = womenOnly, CrechePlaces = womenOnly ? 6 : 0, TimeOfDay = TimeOfDay.Morning, StartsOn = starts, EndsOn = starts.AddDays(7 * 9 - 3),
                Status = running ? SectionStatus.Running : SectionStatus.Planned, Version = 1,
            };
            db.ClassSections.Add(section);
            await db.SaveChangesAsync(ct);
            db.ClassSessions.AddRange(Enumerable.Range(0, 18).Select(i => new ClassSession
            {
                SectionId = section.Id, Date = starts.AddDays(i / 2 * 7 + i % 2 * 2), StartsAt = new TimeOnly(9, 30), Hours = 4,
            }));
            var adults = await db.People.Include(p => p.Key)
                .Where(p => p.FieldOfficeId == office.Id && p.MergedIntoId == null && p.BirthYear != null && p.BirthYear <= today.Year - 18 && p.BirthYear >= today.Year - 60
                    && (p.Sex == Sex.Female || !womenOnly))
                .OrderBy(p => p.Id).Take(Learners + Waiting).ToListAsync(ct);
            for (var i = 0; i < adults.Count; i++)
            {
                var person = adults[i];
                if (person.Key!.IsErased())
                {
                    continue;
                }
                RecordConsent(person, today.AddDays(-20 - i));
                var application = new ClassApplication
                {
                    Id = Guid.CreateVersion7(), PersonId = person.Id, HouseholdId = person.HouseholdId, FieldOfficeId = office.Id, Level = CefrLevel.A1,
                    WomenOnly = womenOnly && i % 2 == 0, CrecheChildren = womenOnly ? i % 3 : 0, ResidencePermitNeedsTurkish = i % 3 == 0, WorkNeedsTurkish = i % 4 == 1,
                    IsWoman = person.Sex == Sex.Female, WomanHeadOfHousehold = person.Sex == Sex.Female && person.Relationship == Relationship.Head,
                    AppliedAt = now.AddDays(-120 + i * 5), Status = i < Learners ? ApplicationStatus.Enrolled : ApplicationStatus.Waiting, Version = 1,
                };
                db.ClassApplications.Add(application);
                if (i < Learners)
                {
                    db.Enrolments.Add(new Enrolment
                    {
                        Id = Guid.CreateVersion7(), SectionId = section.Id, ApplicationId = application.Id, PersonId = person.Id, HouseholdId = person.HouseholdId,
                        FieldOfficeId = office.Id, SeatNumber = i + 1, Status = EnrolmentStatus.Enrolled, CrecheChildren = application.CrecheChildren,
                        OfferedAt = application.AppliedAt.AddDays(30), EnrolledAt = application.AppliedAt.AddDays(30), DecidedBy = "demo", Version = 1,
                    });
                }
                people++;
            }
        }
        await audit.SaveAsync(db, new AuditEvent("demo.seed", "section", null, $"courses={courses.Count} people={people}"), ct);
    }

    /// <summary>Records the person's consent to education (the rule every enrolment checks) in their sealed record.</summary>
    private void RecordConsent(Entities.PersonRecord person, DateOnly on)
    {
        var key = sealer.OpenKey(person.Key!);
        var details = RegistrySealer.OpenPerson(key, person);
        if (details.Consents.Any(c => c.Purpose == ConsentPurpose.Education && c.WithdrawnOn is null))
        {
            return;
        }
        person.Sealed = RegistrySealer.SealPerson(key, person.Id, details with { Consents = [.. details.Consents, new Core.Registry.Consent(ConsentPurpose.Education, on, "2026-1")] });
        person.Version++;
        person.UpdatedAt = clock.GetUtcNow();
    }
}
