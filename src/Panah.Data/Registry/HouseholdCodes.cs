using System.Security.Cryptography;

namespace Panah.Data.Registry;

/// <summary>
/// Household codes such as <c>IST-7KQ2-9XM4</c>: the field office, then 8 random Crockford base-32
/// characters. Random rather than sequential, so a code reveals neither the order nor the size of the registry.
/// </summary>
public static class HouseholdCodes
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New(string officeCode)
    {
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        Span<char> chars = stackalloc char[9];
        for (int i = 0, j = 0; i < 8; i++, j++)
        {
            if (i == 4)
            {
                chars[j++] = '-';
            }
            chars[j] = Alphabet[bytes[i] & 31];
        }
        return $"{officeCode}-{chars}";
    }
}
