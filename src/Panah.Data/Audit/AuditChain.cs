using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Panah.Data.Audit.Checkpoints;
using Panah.Data.Crypto;
using Panah.Data.Entities;

namespace Panah.Data.Audit;

/// <summary>Computes the keyed hash that links an audit entry to the one before it in its lane.</summary>
public sealed class AuditChain(KeyRing keys, AuditCheckpointOptions options)
{
    /// <summary>How many lanes writers spread over (where the database lets writers commit side by side).</summary>
    public int Lanes => options.Lanes;

    /// <summary>What the first entry of lane 0 links to (the chain from before lanes existed).</summary>
    public static readonly byte[] Genesis = GenesisOf(0);

    /// <summary>
    /// What the first entry of a lane links to: distinct per lane, so the unique index on the previous hash holds
    /// across lanes too, and an entry moved to the head of another lane does not link.
    /// </summary>
    public static byte[] GenesisOf(short lane)
    {
        var genesis = new byte[32];
        BinaryPrimitives.WriteInt16BigEndian(genesis.AsSpan(30), lane);
        return genesis;
    }

    public byte[] HashOf(AuditEntry e)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, keys.AuditKey);
        hmac.AppendData(e.PreviousHash);
        if (e.Lane != 0)
        {
            // Lane 0 hashes exactly as entries did before lanes, so existing chains still verify.
            Span<byte> lane = stackalloc byte[2];
            BinaryPrimitives.WriteInt16BigEndian(lane, e.Lane);
            hmac.AppendData(lane);
        }
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
