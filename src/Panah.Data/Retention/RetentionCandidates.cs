using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Panah.Core.Registry;

namespace Panah.Data.Retention;

/// <summary>A person the next run would erase, the household they belong to and the rule that makes them due.</summary>
public sealed record RetentionCandidate(Guid PersonId, Guid HouseholdId, string HouseholdCode, RetentionRule Rule);

/// <summary>
/// What the next run would erase (a dry run: it writes nothing). <see cref="Digest"/> names the exact set, so the
/// officer's confirmation applies to what they saw and nothing else. <see cref="Held"/> counts people who are due but
/// stand under a legal hold.
/// </summary>
public sealed record RetentionPreview(DateTimeOffset At, IReadOnlyList<RetentionCandidate> Candidates, int Held)
{
    public int Households => Candidates.Select(c => c.HouseholdId).Distinct().Count();

    public int Count(RetentionRule rule) => Candidates.Count(c => c.Rule == rule);

    public string Digest { get; } = Convert.ToHexString(SHA256.HashData(
        Encoding.ASCII.GetBytes(string.Join(',', Candidates.Select(c => c.PersonId.ToString("N")).Order(StringComparer.Ordinal)))), 0, 12);
}

/// <summary>
/// Finds who is due under <see cref="RetentionOptions"/>. A household's <b>last activity</b> is the latest of: its own
/// last change (registration, an edit, a status change), the last change of any member not yet erased (an edit, a
/// consent, a merge), and its last food collection. Staff reading a record is not the household's activity, and an
/// erasure is not either. A household is due when its last activity is at least the configured years old (closed
/// households under their own, shorter rule); a merged-away registration when its own row is. Nobody under an
/// open legal hold (on them or on their household) is ever due.
/// </summary>
public sealed class RetentionCandidates(PanahDbContext db, RetentionOptions options, TimeProvider clock)
{
    public async Task<RetentionPreview> PreviewAsync(CancellationToken ct = default)
    {
        if (!db.Scope.AllOffices)
        {
            throw new InvalidOperationException("Retention looks at every office: the job's scope or the data protection officer's.");
        }
        var now = clock.GetUtcNow();
        // Times are compared here, not in SQL: SQLite cannot compare times with an offset.
        var households = await db.Households.AsNoTracking().Where(h => h.Key!.Wrapped != null)
            .Select(h => new { h.Id, h.Code, h.Status, h.UpdatedAt }).ToListAsync(ct);
        var people = await db.People.AsNoTracking().Where(p => p.Key!.Wrapped != null)
            .Select(p => new { p.Id, p.HouseholdId, p.UpdatedAt, Merged = p.MergedIntoId != null }).ToListAsync(ct);
        var lastActivity = households.ToDictionary(h => h.Id, h => h.UpdatedAt);
        foreach (var p in people)
        {
            Later(lastActivity, p.HouseholdId, p.UpdatedAt);
        }
        await foreach (var r in db.Redemptions.AsNoTracking().Select(r => new { r.HouseholdId, r.At }).AsAsyncEnumerable().WithCancellation(ct))
        {
            Later(lastActivity, r.HouseholdId, r.At);
        }
        var heldHouseholds = await db.LegalHolds.AsNoTracking().Where(h => h.LiftedAt == null && h.HouseholdId != null).Select(h => h.HouseholdId!.Value).ToListAsync(ct);
        var heldPeople = await db.LegalHolds.AsNoTracking().Where(h => h.LiftedAt == null && h.PersonId != null).Select(h => h.PersonId!.Value).ToListAsync(ct);
        var held = heldHouseholds.ToHashSet();
        held.UnionWith(heldPeople);

        var due = new Dictionary<Guid, RetentionRule>();
        foreach (var h in households)
        {
            if (HouseholdRule(h.Status, lastActivity[h.Id], now) is { } rule)
            {
                due[h.Id] = rule;
            }
        }
        var codes = households.ToDictionary(h => h.Id, h => h.Code);
        var candidates = new List<RetentionCandidate>();
        var heldBack = 0;
        foreach (var p in people)
        {
            RetentionRule? rule = due.TryGetValue(p.HouseholdId, out var byHousehold) ? byHousehold
                : p.Merged && IsDue(p.UpdatedAt, options.MergedRegistrationYears, now) ? RetentionRule.MergedRegistration
                : null;
            if (rule is not { } r || !codes.TryGetValue(p.HouseholdId, out var code))
            {
                continue;
            }
            if (held.Contains(p.Id) || held.Contains(p.HouseholdId))
            {
                heldBack++;
                continue;
            }
            candidates.Add(new RetentionCandidate(p.Id, p.HouseholdId, code, r));
        }
        return new RetentionPreview(now, candidates.OrderBy(c => c.HouseholdCode, StringComparer.Ordinal).ThenBy(c => c.PersonId).ToList(), heldBack);
    }

    /// <summary>Whether an open legal hold stands on the person or their household (asked again just before each erasure).</summary>
    public Task<bool> IsHeldAsync(Guid personId, Guid householdId, CancellationToken ct) =>
        db.LegalHolds.AnyAsync(h => h.LiftedAt == null && (h.PersonId == personId || h.HouseholdId == householdId), ct);

    private RetentionRule? HouseholdRule(HouseholdStatus status, DateTimeOffset lastActivity, DateTimeOffset now) =>
        status == HouseholdStatus.Closed && IsDue(lastActivity, options.ClosedHouseholdYears, now) ? RetentionRule.ClosedHousehold
        : IsDue(lastActivity, options.HouseholdInactiveYears, now) ? RetentionRule.HouseholdInactive
        : null;

    private static bool IsDue(DateTimeOffset lastActivity, int years, DateTimeOffset now) => years > 0 && lastActivity <= now.AddYears(-years);

    private static void Later(Dictionary<Guid, DateTimeOffset> latest, Guid householdId, DateTimeOffset at)
    {
        if (latest.TryGetValue(householdId, out var known) && at > known)
        {
            latest[householdId] = at;
        }
    }
}
