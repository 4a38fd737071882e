using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Panah.Core.Protection;
using Panah.Data.Access;
using Panah.Data.Audit;
using Panah.Data.Registry;
using Panah.Data.Staff;

namespace Panah.Data.Protection;

/// <summary>
/// Opening, reading and listing protection cases. Access is the query filter's (a case outside the scope is not
/// there); this store adds who may act: only a case worker opens a case, only its owner changes it.
/// </summary>
public sealed class CaseStore(PanahDbContext db, AccessScope scope, AuditLog audit, CaseReads reads, RegistrySealer keys, CaseTaskClock tasks, TimeProvider clock)
{
    public async Task<CaseView> OpenAsync(OpenCaseInput input, CancellationToken ct = default)
    {
        if (scope.Role != Roles.CaseWorker || scope.StaffUserId is not { } me)
        {
            throw new CaseRefusedException("Protection.OnlyCaseWorkers");
        }
        int office;
        var name = input.Name?.Trim();
        if (input.PersonId is { } personId)
        {
            // Through the registry's filter: a case worker opens a case only for someone they may see.
            var person = await db.People.AsNoTracking().Include(p => p.Key).FirstOrDefaultAsync(p => p.Id == personId && p.MergedIntoId == null, ct)
                ?? throw new CaseRefusedException("Protection.PersonNotFound");
            office = person.FieldOfficeId;
            name = RegistrySealer.OpenPerson(keys.OpenKey(person.Key!), person).Name.Display;
        }
        else
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new CaseRefusedException("Protection.NameRequired");
            }
            office = scope.OfficeIds.FirstOrDefault();
        }
        var now = clock.GetUtcNow();
        var (keyRow, key) = keys.NewKey();
        var id = Guid.CreateVersion7();
        var row = new ProtectionCase
        {
            Id = id,
            Code = $"PC-{now.Year}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(3))}",
            PersonId = input.PersonId,
            Type = input.Type,
            Risk = input.Risk,
            OwnerId = me,
            TeamId = scope.TeamIds.Length > 0 ? scope.TeamIds[0] : null,
            FieldOfficeId = office,
            OpenedAt = now,
            UpdatedAt = now,
            ReportingConsent = input.Type == CaseType.Gbv && input.ReportingConsent,
            NameHidden = input.Type == CaseType.Gbv,
            DataKeyId = keyRow.Id,
            Sealed = CaseSealer.SealCase(key, id, new CaseDetails(name, input.Summary?.Trim())),
        };
        db.DataKeys.Add(keyRow);
        db.ProtectionCases.Add(row);
        db.CaseAccess.Add(new CaseAccess { CaseId = id, StaffUserId = me, Reason = CaseAccessReason.Owner, GrantedAt = now });
        // Opened by its worker: assigned at once; the assessment falls due by the case's risk.
        db.CaseTasks.Add(new CaseTask { CaseId = id, Kind = CaseTaskKind.Assignment, CreatedAt = now, DueAt = tasks.DueAt(CaseTaskKind.Assignment, row.Risk, now), DoneAt = now });
        db.CaseTasks.Add(new CaseTask { CaseId = id, Kind = CaseTaskKind.Assessment, CreatedAt = now, DueAt = tasks.DueAt(CaseTaskKind.Assessment, row.Risk, now) });
        await audit.SaveAsync(db, new AuditEvent("case.open", "protection-case", id.ToString(), $"type={row.Type} risk={row.Risk}") { People = input.PersonId is { } p ? [p] : [] }, ct);
        scope.WithCases([.. scope.CaseIds, id], scope.TeamIds, scope.SupervisedTeamIds);
        row.Key = keyRow;
        return ViewOf(row, key);
    }

    /// <summary>The case, if this scope sees it; audited (and alerted for the DPO). Null means 404.</summary>
    public async Task<CaseView?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var row = await reads.FindAsync(id, "case.view", ct);
        return row is null ? null : ViewOf(row, reads.KeyOf(row));
    }

    /// <summary>The cases this staff member works on (owner or assigned; a supervisor: their team's), newest first.</summary>
    public async Task<List<CaseSummary>> MineAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var rows = await db.ProtectionCases.AsNoTracking().Include(c => c.Key).Where(c => scope.CaseIds.Contains(c.Id))
            .OrderByDescending(c => c.Id).Take(500).ToListAsync(ct);
        var overdue = await db.CaseTasks.AsNoTracking().Where(t => scope.CaseIds.Contains(t.CaseId) && t.DoneAt == null)
            .Select(t => new { t.CaseId, t.DueAt }).ToListAsync(ct);
        if (rows.Count > 0)
        {
            await audit.SaveAsync(db, new AuditEvent("case.list", "protection-case", null, $"cases={rows.Count}") { People = [.. rows.Where(r => r.PersonId != null).Select(r => r.PersonId!.Value)] }, ct);
        }
        // Due times are compared here: SQLite cannot order DateTimeOffset values.
        return rows.Select(r => new CaseSummary(r.Id, r.Code, r.Type, r.Risk, r.Stage, ShownName(r, CaseSealer.OpenCase(keys.OpenKey(r.Key!), r).Name),
            overdue.Count(t => t.CaseId == r.Id && t.DueAt < now))).ToList();
    }

    /// <summary>Open tasks of the cases this worker owns or is assigned, overdue first, then the coming 7 days.</summary>
    public async Task<List<TaskLine>> DueTasksAsync(CancellationToken ct = default)
    {
        if (scope.StaffUserId is not { } me || scope.CaseIds.Length == 0)
        {
            return [];
        }
        var own = db.CaseAccess.Where(a => a.StaffUserId == me && a.Reason != CaseAccessReason.TransfereePending).Select(a => a.CaseId);
        var open = await db.CaseTasks.AsNoTracking().Where(t => t.DoneAt == null && own.Contains(t.CaseId))
            .Join(db.ProtectionCases.Where(c => c.ClosedAt == null || c.ReopenedAt > c.ClosedAt), t => t.CaseId, c => c.Id, (t, c) => new { t.Id, t.CaseId, c.Code, t.Kind, c.Risk, t.DueAt })
            .ToListAsync(ct);
        return open.Select(t => new TaskLine(t.Id, t.CaseId, t.Code, t.Kind, t.Risk, t.DueAt, tasks.Standing(t.DueAt, null)))
            .Where(t => t.Standing is TaskStanding.Overdue or TaskStanding.Upcoming)
            .OrderBy(t => t.Standing).ThenBy(t => t.DueAt).ThenBy(t => t.Risk).ToList();
    }

    /// <summary>The tasks of one case (the filter answers for access).</summary>
    public async Task<List<TaskLine>> TasksAsync(Guid caseId, CancellationToken ct = default)
    {
        var rows = await db.CaseTasks.AsNoTracking().Where(t => t.CaseId == caseId)
            .Join(db.ProtectionCases, t => t.CaseId, c => c.Id, (t, c) => new { t, c.Code, c.Risk }).ToListAsync(ct);
        return rows.Select(x => new TaskLine(x.t.Id, x.t.CaseId, x.Code, x.t.Kind, x.Risk, x.t.DueAt, tasks.Standing(x.t.DueAt, x.t.DoneAt)))
            .OrderBy(t => t.DueAt).ToList();
    }

    /// <summary>
    /// Whether a person has a case, for a case worker who may not see it: the owner's name and team to contact,
    /// never the content. Read past the filter on purpose (audited): existence is the one thing others may know.
    /// </summary>
    public async Task<List<CaseExistence>> ExistenceAsync(Guid personId, CancellationToken ct = default)
    {
        if (scope.Role is not (Roles.CaseWorker or Roles.DataProtectionOfficer))
        {
            return [];
        }
        var cases = await db.ProtectionCases.IgnoreQueryFilters([AccessScope.FilterName]).AsNoTracking()
            .Where(c => c.PersonId == personId && (c.ClosedAt == null || c.ReopenedAt > c.ClosedAt))
            .Select(c => new { c.Id, c.OwnerId, c.TeamId }).ToListAsync(ct);
        if (cases.Count == 0)
        {
            return [];
        }
        await audit.SaveAsync(db, new AuditEvent("case.existence", "person", personId.ToString(), $"cases={cases.Count}") { People = [personId] }, ct);
        var owners = cases.Select(c => c.OwnerId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => owners.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName ?? "", ct);
        var teamIds = cases.Where(c => c.TeamId != null).Select(c => c.TeamId!.Value).Distinct().ToList();
        var teams = await db.ProtectionTeams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        return cases.Select(c => new CaseExistence(names.GetValueOrDefault(c.OwnerId, ""), c.TeamId is { } t ? teams.GetValueOrDefault(t) : null, scope.CoversCase(c.Id), scope.CoversCase(c.Id) ? c.Id : null)).ToList();
    }

    /// <summary>GBV (and any case marked so): the name only for the owner, and for the DPO acting on a subject's request.</summary>
    private string? ShownName(ProtectionCase row, string? name) =>
        !row.NameHidden || row.OwnerId == scope.StaffUserId || scope.Role == Roles.DataProtectionOfficer ? name : null;

    /// <summary>A case read through <see cref="CaseReads"/> as its page shows it to this reader.</summary>
    public CaseView ViewOf(ProtectionCase row, byte[] key)
    {
        var details = CaseSealer.OpenCase(key, row);
        return new CaseView(row.Id, row.Code, row.PersonId, row.Type, row.Risk, row.Stage, CaseStages.IsReopened(row.Facts), row.OwnerId, row.TeamId,
            row.OpenedAt, row.ReportingConsent, row.NameHidden, ShownName(row, details.Name), details.Summary, row.Version)
        {
            IsOwner = row.OwnerId == scope.StaffUserId,
            CanApprove = scope.Supervises(row.TeamId),
        };
    }
}
