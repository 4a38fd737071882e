using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Panah.Core.Planning;
using Panah.Data.Audit;
using Panah.Data.Registry;
using Panah.Data.Validation;

namespace Panah.Data.Planning;

/// <summary>A stored scenario as the planner sees it: the scenario itself, its id and the version an edit must name.</summary>
public sealed record ScenarioView(int Id, Scenario Scenario, DateTimeOffset UpdatedAt, long Version);

/// <summary>
/// Keeps the programme's influx scenarios. The rules are the scenario's own (<see cref="Scenario.Problems"/>) plus a
/// name no other scenario has; every change is saved with its audit entry, and an edit or removal names the version it
/// last saw (a change in between is a <see cref="ConcurrencyConflictException"/>).
/// </summary>
public sealed class ScenarioStore(PanahDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<List<ScenarioView>> ListAsync(CancellationToken ct = default) =>
        (await db.PlanningScenarios.AsNoTracking().OrderBy(s => s.Start).ThenBy(s => s.Name).ToListAsync(ct)).Select(View).ToList();

    public async Task<ScenarioView?> GetAsync(int id, CancellationToken ct = default) =>
        await db.PlanningScenarios.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) is { } row ? View(row) : null;

    /// <summary>The scenarios of <paramref name="ids"/> that exist, in the order asked.</summary>
    public async Task<List<ScenarioView>> GetManyAsync(IReadOnlyCollection<int> ids, CancellationToken ct = default)
    {
        var rows = await db.PlanningScenarios.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        return [.. ids.Distinct().Where(rows.ContainsKey).Select(id => View(rows[id]))];
    }

    public async Task<ScenarioView> CreateAsync(Scenario scenario, CancellationToken ct = default)
    {
        await ThrowIfInvalidAsync(scenario, null, ct);
        var row = new PlanningScenario { Name = "", Triggers = "" };
        Apply(row, scenario);
        db.PlanningScenarios.Add(row);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await audit.SaveAsync(db, Entry("planning.scenario.create", row.Id), ct);
        await transaction.CommitAsync(ct);
        return View(row);
    }

    public async Task<ScenarioView> UpdateAsync(int id, long expectedVersion, Scenario scenario, CancellationToken ct = default)
    {
        var row = await Tracked(id, expectedVersion, ct);
        await ThrowIfInvalidAsync(scenario, id, ct);
        Apply(row, scenario);
        row.Version++;
        await SaveAsync(Entry("planning.scenario.update", id), ct);
        return View(row);
    }

    public async Task DeleteAsync(int id, long expectedVersion, CancellationToken ct = default)
    {
        db.PlanningScenarios.Remove(await Tracked(id, expectedVersion, ct));
        await SaveAsync(Entry("planning.scenario.delete", id), ct);
    }

    /// <summary>Records that a scenario's forecast left Panah as a file (aggregates only, but an export all the same).</summary>
    public Task RecordExportAsync(int id, string format, CancellationToken ct = default) =>
        audit.SaveAsync(db, Entry("planning.scenario.export", id) with { Detail = "format=" + format }, ct);

    private async Task<PlanningScenario> Tracked(int id, long expectedVersion, CancellationToken ct)
    {
        var row = await db.PlanningScenarios.SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw new KeyNotFoundException();
        return row.Version == expectedVersion ? row : throw new ConcurrencyConflictException();
    }

    private async Task SaveAsync(AuditEvent entry, CancellationToken ct)
    {
        try
        {
            await audit.SaveAsync(db, entry, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException();
        }
    }

    private async Task ThrowIfInvalidAsync(Scenario scenario, int? id, CancellationToken ct)
    {
        var errors = scenario.Problems().GroupBy(Scenario.FieldOf).ToDictionary(g => g.Key, g => g.ToList());
        if (!errors.ContainsKey("name") && await db.PlanningScenarios.AnyAsync(s => s.Name == scenario.Name && s.Id != id, ct))
        {
            errors["name"] = ["Planning.NameTaken"];
        }
        if (errors.Count > 0)
        {
            throw new FieldException(errors);
        }
    }

    private void Apply(PlanningScenario row, Scenario s)
    {
        row.Name = s.Name;
        row.Start = s.Start;
        row.HorizonMonths = s.HorizonMonths;
        row.Triggers = s.Triggers;
        row.Assumption = s.Assumption;
        (row.Low, row.Likely, row.High) = (s.Arrivals.Low, s.Arrivals.Likely, s.Arrivals.High);
        row.UnaccompaniedChildShare = s.UnaccompaniedChildShare;
        row.WomenAtRiskShare = s.WomenAtRiskShare;
        row.UpdatedAt = clock.GetUtcNow();
    }

    private static AuditEvent Entry(string action, int id) => new(action, "planning-scenario", id.ToString(CultureInfo.InvariantCulture));

    private static ScenarioView View(PlanningScenario r) => new(r.Id,
        new Scenario(r.Name, r.Start, r.HorizonMonths, r.Triggers, r.Assumption, new Range3(r.Low, r.Likely, r.High), r.UnaccompaniedChildShare, r.WomenAtRiskShare),
        r.UpdatedAt, r.Version);
}
