using Microsoft.EntityFrameworkCore;
using Panah.Core.Registry;
using Panah.Data.Audit;
using Panah.Data.Entities;
using Panah.Data.Erasure;
using Panah.Data.Registry;

namespace Panah.Data.Matching;

/// <summary>
/// Merges a proposed household duplicate: the later household is folded into the earlier one. Members the two share
/// (pending strong pairs between them) are merged as people, the later registration into the surviving household's;
/// every other active member moves into the surviving household. The surviving household keeps its head; if it had
/// none, the other household's head becomes its head; a second head moving in becomes "other relative", since a
/// household has one head. The folded household keeps its rows and history, with no member left, and becomes inactive;
/// its open food entitlements and active cards follow the family (<see cref="HouseholdMergeFood"/>).
/// The undo puts every moved member back in their place and undoes the person merges, within the retention period.
/// </summary>
public sealed class HouseholdMerge(PanahDbContext db, PersonMerge personMerge, RegistrySealer sealer, SearchTokenizer tokenizer, RegistryMatchIndex index, ListCounts counts,
    HouseholdDuplicateOptions options, HouseholdMergeFood food, AuditLog audit, IActor actor, TimeProvider clock)
{
    public async Task<HouseholdDuplicate?> MergeAsync(Guid id, long expectedVersion, CancellationToken ct = default)
    {
        var (d, home, other) = await LoadAsync(id, ct);
        if (d is null)
        {
            return null;
        }
        if (d.Version != expectedVersion || d.Status != ReviewStatus.Pending)
        {
            throw new ConcurrencyConflictException();
        }
        var now = clock.GetUtcNow();
        var events = new List<AuditEvent> { new("households.merge", "household-duplicate", id.ToString(), $"into={home!.Id} from={other!.Id}") };
        // First, before any row is changed: its audited unscoped reads save the context.
        await food.StageAsync(d, home, other, events, ct);
        d.HeadBefore = home.HeadPersonId;
        var homeIds = Active(home.Id).Select(p => p.Id).ToList();
        var otherIds = Active(other.Id).Select(p => p.Id).ToList();
        var inHome = homeIds.ToHashSet();
        var inOther = otherIds.ToHashSet();
        var strong = options.StrongProbability;
        var pairs = await db.DuplicateReviews.Where(r => r.Status == ReviewStatus.Pending && r.Probability >= strong
            && ((homeIds.Contains(r.PersonAId) && otherIds.Contains(r.PersonBId)) || (otherIds.Contains(r.PersonAId) && homeIds.Contains(r.PersonBId)))).ToListAsync(ct);
        var removed = new List<Guid>();
        foreach (var pair in pairs.OrderByDescending(r => r.Probability))
        {
            var (keep, fold) = inHome.Contains(pair.PersonAId) ? (pair.PersonAId, pair.PersonBId) : (pair.PersonBId, pair.PersonAId);
            if (!inHome.Contains(keep) || !inOther.Remove(fold))
            {
                continue; // Already folded through a stronger pair.
            }
            pair.Status = ReviewStatus.SamePerson;
            pair.DecidedAt = now;
            pair.DecidedBy = actor.Id;
            pair.Version++;
            events.Add(new AuditEvent("duplicates.same", "duplicate", pair.Id.ToString(), $"household-merge={id}"));
            removed.Add(await personMerge.StageAsync(keep, fold, pair.Id, d.Id, events, ct));
        }
        d.OtherHeadBefore = other.HeadPersonId;
        d.OtherStatusBefore = other.Status;
        var homeDetails = RegistrySealer.OpenHousehold(sealer.OpenKey(home.Key!), home);
        var moved = new List<(Guid, PersonDetails)>();
        foreach (var p in Active(other.Id).ToList())
        {
            var move = new HouseholdMove { HouseholdDuplicateId = d.Id, PersonId = p.Id, RelationshipBefore = p.Relationship };
            if (p.Relationship == Relationship.Head)
            {
                if (home.HeadPersonId is null)
                {
                    home.HeadPersonId = p.Id;
                }
                else
                {
                    p.Relationship = Relationship.OtherRelative;
                }
            }
            move.RelationshipAfter = p.Relationship;
            db.HouseholdMoves.Add(move);
            moved.Add((p.Id, await MoveAsync(p, home, homeDetails.Phone, now, ct)));
            events.Add(new AuditEvent("person.move", "person", p.Id.ToString(), $"from={other.Id} to={home.Id}") { People = [p.Id] });
        }
        other.HeadPersonId = null;
        other.MemberCount = 0;
        if (other.Status == HouseholdStatus.Active)
        {
            other.Status = HouseholdStatus.Inactive;
        }
        Touch(other, now);
        home.MemberCount = personMerge.ActiveMembers(home.Id);
        Touch(home, now);
        d.HeadAfter = home.HeadPersonId;
        d.Status = ReviewStatus.SamePerson;
        d.DecidedAt = now;
        d.DecidedBy = actor.Id;
        d.Version++;
        events.Add(new AuditEvent("household.update", "household", home.Id.ToString(), $"cause=household-merge members={home.MemberCount}"));
        events.Add(new AuditEvent("household.update", "household", other.Id.ToString(), "cause=household-merge members=0"));
        await SaveAsync(events, ct);
        foreach (var r in removed)
        {
            index.Remove(r);
        }
        foreach (var (personId, details) in moved)
        {
            index.Upsert(personId, details, homeDetails.Address, home.Id);
        }
        counts.Clear();
        return d;
    }

    /// <summary>Within the retention period for merged registrations: every moved member back in place, every person merge undone.</summary>
    public async Task<HouseholdDuplicate?> UndoAsync(Guid id, long expectedVersion, CancellationToken ct = default)
    {
        var (d, home, other) = await LoadAsync(id, ct);
        if (d is null)
        {
            return null;
        }
        if (d.Version != expectedVersion || d.Status != ReviewStatus.SamePerson)
        {
            throw new ConcurrencyConflictException();
        }
        var merges = await db.PersonMerges.Where(m => m.HouseholdMergeId == d.Id && m.UndoneAt == null).OrderByDescending(m => m.Id).ToListAsync(ct);
        if (d.DecidedAt is { } at && !personMerge.WithinRetention(at))
        {
            throw new MergeExpiredException();
        }
        var moves = await db.HouseholdMoves.Where(m => m.HouseholdDuplicateId == d.Id).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var events = new List<AuditEvent> { new("households.unmerge", "household-duplicate", id.ToString(), $"into={home!.Id} from={other!.Id}") };
        // Exactly back, or not at all: a head chosen since, or a moved member edited into another place, cannot be undone blindly.
        var people = db.People.Local.ToDictionary(p => p.Id);
        if (home.HeadPersonId != d.HeadAfter || moves.Any(m => !people.TryGetValue(m.PersonId, out var p) || p.HouseholdId != home.Id || p.Relationship != m.RelationshipAfter || p.MergedIntoId is not null))
        {
            throw new ConcurrencyConflictException();
        }
        // First, before any row is changed: its audited unscoped reads save the context.
        await food.StageUndoAsync(d, other, events, ct);
        var otherDetails = RegistrySealer.OpenHousehold(sealer.OpenKey(other.Key!), other);
        var back = new List<(Guid, PersonDetails)>();
        foreach (var m in moves)
        {
            var p = people[m.PersonId];
            p.Relationship = m.RelationshipBefore;
            back.Add((p.Id, await MoveAsync(p, other, otherDetails.Phone, now, ct)));
            events.Add(new AuditEvent("person.move", "person", p.Id.ToString(), $"from={home.Id} to={other.Id} cause=undo") { People = [p.Id] });
        }
        home.HeadPersonId = d.HeadBefore;
        other.HeadPersonId = d.OtherHeadBefore;
        other.Status = d.OtherStatusBefore;
        db.HouseholdMoves.RemoveRange(moves);
        var restored = new List<(Guid, PersonDetails, string?)>();
        foreach (var m in merges)
        {
            restored.Add(await personMerge.StageUndoAsync(m, events, ct));
        }
        other.MemberCount = personMerge.ActiveMembers(other.Id);
        home.MemberCount = personMerge.ActiveMembers(home.Id);
        Touch(home, now);
        Touch(other, now);
        d.Status = ReviewStatus.Pending;
        d.DecidedAt = null;
        d.DecidedBy = null;
        d.Version++;
        events.Add(new AuditEvent("household.update", "household", home.Id.ToString(), $"cause=household-unmerge members={home.MemberCount}"));
        events.Add(new AuditEvent("household.update", "household", other.Id.ToString(), $"cause=household-unmerge members={other.MemberCount}"));
        await SaveAsync(events, ct);
        foreach (var (personId, details) in back)
        {
            index.Upsert(personId, details, otherDetails.Address, other.Id);
        }
        foreach (var r in restored)
        {
            personMerge.Restored(r);
        }
        counts.Clear();
        return d;
    }

    /// <summary>The proposal and both households, tracked with every member; nothing when either household is outside the scope.</summary>
    private async Task<(HouseholdDuplicate? Duplicate, HouseholdRecord? Home, HouseholdRecord? Other)> LoadAsync(Guid id, CancellationToken ct)
    {
        var d = await db.HouseholdDuplicates.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null)
        {
            return (null, null, null);
        }
        var home = await db.Households.Include(h => h.Key).FirstOrDefaultAsync(h => h.Id == d.HouseholdId, ct);
        var other = await db.Households.Include(h => h.Key).FirstOrDefaultAsync(h => h.Id == d.OtherHouseholdId, ct);
        if (home is null || other is null)
        {
            return (null, null, null);
        }
        if (home.Key!.IsErased() || other.Key!.IsErased())
        {
            throw new ErasedRecordException();
        }
        await db.People.Include(p => p.Key).Where(p => p.HouseholdId == home.Id || p.HouseholdId == other.Id).LoadAsync(ct);
        return (d, home, other);
    }

    private IEnumerable<PersonRecord> Active(Guid householdId) => db.People.Local.Where(p => p.HouseholdId == householdId && p.MergedIntoId is null && !p.Key!.IsErased());

    /// <summary>Moves a member: the household, its copies on the row (district, office) and the search tokens that carry the household phone.</summary>
    private async Task<PersonDetails> MoveAsync(PersonRecord p, HouseholdRecord to, string? phone, DateTimeOffset now, CancellationToken ct)
    {
        p.HouseholdId = to.Id;
        p.District = to.District;
        p.FieldOfficeId = to.FieldOfficeId;
        p.Version++;
        p.UpdatedAt = now;
        var details = RegistrySealer.OpenPerson(sealer.OpenKey(p.Key!), p);
        db.SearchTokens.RemoveRange(await db.SearchTokens.Where(t => t.PersonId == p.Id).ToListAsync(ct));
        db.SearchTokens.AddRange(tokenizer.For(p.Id, details, phone));
        return details;
    }

    private static void Touch(HouseholdRecord h, DateTimeOffset now)
    {
        h.Version++;
        h.UpdatedAt = now;
    }

    private async Task SaveAsync(List<AuditEvent> events, CancellationToken ct)
    {
        try
        {
            await audit.SaveAsync(db, events, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException();
        }
    }
}
