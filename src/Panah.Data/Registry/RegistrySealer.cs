using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Panah.Core.Registry;
using Panah.Data.Crypto;
using Panah.Data.Entities;

namespace Panah.Data.Registry;

/// <summary>Seals and opens the personal part of people and households under each record's own data key.</summary>
public sealed class RegistrySealer(FieldCipher cipher, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The personal fields of a person; everything here is encrypted.</summary>
    private sealed record PersonPayload(
        PersonName Name,
        IReadOnlyList<PersonName> Spellings,
        BirthDate? BirthDate,
        string? BirthPlace,
        string? Phone,
        IReadOnlyList<IdentityDocument> Documents,
        IReadOnlyList<Consent> Consents,
        string? Email = null);

    private sealed record HouseholdPayload(string? Neighbourhood, string? Address, string? Phone);

    /// <summary>A new data key, returned in clear for immediate use and as the row to store.</summary>
    public (DataKey Row, byte[] Key) NewKey()
    {
        var id = Guid.CreateVersion7();
        var key = FieldCipher.NewDataKey();
        return (new DataKey { Id = id, Wrapped = cipher.Wrap(key, id), CreatedAt = clock.GetUtcNow() }, key);
    }

    public byte[] OpenKey(DataKey row)
    {
        if (row.Wrapped is null)
        {
            throw new ErasedRecordException();
        }
        return cipher.Unwrap(row.Wrapped, row.Id);
    }

    public static byte[] SealPerson(byte[] key, Guid personId, PersonDetails p)
    {
        var payload = new PersonPayload(p.Name, p.Spellings, p.BirthDate, p.BirthPlace, p.Phone, p.Documents, p.Consents, p.Email);
        return FieldCipher.Seal(key, JsonSerializer.SerializeToUtf8Bytes(payload, Json), Context("person", personId));
    }

    public static PersonDetails OpenPerson(byte[] key, PersonRecord row)
    {
        var json = FieldCipher.Open(key, row.Sealed, Context("person", row.Id));
        var p = JsonSerializer.Deserialize<PersonPayload>(json, Json) ?? throw new CryptographicException("Empty person payload.");
        return new PersonDetails
        {
            Name = p.Name,
            Spellings = p.Spellings,
            Sex = row.Sex,
            BirthDate = p.BirthDate,
            BirthPlace = p.BirthPlace,
            Relationship = row.Relationship,
            Phone = p.Phone,
            Documents = p.Documents,
            Vulnerabilities = row.Vulnerabilities,
            Consents = p.Consents,
            Email = p.Email,
        };
    }

    public static byte[] SealHousehold(byte[] key, Guid householdId, HouseholdDetails h) =>
        FieldCipher.Seal(key, JsonSerializer.SerializeToUtf8Bytes(new HouseholdPayload(h.Neighbourhood, h.Address, h.Phone), Json), Context("household", householdId));

    public static HouseholdDetails OpenHousehold(byte[] key, HouseholdRecord row)
    {
        var json = FieldCipher.Open(key, row.Sealed, Context("household", row.Id));
        var p = JsonSerializer.Deserialize<HouseholdPayload>(json, Json) ?? throw new CryptographicException("Empty household payload.");
        return new HouseholdDetails { District = row.District, Status = row.Status, Neighbourhood = p.Neighbourhood, Address = p.Address, Phone = p.Phone };
    }

    private static byte[] Context(string kind, Guid id) => Encoding.ASCII.GetBytes($"{kind}:{id:N}");
}

/// <summary>The record's data key was destroyed: its personal data is gone for good.</summary>
public sealed class ErasedRecordException() : Exception("This record's personal data has been erased.");
