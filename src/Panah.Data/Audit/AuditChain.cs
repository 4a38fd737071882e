using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Panah.Data.Crypto;
using Panah.Data.Entities;

namespace Panah.Data.Audit;

/// <summary>Computes the keyed hash that links an audit entry to the one before it.</summary>
public sealed class AuditChain(KeyRing keys)
{
    public static readonly byte[] Genesis = new byte[32];

    public byte[] HashOf(AuditEntry e)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, keys.AuditKey);
        hmac.AppendData(e.PreviousHash);
        Span<byte> ticks = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(ticks, e.At.UtcTicks);
        hmac.AppendData(ticks);
        Span<byte> len = stackalloc byte[4];
        foreach (var field in new[] { e.Actor, e.Action, e.EntityType, e.EntityId, e.Origin, e.Detail })
        {
            // Length-prefixed so that field boundaries cannot be shifted.
            var bytes = Encoding.UTF8.GetBytes(field ?? "\0");
            BinaryPrimitives.WriteInt32BigEndian(len, bytes.Length);
            hmac.AppendData(len);
            hmac.AppendData(bytes);
        }
        BinaryPrimitives.WriteInt32BigEndian(len, e.Subjects.Count);
        hmac.AppendData(len);
        Span<byte> person = stackalloc byte[16];
        // Sorted here, not by the database: providers order uuids differently.
        foreach (var id in e.Subjects.Select(s => s.PersonId).Order())
        {
            id.TryWriteBytes(person, bigEndian: true, out _);
            hmac.AppendData(person);
        }
        return hmac.GetHashAndReset();
    }
}
