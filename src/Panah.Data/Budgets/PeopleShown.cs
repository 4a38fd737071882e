using Panah.Data.Audit;

namespace Panah.Data.Budgets;

/// <summary>The counting rule of read budgets: how many person records one request's audit entries say it showed.</summary>
public static class PeopleShown
{
    /// <summary>
    /// The distinct people named by the entries (<see cref="AuditEvent.People"/>), together with the person of each
    /// <c>person.view</c> entry, which names its person in the entity id rather than in <see cref="AuditEvent.People"/>.
    /// A person shown twice in one request (a household page and its members) counts once. The people of an approved
    /// export (<c>export.produce</c>) are not counted.
    /// </summary>
    public static int Count(IReadOnlyList<AuditEvent> events)
    {
        var people = new HashSet<Guid>();
        foreach (var e in events)
        {
            // An approved export is bounded by its gate (purpose, recipient, another's approval), not by the reader's
            // hourly budget, which would refuse any export of an office; it is still audited person by person.
            if (e.Action == Exports.ExportGate.ProduceAction)
            {
                continue;
            }
            people.UnionWith(e.People);
            if (e is { Action: "person.view", EntityId: { } id } && Guid.TryParse(id, out var person))
            {
                people.Add(person);
            }
        }
        return people.Count;
    }
}
