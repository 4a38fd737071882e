using Panah.Data.Crypto;

namespace Panah.Data.Entities;

/// <summary>
/// A blind-index entry: a keyed hash of one normalised name part, phone or document of a person.
/// The key (kind, hash, person) is the whole row, so a search reads the index alone.
/// </summary>
public sealed class SearchToken
{
    public SearchKind Kind { get; set; }
    public required byte[] Hash { get; set; }
    public Guid PersonId { get; set; }
}
