using Panah.Core.Registry;
using Panah.Matching;

namespace Panah.Data.Matching;

/// <summary>
/// A registered person as the matcher sees them: one matcher record per spelling of the name, with
/// ids "&lt;person&gt;.&lt;n&gt;", so a search in any script meets the spelling in that script.
/// </summary>
public static class MatchRecords
{
    // The household the person is registered in: two members of one household are two people (siblings, twins)
    // unless everything agrees, so the matcher never pairs them otherwise. Null for a probe.
    public static IEnumerable<PersonRecord> For(Guid personId, PersonDetails p, string? address, Guid? householdId = null)
    {
        var n = 0;
        foreach (var name in p.AllNames())
        {
            yield return new PersonRecord($"{personId:N}.{n++}")
            {
                GivenName = name.Given,
                FamilyName = name.Family,
                FatherName = name.Father ?? p.Name.Father,
                Sex = p.Sex switch { Sex.Female => "f", Sex.Male => "m", _ => null },
                BirthDate = p.BirthDate?.Date,
                BirthPlace = p.BirthPlace,
                Phone = p.Phone,
                DocumentNumber = p.Documents.FirstOrDefault(d => d.Type is DocumentType.ForeignerId or DocumentType.TurkishCitizenId)?.Number
                    ?? p.Documents.FirstOrDefault()?.Number,
                Address = address,
                HouseholdId = householdId?.ToString("N"),
            };
        }
    }

    public static Guid PersonOf(string recordId) => Guid.ParseExact(recordId.AsSpan(0, 32), "N");
}
