using Panah.Core.Imports;
using Panah.Core.Registry;
using Panah.Data.Matching;
using Panah.Matching;

namespace Panah.Data.Imports;

/// <summary>
/// The people of an import file its dry run found good so far, indexed as the registry is and scored with the registry's
/// model, so that the dry run foresees what the commit will find: a later row that may be a person an earlier row of the
/// same file brings (at commit, the earlier household is registered by then and the registry's check holds the later
/// one back). Held in memory for one run of the job, never written.
/// </summary>
public sealed class ImportFileIndex(MatchModel model)
{
    private readonly OnlineIndex index = new(model);
    private readonly Dictionary<Guid, ImportRow> rows = [];

    /// <summary>Adds a good household's members, each remembered with the row it came from (members of one household are never paired).</summary>
    public void Add(ImportedHousehold read)
    {
        var household = Guid.CreateVersion7();
        for (var i = 0; i < read.Members.Count; i++)
        {
            var person = Guid.CreateVersion7();
            rows[person] = read.RowOf(i);
            foreach (var record in MatchRecords.For(person, read.Members[i], read.Household.Address, household))
            {
                index.AddOrUpdate(record);
            }
        }
    }

    /// <summary>The row of the file's likeliest earlier person <paramref name="probe"/> may be, at least <paramref name="minimumProbability"/>; null for none.</summary>
    public ImportRow? Match(PersonDetails probe, string? address, double minimumProbability)
    {
        MatchCandidate? best = null;
        foreach (var record in MatchRecords.For(Guid.Empty, probe, address))
        {
            if (index.Query(record, 1, minimumProbability).FirstOrDefault() is { } c && (best is null || c.Score > best.Score))
            {
                best = c;
            }
        }
        return best is null ? null : rows[MatchRecords.PersonOf(best.Id)];
    }
}
