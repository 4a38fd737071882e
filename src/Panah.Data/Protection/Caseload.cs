using Microsoft.EntityFrameworkCore;
using Panah.Core.Protection;
using Panah.Data.Access;

namespace Panah.Data.Protection;

/// <summary>One case worker's open cases: how many (and their band), by stage and by risk, and their overdue tasks. Counts only.</summary>
public sealed record WorkerLoad(string WorkerId, string Name, int Open, CaseloadBand Band, IReadOnlyDictionary<CaseStage, int> ByStage, IReadOnlyDictionary<RiskLevel, int> ByRisk, int OverdueTasks);

/// <summary>A supervised team: its workers' loads, its overdue tasks, and how many workers its one supervisor has.</summary>
public sealed record TeamLoad(int TeamId, string Name, IReadOnlyList<WorkerLoad> Workers, int OverdueTasks)
{
    public int WorkerCount => Workers.Count;
}

/// <summary>
/// The caseload of the teams the signed-in staff member supervises, through the need-to-know scope: only the cases the
/// scope holds (a supervisor's holds their teams' cases) are counted, and only counts leave here (no person, no name
/// of anyone but the staff). Someone who supervises no team gets no teams.
/// </summary>
public sealed class Caseload(PanahDbContext db, AccessScope scope, TimeProvider clock)
{
    /// <summary>The stages an open case can be at, in the workflow's order.</summary>
    public static readonly IReadOnlyList<CaseStage> OpenStages = [.. Enum.GetValues<CaseStage>().Where(s => s != CaseStage.Closed)];

    public async Task<List<TeamLoad>> OfSupervisedTeamsAsync(CancellationToken ct = default)
    {
        var teams = scope.SupervisedTeamIds;
        if (teams.Length == 0 || scope.StaffUserId is null)
        {
            return [];
        }
        var teamRows = await db.ProtectionTeams.AsNoTracking().Where(t => teams.Contains(t.Id)).Select(t => new { t.Id, t.Name }).ToListAsync(ct);
        var members = await db.ProtectionTeamMembers.AsNoTracking().Where(m => teams.Contains(m.TeamId)).Select(m => new { m.TeamId, m.StaffUserId }).ToListAsync(ct);
        var cases = await db.ProtectionCases.AsNoTracking().Where(c => scope.CaseIds.Contains(c.Id) && c.TeamId != null && teams.Contains(c.TeamId.Value))
            .Select(c => new { c.Id, c.OwnerId, TeamId = c.TeamId!.Value, c.Risk, c.AssessmentRequestedAt, c.CasePlanAt, c.OpenServices, c.ServicesProvided, c.ClosedAt, c.ReopenedAt })
            .ToListAsync(ct);
        // Stages and due times are judged here: SQLite cannot compare DateTimeOffset values.
        var open = cases.Select(c => (c.Id, c.OwnerId, c.TeamId, c.Risk, Stage: CaseStages.Derive(new CaseFacts(c.AssessmentRequestedAt, c.CasePlanAt, c.OpenServices, c.ServicesProvided, c.ClosedAt, c.ReopenedAt))))
            .Where(c => c.Stage != CaseStage.Closed).ToList();
        var openIds = open.Select(c => c.Id).ToHashSet();
        var now = clock.GetUtcNow();
        var overdue = (await db.CaseTasks.AsNoTracking().Where(t => t.DoneAt == null && scope.CaseIds.Contains(t.CaseId)).Select(t => new { t.CaseId, t.DueAt }).ToListAsync(ct))
            .Where(t => t.DueAt < now && openIds.Contains(t.CaseId)).GroupBy(t => t.CaseId).ToDictionary(g => g.Key, g => g.Count());
        var workerIds = members.Select(m => m.StaffUserId).Concat(open.Select(c => c.OwnerId)).Distinct().ToList();
        var names = (await db.Users.AsNoTracking().Where(u => workerIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct))
            .ToDictionary(u => u.Id, u => string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? u.Id : u.DisplayName);
        return teamRows.OrderBy(t => t.Name, StringComparer.Ordinal).Select(t =>
        {
            var inTeam = open.Where(c => c.TeamId == t.Id).ToList();
            var workers = members.Where(m => m.TeamId == t.Id).Select(m => m.StaffUserId).Concat(inTeam.Select(c => c.OwnerId)).Distinct()
                .Select(w =>
                {
                    var own = inTeam.Where(c => c.OwnerId == w).ToList();
                    return new WorkerLoad(w, names.GetValueOrDefault(w, w), own.Count, CaseloadBands.Of(own.Count),
                        OpenStages.ToDictionary(s => s, s => own.Count(c => c.Stage == s)),
                        Enum.GetValues<RiskLevel>().ToDictionary(r => r, r => own.Count(c => c.Risk == r)),
                        own.Sum(c => overdue.GetValueOrDefault(c.Id)));
                })
                .OrderByDescending(w => w.Open).ThenBy(w => w.Name, StringComparer.Ordinal).ToList();
            return new TeamLoad(t.Id, t.Name, workers, workers.Sum(w => w.OverdueTasks));
        }).ToList();
    }
}
