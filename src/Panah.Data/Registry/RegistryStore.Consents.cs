using Microsoft.EntityFrameworkCore;
using Panah.Core.Registry;
using Panah.Data.Audit;
using Panah.Data.Erasure;

namespace Panah.Data.Registry;

public sealed partial class RegistryStore
{
    /// <summary>
    /// Records that a person gave consent for one purpose today (an education coordinator taking an application, say),
    /// keeping the history as an edit does; nothing changes when that consent is already in force. Only the consents
    /// move: the person's other details are not the caller's to see or to send back.
    /// </summary>
    /// <returns>Whether a consent was added; false when one was in force already.</returns>
    /// <exception cref="KeyNotFoundException">The person is not in the caller's scope.</exception>
    public async Task<bool> GiveConsentAsync(Guid personId, ConsentPurpose purpose, string noticeVersion, CancellationToken ct = default)
    {
        var p = await db.People.Include(x => x.Key).FirstOrDefaultAsync(x => x.Id == personId && x.MergedIntoId == null, ct)
            ?? throw new KeyNotFoundException();
        if (p.Key!.IsErased())
        {
            throw new ErasedRecordException();
        }
        var key = sealer.OpenKey(p.Key!);
        var before = RegistrySealer.OpenPerson(key, p);
        var inForce = before.Consents.Where(c => c.WithdrawnOn is null).ToList();
        if (inForce.Any(c => c.Purpose == purpose))
        {
            return false;
        }
        var (details, events) = KeepConsentHistory(personId, before, before with { Consents = [.. inForce, new Consent(purpose, Today, noticeVersion)] }, Today);
        p.Sealed = RegistrySealer.SealPerson(key, personId, details);
        p.Version++;
        p.UpdatedAt = clock.GetUtcNow();
        await SaveEditAsync(events, ct);
        return true;
    }

    /// <summary>
    /// A person's edit, from the page or the API, keeps the consent history (<see cref="ConsentHistory"/>): the
    /// consents it lists in force are what is in force now; everything recorded before stays. Each withdrawal and
    /// each new consent is an audit entry of its own, naming the person and the purpose only.
    /// </summary>
    private static (PersonDetails Details, List<AuditEvent> Events) KeepConsentHistory(Guid personId, PersonDetails before, PersonDetails edited, DateOnly today)
    {
        var consents = ConsentHistory.Apply(before.Consents, edited.Consents, today);
        var (withdrawn, given) = ConsentHistory.Changes(before.Consents, consents);
        var events = withdrawn.Select(p => ConsentEvent("consent.withdraw", personId, p))
            .Concat(given.Select(p => ConsentEvent("consent.give", personId, p)))
            .ToList();
        return (edited with { Consents = consents }, events);
    }

    private static AuditEvent ConsentEvent(string action, Guid personId, ConsentPurpose purpose) =>
        new(action, "person", personId.ToString(), "purpose=" + purpose) { People = [personId] };
}
