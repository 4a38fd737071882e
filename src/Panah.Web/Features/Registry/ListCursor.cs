using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace Panah.Web.Features.Registry;

/// <summary>
/// The opaque <c>next</c>/<c>after</c> value of the API lists: the last id a page showed, for one list, sealed
/// so that a client can only hand back what the server gave (an edited cursor is refused, not guessed at).
/// </summary>
public sealed class ListCursor(IDataProtectionProvider protection)
{
    private readonly IDataProtector protector = protection.CreateProtector("Panah.Registry.ListCursor.v1");

    public string Next(string list, Guid last) => Base64Url.EncodeToString(protector.Protect(Encoding.ASCII.GetBytes(list + ":" + last.ToString("N"))));

    /// <summary>The id to continue after, or false when the cursor was not made by <see cref="Next"/> for this list.</summary>
    public bool TryRead(string list, string cursor, out Guid after)
    {
        after = Guid.Empty;
        try
        {
            var text = Encoding.ASCII.GetString(protector.Unprotect(Base64Url.DecodeFromChars(cursor)));
            return text.StartsWith(list + ":", StringComparison.Ordinal) && Guid.TryParseExact(text[(list.Length + 1)..], "N", out after);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false;
        }
    }
}
