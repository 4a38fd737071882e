using Microsoft.EntityFrameworkCore;
using Panah.Core.Protection;
using Panah.Core.Registry;
using Panah.Data.Access;
using Panah.Data.Audit;
using Panah.Data.Demo;
using Panah.Data.Registry;

namespace Panah.Data.Protection;

/// <summary>
/// Protection in the demo: one team (the demo case worker, and the supervisor account as its supervisor) and a
/// handful of the case worker's cases in different stages, among people of their offices whose specific needs
/// suggest a case, plus a GBV case opened directly (its name hidden from all but its owner). The case at the services
/// stage has a plan, an in-house service under way and a referral to one of the demo's partner organisations.
/// </summary>
public sealed class ProtectionDemo(PanahDbContext db, AccessScope scope, RegistrySealer keys, AuditLog audit, CaseTaskClock tasks, TimeProvider clock) : IDemoPart
{
    public int Order => 80;

    public string Name => "protection team and cases";

    public async Task SeedAsync(CancellationToken ct)
    {
        scope.Everything("demo: protection cases");
        if (await db.ProtectionTeams.AnyAsync(ct))
        {
            return;
        }
        var worker = await db.Users.Where(u => u.Email == "caseworker@" + DemoSeeder.Domain).Select(u => u.Id).FirstOrDefaultAsync(ct);
        var supervisor = await db.Users.Where(u => u.Email == "supervisor@" + DemoSeeder.Domain).Select(u => u.Id).FirstOrDefaultAsync(ct);
        var office = await db.FieldOffices.Where(o => o.Code == "IST").Select(o => o.Id).FirstOrDefaultAsync(ct);
        if (worker is null || office == 0)
        {
            return;
        }
        var team = new ProtectionTeam { Name = "Istanbul protection team", FieldOfficeId = office, SupervisorId = supervisor };
        db.ProtectionTeams.Add(team);
        await db.SaveChangesAsync(ct);
        db.ProtectionTeamMembers.Add(new ProtectionTeamMember { TeamId = team.Id, StaffUserId = worker });
        var suggesting = Vulnerability.UnaccompaniedChild | Vulnerability.SeparatedChild | Vulnerability.WomanHeadedHousehold;
        var people = await db.People.AsNoTracking().Include(p => p.Key)
            .Where(p => p.MergedIntoId == null && (p.FieldOfficeId == office) && (p.Vulnerabilities & suggesting) != 0)
            .OrderBy(p => p.Id).Take(4).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var stages = new Action<ProtectionCase>[]
        {
            _ => { },
            c => { c.AssessmentRequestedAt = now.AddDays(-3); },
            c => { c.AssessmentRequestedAt = now.AddDays(-20); c.CasePlanAt = now.AddDays(-12); c.OpenServices = 2; },
            c => { c.AssessmentRequestedAt = now.AddDays(-60); c.CasePlanAt = now.AddDays(-50); c.ServicesProvided = 2; c.ClosedAt = now.AddDays(-5); },
        };
        var partners = await db.Partners.AnyAsync(ct) ? await db.Partners.Where(p => p.Active).ToListAsync(ct) : Partners(now);
        var made = 0;
        foreach (var (person, i) in people.Select((p, i) => (p, i)))
        {
            var needs = person.Vulnerabilities;
            var type = needs.HasFlag(Vulnerability.UnaccompaniedChild) ? CaseType.ChildUnaccompanied : needs.HasFlag(Vulnerability.SeparatedChild) ? CaseType.ChildSeparated : CaseType.WomanAtRisk;
            var name = RegistrySealer.OpenPerson(keys.OpenKey(person.Key!), person).Name.Display;
            var opened = NewCase(person.Id, type, (RiskLevel)(i % 3 + 1), name, worker, team.Id, office, now.AddDays(-(i * 15 + 2)));
            stages[i](opened.Item1);
            Add(opened, worker, now);
            if (i == 2)
            {
                AddPlan(opened, worker, partners, now);
            }
            made++;
        }
        Add(NewCase(null, CaseType.Gbv, RiskLevel.High, "Demo survivor", worker, team.Id, office, now.AddHours(-30)), worker, now);
        if (pendingReferrals.Count > 0)
        {
            // The partners' ids are known once saved; the referrals then point at them.
            await db.SaveChangesAsync(ct);
            foreach (var (referral, partner) in pendingReferrals)
            {
                referral.PartnerId = partner.Id;
                db.CaseReferrals.Add(referral);
            }
        }
        await audit.SaveAsync(db, new AuditEvent("demo.protection", "protection-case", null, $"cases={made + 1}"), ct);
    }

    /// <summary>Partner organisations of the demo (invented), for a directory that has none.</summary>
    private List<Partner> Partners(DateTimeOffset now)
    {
        List<Partner> partners =
        [
            new() { Name = "Demo Legal Aid Centre", Services = "legal", DeskEmail = "referrals@legal.demo.panah.invalid", DeskPhone = "+90 212 000 00 01", UpdatedAt = now },
            new() { Name = "Demo Women's Health Clinic", Services = "health psychosocial", DeskEmail = "desk@clinic.demo.panah.invalid", DeskPhone = "+90 212 000 00 02", UpdatedAt = now },
            new() { Name = "Demo Safe Shelter", Services = "shelter material", DeskEmail = "intake@shelter.demo.panah.invalid", UpdatedAt = now },
        ];
        db.Partners.AddRange(partners);
        return partners;
    }

    /// <summary>The case at the services stage: a plan of two goals (one done), a counselling session under way and a referral for legal aid.</summary>
    private void AddPlan((ProtectionCase Case, byte[] Key) made, string worker, List<Partner> partners, DateTimeOffset now)
    {
        var (c, key) = made;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        (string Goal, string Action, string Who, int Due, bool Done)[] goals =
        [
            ("Enrol in the neighbourhood school", "Take the school papers to the district office", "Case worker with the guardian", 14, false),
            ("A safe place to sleep every night", "Agree the arrangement with the neighbour", "Case worker", -5, true),
        ];
        foreach (var (g, i) in goals.Select((g, i) => (g, i)))
        {
            var item = new CasePlanItem { Id = Guid.CreateVersion7(), CaseId = c.Id, DueOn = today.AddDays(g.Due), AddedBy = worker, AddedAt = now.AddDays(-12 + i), DoneAt = g.Done ? now.AddDays(-6) : null, Sealed = [] };
            item.Sealed = CaseSealer.Seal(key, "plan", item.Id, new PlanItemText(g.Goal, g.Action, g.Who));
            db.CasePlanItems.Add(item);
        }
        var service = new CaseService { Id = Guid.CreateVersion7(), CaseId = c.Id, Type = "psychosocial", ProvidedOn = today.AddDays(-3), ProvidedBy = worker, RecordedAt = now.AddDays(-3), Sealed = [] };
        service.Sealed = CaseSealer.Seal(key, "service", service.Id, new ServiceNote("Weekly counselling session, first of six"));
        db.CaseServices.Add(service);
        if (partners.FirstOrDefault(p => p.ServiceList.Contains("legal")) is not { } legal)
        {
            c.OpenServices--;
            return;
        }
        var referral = new CaseReferral
        {
            Id = Guid.CreateVersion7(), CaseId = c.Id, PartnerId = 0, Service = "legal", Status = ReferralStatus.InProgress, SharedFields = "type risk",
            ReferredBy = worker, ReferredAt = now.AddDays(-2), Sealed = [],
        };
        referral.Sealed = CaseSealer.Seal(key, "referral", referral.Id, new ReferralContent(new Dictionary<string, string?> { ["type"] = c.Type.ToString(), ["risk"] = c.Risk.ToString() }, null, null));
        pendingReferrals.Add((referral, legal));
    }

    private readonly List<(CaseReferral Referral, Partner Partner)> pendingReferrals = [];

    private (ProtectionCase, byte[]) NewCase(Guid? person, CaseType type, RiskLevel risk, string name, string owner, int team, int office, DateTimeOffset opened)
    {
        var (keyRow, key) = keys.NewKey();
        db.DataKeys.Add(keyRow);
        var id = Guid.CreateVersion7();
        return (new ProtectionCase
        {
            Id = id, Code = $"PC-{opened.Year}-D{id.ToString("N")[^5..].ToUpperInvariant()}", PersonId = person, Type = type, Risk = risk, OwnerId = owner, TeamId = team,
            FieldOfficeId = office, OpenedAt = opened, UpdatedAt = opened, NameHidden = type == CaseType.Gbv, ReportingConsent = type == CaseType.Gbv,
            DataKeyId = keyRow.Id, Sealed = CaseSealer.SealCase(key, id, new CaseDetails(name, null)),
        }, key);
    }

    /// <summary>The case, its owner's access and the task its stage waits on (the assessment of a new case is due by its risk).</summary>
    private void Add((ProtectionCase Case, byte[] Key) made, string owner, DateTimeOffset now)
    {
        var (c, key) = made;
        db.ProtectionCases.Add(c);
        db.CaseAccess.Add(new CaseAccess { CaseId = c.Id, StaffUserId = owner, Reason = CaseAccessReason.Owner, GrantedAt = c.OpenedAt });
        var kind = c.Stage switch
        {
            CaseStage.Registration => CaseTaskKind.Assessment,
            CaseStage.Assessment => CaseTaskKind.CasePlan,
            CaseStage.Services => CaseTaskKind.Service,
            _ => CaseTaskKind.FollowUp,
        };
        db.CaseTasks.Add(new CaseTask { CaseId = c.Id, Kind = kind, CreatedAt = c.OpenedAt, DueAt = tasks.DueAt(kind, c.Risk, c.OpenedAt), DoneAt = c.Stage == CaseStage.Closed ? now : null });
        if (c.Stage == CaseStage.Assessment)
        {
            var assessment = new CaseAssessment { Id = Guid.CreateVersion7(), CaseId = c.Id, RecordedBy = owner, RecordedAt = now.AddDays(-2), Sealed = [] };
            assessment.Sealed = CaseSealer.Seal(key, "assessment", assessment.Id, new AssessmentDetails("Schooling and a safe place to sleep", "Alone at night", "Speaks Turkish", c.Type.IsChild() ? "Staying with a neighbour" : null));
            db.CaseAssessments.Add(assessment);
            db.CaseApprovals.Add(new CaseApproval { CaseId = c.Id, Subject = ApprovalSubject.Assessment, SubjectId = assessment.Id, Status = ApprovalStatus.Requested, RequestedBy = owner, RequestedAt = now.AddDays(-2) });
        }
    }
}
