using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Panah.Data.Crypto;

namespace Panah.Data.Protection;

/// <summary>
/// Seals and opens anything personal or narrative of a case under the case's own data key. Every row of a case
/// (assessment, note, attachment…) seals with its own kind and id as context, so a sealed value moved to another
/// row or kind does not open.
/// </summary>
public static class CaseSealer
{
    public static byte[] Seal<T>(byte[] caseKey, string kind, Guid rowId, T value) =>
        FieldCipher.Seal(caseKey, JsonSerializer.SerializeToUtf8Bytes(value, Json), Context(kind, rowId));

    public static T Open<T>(byte[] caseKey, string kind, Guid rowId, byte[] sealedValue) =>
        JsonSerializer.Deserialize<T>(FieldCipher.Open(caseKey, sealedValue, Context(kind, rowId)), Json)
            ?? throw new CryptographicException($"Empty {kind} payload.");

    public static byte[] SealCase(byte[] caseKey, Guid caseId, CaseDetails details) => Seal(caseKey, "case", caseId, details);

    public static CaseDetails OpenCase(byte[] caseKey, ProtectionCase row) => Open<CaseDetails>(caseKey, "case", row.Id, row.Sealed);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static byte[] Context(string kind, Guid id) => Encoding.ASCII.GetBytes($"{kind}:{id:N}");
}
