using Microsoft.EntityFrameworkCore;
using Panah.Core;
using Panah.Data.Audit;
using Panah.Data.Entities;
using Panah.Data.Matching;

namespace Panah.Data.Erasure;

public enum ErasureOutcome
{
    Erased,
    AlreadyErased,
    NotFound,
}

/// <summary>
/// Erasure by crypto-shredding. The person's data key is destroyed and their sealed fields overwritten, so their
/// personal data is unreadable in the database and in every backup; their search tokens, match-index entries and
/// pending duplicate reviews go; the row stays as a tombstone for aggregates. A household whose members are all
/// erased loses its own key (address, phone) too. The audit entry names ids only.
/// </summary>
public sealed class PersonErasure(PanahDbContext db, AuditLog audit, IActor actor, RegistryMatchIndex matchIndex, ErasureLedger ledger, TimeProvider clock)
{
    public const int MaxReasonLength = 500;

    /// <summary>Null when the reason is acceptable, else the message key saying why not.</summary>
    public static string? CheckReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? "Erasure.ReasonRequired"
        : reason.Trim().Length > MaxReasonLength ? "Erasure.ReasonTooLong"
        : !PlainText.IsAllowed(reason) ? "Text.HiddenCharacters"
        : null;

    /// <summary>Erases <paramref name="personId"/> for <paramref name="reason"/> (the data protection officer's decision).</summary>
    public async Task<ErasureOutcome> EraseAsync(Guid personId, string reason, CancellationToken ct = default)
    {
        if (CheckReason(reason) is { } problem)
        {
            throw new ArgumentException(problem, nameof(reason));
        }
        var at = clock.GetUtcNow();
        var erased = await db.People.Where(p => p.Id == personId).Select(p => (bool?)(p.Key!.Wrapped == null)).FirstOrDefaultAsync(ct);
        if (erased is not false)
        {
            return erased is null ? ErasureOutcome.NotFound : ErasureOutcome.AlreadyErased;
        }
        // The ledger first: an erasure it holds is re-applied even if the database write below is lost.
        ledger.Append(personId, at);
        return await ApplyAsync(personId, at, reason.Trim(), "request", ct);
    }

    /// <summary>
    /// Destroys the keys and index entries of <paramref name="personId"/>. <paramref name="cause"/> says why it runs
    /// now: a request, retention, or the ledger bringing a restored backup in line.
    /// </summary>
    internal async Task<ErasureOutcome> ApplyAsync(Guid personId, DateTimeOffset at, string reason, string cause, CancellationToken ct)
    {
        var person = await db.People.Include(p => p.Key).FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null)
        {
            return ErasureOutcome.NotFound;
        }
        var key = person.Key!;
        if (key.IsErased())
        {
            return ErasureOutcome.AlreadyErased;
        }
        var now = clock.GetUtcNow();
        Shred(key, now);
        person.Sealed = [];
        person.Version++;
        person.UpdatedAt = now;
        db.SearchTokens.RemoveRange(await db.SearchTokens.Where(t => t.PersonId == personId).ToListAsync(ct));
        db.DuplicateReviews.RemoveRange(await db.DuplicateReviews
            .Where(r => r.Status == ReviewStatus.Pending && (r.PersonAId == personId || r.PersonBId == personId)).ToListAsync(ct));
        if (!await db.Erasures.AnyAsync(e => e.PersonId == personId, ct))
        {
            db.Erasures.Add(new ErasureRecord { PersonId = personId, ErasedAt = at, ErasedBy = actor.Id, Reason = reason });
        }
        var events = new List<AuditEvent> { new("person.erase", "person", personId.ToString(), $"cause={cause}") { People = [personId] } };
        if (await HouseholdLeftEmptyAsync(person, ct) is { } household)
        {
            Shred(household.Key!, now);
            household.Sealed = [];
            household.Version++;
            household.UpdatedAt = now;
            events.Add(new AuditEvent("household.erase", "household", household.Id.ToString(), "cause=members-erased"));
        }
        await audit.SaveAsync(db, events, ct);
        matchIndex.Remove(personId);
        return ErasureOutcome.Erased;
    }

    /// <summary>The person's household when every other member is erased already (and its key still stands).</summary>
    private async Task<HouseholdRecord?> HouseholdLeftEmptyAsync(PersonRecord person, CancellationToken ct)
    {
        var othersStanding = await db.People.AnyAsync(p => p.HouseholdId == person.HouseholdId && p.Id != person.Id && p.Key!.Wrapped != null, ct);
        if (othersStanding)
        {
            return null;
        }
        var household = await db.Households.Include(h => h.Key).FirstAsync(h => h.Id == person.HouseholdId, ct);
        return household.Key!.IsErased() ? null : household;
    }

    private static void Shred(DataKey key, DateTimeOffset now)
    {
        key.Wrapped = null;
        key.DestroyedAt = now;
    }
}
