using Microsoft.EntityFrameworkCore;
using Panah.Core.Registry;
using Panah.Data.Audit;
using Panah.Data.Entities;
using Panah.Data.Erasure;
using Panah.Data.Registry;
using Panah.Data.Retention;

namespace Panah.Data.Matching;

/// <summary>
/// Merges one registration of a person into another and undoes it. The merged registration keeps its row, its
/// household and its history (audit trail, food entitlements and collections) and points to the survivor; it stops
/// counting as a member of its household. The survivor stays in its own household: the earlier registration carries
/// the person's history, and a family registered twice folds into its first household (see <see cref="HouseholdDuplicates"/>).
/// A household whose head was merged away gets the survivor as head when the survivor lives there (the same person,
/// in the same household); when the survivor lives elsewhere it is left without a head and shows that it needs one:
/// the head collects the household's food and speaks for it, and no rule can choose that person for the family.
/// An undo within the retention period for merged registrations restores both exactly, or refuses if the household
/// changed since in a way that cannot be undone exactly (a new head chosen).
/// </summary>
public sealed class PersonMerge(PanahDbContext db, RegistrySealer sealer, RegistryMatchIndex index, ListCounts counts, AuditLog audit, IActor actor, TimeProvider clock, RetentionOptions retention)
{
    /// <summary>Stages "the later registration of the two is merged into the earlier" (ids are time-ordered); the caller saves.</summary>
    public async Task<Guid> MergeLaterIntoEarlierAsync(Guid a, Guid b, Guid? reviewId, List<AuditEvent> events, CancellationToken ct = default) =>
        await StageAsync(a.CompareTo(b) < 0 ? a : b, a.CompareTo(b) < 0 ? b : a, reviewId, null, events, ct);

    /// <summary>Stages the merge of <paramref name="mergedId"/> into <paramref name="survivorId"/> on the tracked rows; the caller saves.</summary>
    public async Task<Guid> StageAsync(Guid survivorId, Guid mergedId, Guid? reviewId, Guid? householdMergeId, List<AuditEvent> events, CancellationToken ct = default)
    {
        var survivor = await db.People.FirstOrDefaultAsync(p => p.Id == survivorId, ct) ?? throw new KeyNotFoundException();
        var merged = await db.People.FirstOrDefaultAsync(p => p.Id == mergedId, ct) ?? throw new KeyNotFoundException();
        if (survivor.MergedIntoId is not null || merged.MergedIntoId is not null || survivor.Id == merged.Id)
        {
            throw new ConcurrencyConflictException();
        }
        var household = await db.Households.FirstAsync(h => h.Id == merged.HouseholdId, ct);
        await db.People.Where(p => p.HouseholdId == household.Id).LoadAsync(ct);
        var now = clock.GetUtcNow();
        var record = new PersonMergeRecord
        {
            Id = Guid.CreateVersion7(),
            SurvivorId = survivor.Id,
            MergedId = merged.Id,
            ReviewId = reviewId,
            HouseholdMergeId = householdMergeId,
            HouseholdId = household.Id,
            FieldOfficeId = household.FieldOfficeId,
            SurvivorHouseholdId = survivor.HouseholdId,
            SurvivorRelationshipBefore = survivor.Relationship,
            HeadBefore = household.HeadPersonId,
            StatusBefore = household.Status,
            MergedAt = now,
            MergedBy = actor.Id,
            Version = 1,
        };
        merged.MergedIntoId = survivor.Id;
        merged.Version++;
        merged.UpdatedAt = now;
        if (household.HeadPersonId == merged.Id)
        {
            household.HeadPersonId = survivor.HouseholdId == household.Id ? survivor.Id : null;
            if (survivor.HouseholdId == household.Id)
            {
                survivor.Relationship = Relationship.Head;
            }
        }
        // The survivor's version moves too: an edit of the survivor read before the merge must not overwrite it.
        survivor.Version++;
        survivor.UpdatedAt = now;
        household.MemberCount = ActiveMembers(household.Id);
        if (household.MemberCount == 0 && household.Status == HouseholdStatus.Active)
        {
            household.Status = HouseholdStatus.Inactive;
        }
        household.Version++;
        household.UpdatedAt = now;
        record.SurvivorRelationshipAfter = survivor.Relationship;
        record.HeadAfter = household.HeadPersonId;
        record.StatusAfter = household.Status;
        db.PersonMerges.Add(record);
        events.Add(new AuditEvent("person.merge", "person", merged.Id.ToString(), $"into={survivor.Id} merge={record.Id}"));
        events.Add(new AuditEvent("household.update", "household", household.Id.ToString(),
            $"cause=merge members={household.MemberCount}{(record.HeadBefore == merged.Id ? household.HeadPersonId is null ? " head=needed" : " head=survivor" : "")}"));
        return merged.Id;
    }

    /// <summary>After the save: the merged registration leaves the match index and the cached counts.</summary>
    public void Merged(Guid mergedId)
    {
        index.Remove(mergedId);
        counts.Clear();
    }

    /// <summary>The merges that made <paramref name="personId"/> (as survivor or as merged registration), newest first.</summary>
    public Task<List<PersonMergeRecord>> ForPersonAsync(Guid personId, CancellationToken ct = default) =>
        db.PersonMerges.AsNoTracking().Where(m => m.SurvivorId == personId || m.MergedId == personId).OrderByDescending(m => m.Id).ToListAsync(ct);

    /// <summary>Whether the merge may still be undone: not undone yet, and the merged registration still kept (retention).</summary>
    public bool CanUndo(PersonMergeRecord m) => m.UndoneAt is null && WithinRetention(m.MergedAt);

    /// <summary>A merged registration is kept for the retention period (none when that rule is off): an undo can restore it until then.</summary>
    public bool WithinRetention(DateTimeOffset mergedAt) =>
        retention.MergedRegistrationYears == 0 || clock.GetUtcNow() < mergedAt.AddYears(retention.MergedRegistrationYears);

    /// <summary>Undoes a merge on its own (not one that is part of a household merge: that one is undone whole).</summary>
    public async Task<PersonMergeRecord?> UndoAsync(Guid mergeId, long expectedVersion, CancellationToken ct = default)
    {
        var record = await db.PersonMerges.FirstOrDefaultAsync(m => m.Id == mergeId, ct);
        if (record is null)
        {
            return null;
        }
        if (record.Version != expectedVersion || record.HouseholdMergeId is not null)
        {
            throw new ConcurrencyConflictException();
        }
        var events = new List<AuditEvent>();
        var restored = await StageUndoAsync(record, events, ct);
        try
        {
            await audit.SaveAsync(db, events, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException();
        }
        Restored(restored);
        return record;
    }

    /// <summary>Stages the undo on the tracked rows; the caller saves, then calls <see cref="Restored"/>.</summary>
    public async Task<(Guid Id, PersonDetails Details, string? Address)> StageUndoAsync(PersonMergeRecord record, List<AuditEvent> events, CancellationToken ct)
    {
        if (!CanUndo(record))
        {
            throw record.UndoneAt is null ? new MergeExpiredException() : new ConcurrencyConflictException();
        }
        var merged = await db.People.Include(p => p.Key).FirstOrDefaultAsync(p => p.Id == record.MergedId, ct) ?? throw new KeyNotFoundException();
        var survivor = await db.People.FirstOrDefaultAsync(p => p.Id == record.SurvivorId, ct) ?? throw new KeyNotFoundException();
        if (merged.Key!.IsErased())
        {
            throw new MergeExpiredException();
        }
        var household = await db.Households.Include(h => h.Key).FirstAsync(h => h.Id == record.HouseholdId, ct);
        // Exactly back, or not at all: a head chosen since, or the survivor's place changed since, cannot be undone blindly.
        if (merged.MergedIntoId != survivor.Id || household.HeadPersonId != record.HeadAfter || survivor.Relationship != record.SurvivorRelationshipAfter || merged.HouseholdId != household.Id)
        {
            throw new ConcurrencyConflictException();
        }
        var now = clock.GetUtcNow();
        merged.MergedIntoId = null;
        merged.Version++;
        merged.UpdatedAt = now;
        survivor.Relationship = record.SurvivorRelationshipBefore;
        survivor.Version++;
        survivor.UpdatedAt = now;
        household.HeadPersonId = record.HeadBefore;
        if (household.Status == record.StatusAfter)
        {
            household.Status = record.StatusBefore;
        }
        await db.People.Where(p => p.HouseholdId == household.Id).LoadAsync(ct);
        household.MemberCount = ActiveMembers(household.Id);
        household.Version++;
        household.UpdatedAt = now;
        record.UndoneAt = now;
        record.UndoneBy = actor.Id;
        record.Version++;
        if (record.ReviewId is { } reviewId && await db.DuplicateReviews.FirstOrDefaultAsync(r => r.Id == reviewId, ct) is { } review)
        {
            // The decision is taken back: the pair waits for a reviewer again.
            review.Status = ReviewStatus.Pending;
            review.DecidedAt = null;
            review.DecidedBy = null;
            review.Version++;
        }
        events.Add(new AuditEvent("person.unmerge", "person", merged.Id.ToString(), $"from={survivor.Id} merge={record.Id}"));
        events.Add(new AuditEvent("household.update", "household", household.Id.ToString(), $"cause=unmerge members={household.MemberCount}"));
        var details = RegistrySealer.OpenPerson(sealer.OpenKey(merged.Key!), merged);
        return (merged.Id, details, sealer.OpenHouseholdOrTombstone(household).Address);
    }

    /// <summary>
    /// Active members as the tracked rows now stand (the caller loaded them): a household merge moves members in memory
    /// before it saves, so a count in SQL would still see them where they were.
    /// </summary>
    public int ActiveMembers(Guid householdId) => db.People.Local.Count(p => p.HouseholdId == householdId && p.MergedIntoId is null);

    /// <summary>After the save: the registration is back in the match index and the cached counts are stale.</summary>
    public void Restored((Guid Id, PersonDetails Details, string? Address) person)
    {
        index.Upsert(person.Id, person.Details, person.Address, db.People.Local.First(p => p.Id == person.Id).HouseholdId);
        counts.Clear();
    }
}

/// <summary>The merge is past the retention period for merged registrations (or the merged copy was erased): it can no longer be undone.</summary>
public sealed class MergeExpiredException() : Exception("This merge can no longer be undone.");
