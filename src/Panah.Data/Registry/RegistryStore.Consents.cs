using Panah.Core.Registry;
using Panah.Data.Audit;

namespace Panah.Data.Registry;

public sealed partial class RegistryStore
{
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
