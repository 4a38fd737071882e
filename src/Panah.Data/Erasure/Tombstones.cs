using Panah.Core.Registry;
using Panah.Data.Entities;
using Panah.Data.Registry;

namespace Panah.Data.Erasure;

/// <summary>
/// Opening a record that may have been erased. An erased record keeps only what aggregates need (sex, birth
/// year, relationship, specific needs, district, status); every read path opens through here, so a tombstone
/// shows as "erased" instead of failing.
/// </summary>
public static class Tombstones
{
    /// <summary>What an erased person shows: an empty name and the fields kept in clear.</summary>
    public static PersonDetails Person(PersonRecord row) => new()
    {
        Name = new PersonName(NameScript.UyghurLatin, "", null, null),
        Sex = row.Sex,
        Relationship = row.Relationship,
        Vulnerabilities = row.Vulnerabilities,
    };

    public static HouseholdDetails Household(HouseholdRecord row) => new() { District = row.District, Status = row.Status };

    public static bool IsErased(this DataKey key) => key.Wrapped is null;

    /// <summary>The person's details, or their tombstone and the time of erasure; <paramref name="row"/> has its key loaded.</summary>
    public static (PersonDetails Details, DateTimeOffset? ErasedAt) OpenPersonOrTombstone(this RegistrySealer sealer, PersonRecord row)
    {
        var key = row.Key!;
        return key.IsErased() ? (Person(row), key.DestroyedAt ?? DateTimeOffset.MinValue) : (RegistrySealer.OpenPerson(sealer.OpenKey(key), row), null);
    }

    public static HouseholdDetails OpenHouseholdOrTombstone(this RegistrySealer sealer, HouseholdRecord row)
    {
        var key = row.Key!;
        return key.IsErased() ? Household(row) : RegistrySealer.OpenHousehold(sealer.OpenKey(key), row);
    }
}
