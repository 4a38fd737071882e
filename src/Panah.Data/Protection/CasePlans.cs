using Microsoft.EntityFrameworkCore;
using Panah.Core.Protection;
using Panah.Data.Access;
using Panah.Data.Audit;

namespace Panah.Data.Protection;

/// <summary>
/// A case's plan (goals and actions, who and by when) and the services the organisation provides itself. The first
/// goal moves the case to the case plan stage; a service under way keeps it at the services stage until completed,
/// as a referral does. The plan is approved through the case's approvals (<see cref="ApprovalSubject.CasePlan"/>).
/// Only the owner changes them; a case outside the scope is not found (null: 404).
/// </summary>
public sealed class CasePlans(PanahDbContext db, AccessScope scope, CaseReads reads, CaseWork work, CaseTaskClock tasks, TimeProvider clock)
{
    public const int MaxText = 2_000;

    /// <summary>The in-house services a case worker records (the partner directory's codes where they overlap).</summary>
    public static readonly IReadOnlyList<string> ServiceTypes = ["psychosocial", "health", "legal", "shelter", "education", "material", "other"];

    public async Task<CasePlanView?> OfCaseAsync(Guid caseId, CancellationToken ct = default)
    {
        if (await reads.FindAsync(caseId, "case.plan", ct) is not { } row)
        {
            return null;
        }
        return await ViewAsync(row, reads.KeyOf(row), ct);
    }

    /// <summary>The plan of a case already read (and audited) by the caller.</summary>
    public async Task<CasePlanView> ViewAsync(ProtectionCase row, byte[] key, CancellationToken ct = default)
    {
        // Ordered here: SQLite cannot order DateTimeOffset values.
        var items = (await db.CasePlanItems.AsNoTracking().Where(i => i.CaseId == row.Id).ToListAsync(ct)).OrderBy(i => i.AddedAt).Select(i => ToView(i, key)).ToList();
        var services = (await db.CaseServices.AsNoTracking().Where(s => s.CaseId == row.Id).ToListAsync(ct)).OrderByDescending(s => s.ProvidedOn).ThenByDescending(s => s.RecordedAt)
            .Select(s => ToView(s, key)).ToList();
        var pending = await db.CaseApprovals.AnyAsync(a => a.CaseId == row.Id && a.Subject == ApprovalSubject.CasePlan && a.Status == ApprovalStatus.Requested, ct);
        return new CasePlanView(items, services, pending);
    }

    public async Task<PlanItemView?> AddItemAsync(Guid caseId, long expectedVersion, PlanItemInput input, CancellationToken ct = default)
    {
        if (await work.OwnedAsync(caseId, expectedVersion, ct) is not { } row)
        {
            return null;
        }
        var goal = Text(input.Goal);
        if (goal is null || Text(input.Action) is { Length: > MaxText } || Text(input.Who) is { Length: > MaxText } || goal.Length > MaxText)
        {
            throw new CaseRefusedException("Protection.PlanItemInvalid");
        }
        Open(row);
        var now = clock.GetUtcNow();
        var key = reads.KeyOf(row);
        var item = new CasePlanItem { Id = Guid.CreateVersion7(), CaseId = caseId, DueOn = input.DueOn, AddedBy = scope.StaffUserId!, AddedAt = now, Sealed = [] };
        item.Sealed = CaseSealer.Seal(key, "plan", item.Id, new PlanItemText(goal, Text(input.Action), Text(input.Who)));
        db.CasePlanItems.Add(item);
        row.CasePlanAt ??= now;
        foreach (var task in await db.CaseTasks.Where(t => t.CaseId == caseId && t.Kind == CaseTaskKind.CasePlan && t.DoneAt == null).ToListAsync(ct))
        {
            task.DoneAt = now;
        }
        CaseWork.Touch(row, now);
        await work.SaveAsync(new AuditEvent("case.plan.add", "protection-case", caseId.ToString(), $"item={item.Id}") { People = People(row) }, ct);
        return ToView(item, key);
    }

    public async Task<PlanItemView?> CompleteItemAsync(Guid caseId, long expectedVersion, Guid itemId, CancellationToken ct = default)
    {
        var item = await db.CasePlanItems.FirstOrDefaultAsync(i => i.Id == itemId && i.CaseId == caseId, ct);
        if (item is null || await work.OwnedAsync(caseId, expectedVersion, ct) is not { } row)
        {
            return null;
        }
        if (item.DoneAt is not null)
        {
            throw new CaseRefusedException("Protection.AlreadyDone");
        }
        var now = clock.GetUtcNow();
        item.DoneAt = now;
        CaseWork.Touch(row, now);
        await work.SaveAsync(new AuditEvent("case.plan.done", "protection-case", caseId.ToString(), $"item={item.Id}") { People = People(row) }, ct);
        return ToView(item, reads.KeyOf(row));
    }

    /// <summary>Records a service provided in-house; it is under way (services stage) until completed.</summary>
    public async Task<ServiceView?> RecordServiceAsync(Guid caseId, long expectedVersion, ServiceInput input, CancellationToken ct = default)
    {
        if (await work.OwnedAsync(caseId, expectedVersion, ct) is not { } row)
        {
            return null;
        }
        var type = input.Type?.Trim();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (type is null || !ServiceTypes.Contains(type) || input.ProvidedOn is not { } on || on > today.AddDays(1) || Text(input.Note) is { Length: > MaxText })
        {
            throw new CaseRefusedException("Protection.ServiceInvalid");
        }
        Open(row);
        var now = clock.GetUtcNow();
        var key = reads.KeyOf(row);
        var service = new CaseService { Id = Guid.CreateVersion7(), CaseId = caseId, Type = type, ProvidedOn = on, ProvidedBy = scope.StaffUserId!, RecordedAt = now, Sealed = [] };
        service.Sealed = CaseSealer.Seal(key, "service", service.Id, new ServiceNote(Text(input.Note)));
        db.CaseServices.Add(service);
        db.CaseTasks.Add(new CaseTask { CaseId = caseId, Kind = CaseTaskKind.Service, CreatedAt = now, DueAt = tasks.DueAt(CaseTaskKind.Service, row.Risk, now), SubjectId = service.Id });
        row.OpenServices++;
        CaseWork.Touch(row, now);
        await work.SaveAsync(new AuditEvent("case.service.record", "protection-case", caseId.ToString(), $"service={service.Id} type={type}") { People = People(row) }, ct);
        return ToView(service, key);
    }

    /// <summary>The service is provided in full: it counts as provided (follow-up once nothing else is under way).</summary>
    public async Task<ServiceView?> CompleteServiceAsync(Guid caseId, long expectedVersion, Guid serviceId, CancellationToken ct = default)
    {
        var service = await db.CaseServices.FirstOrDefaultAsync(s => s.Id == serviceId && s.CaseId == caseId, ct);
        if (service is null || await work.OwnedAsync(caseId, expectedVersion, ct) is not { } row)
        {
            return null;
        }
        if (service.CompletedAt is not null)
        {
            throw new CaseRefusedException("Protection.AlreadyDone");
        }
        var now = clock.GetUtcNow();
        service.CompletedAt = now;
        row.OpenServices = Math.Max(0, row.OpenServices - 1);
        row.ServicesProvided++;
        foreach (var task in await db.CaseTasks.Where(t => t.CaseId == caseId && t.SubjectId == serviceId && t.DoneAt == null).ToListAsync(ct))
        {
            task.DoneAt = now;
        }
        CaseWork.Touch(row, now);
        await work.SaveAsync(new AuditEvent("case.service.complete", "protection-case", caseId.ToString(), $"service={service.Id}") { People = People(row) }, ct);
        return ToView(service, reads.KeyOf(row));
    }

    private static void Open(ProtectionCase row)
    {
        if (CaseStages.IsClosed(row.Facts))
        {
            throw new CaseRefusedException("Protection.AlreadyClosed");
        }
    }

    private static string? Text(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static Guid[] People(ProtectionCase row) => row.PersonId is { } p ? [p] : [];

    private static PlanItemView ToView(CasePlanItem i, byte[] key)
    {
        var text = CaseSealer.Open<PlanItemText>(key, "plan", i.Id, i.Sealed);
        return new PlanItemView(i.Id, text.Goal, text.Action, text.Who, i.DueOn, i.AddedAt, i.DoneAt, i.ApprovedAt);
    }

    private static ServiceView ToView(CaseService s, byte[] key) =>
        new(s.Id, s.Type, s.ProvidedOn, s.ProvidedBy, s.RecordedAt, s.CompletedAt, CaseSealer.Open<ServiceNote>(key, "service", s.Id, s.Sealed).Note);
}

/// <summary>A supervisor's approval of the case plan approves the goals it had then (goals added later wait for the next one).</summary>
public sealed class CasePlanEffect(PanahDbContext db, TimeProvider clock) : IApprovalEffect
{
    public ApprovalSubject Subject => ApprovalSubject.CasePlan;

    public async Task ApplyAsync(ProtectionCase protectionCase, CaseApproval approval, bool approved, CancellationToken ct)
    {
        if (!approved)
        {
            return;
        }
        var now = clock.GetUtcNow();
        foreach (var item in await db.CasePlanItems.Where(i => i.CaseId == protectionCase.Id && i.ApprovedAt == null).ToListAsync(ct))
        {
            // Only the goals there when the approval was asked for.
            if (item.AddedAt <= approval.RequestedAt)
            {
                item.ApprovedAt = now;
            }
        }
    }
}
