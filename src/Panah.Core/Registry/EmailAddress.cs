namespace Panah.Core.Registry;

/// <summary>Email addresses as people write them: surrounding spaces, capitals, a "mailto:" in front.</summary>
public static class EmailAddress
{
    /// <summary>The longest address mail systems carry (RFC 5321).</summary>
    public const int MaxLength = 254;

    /// <summary>
    /// Trimmed, without "mailto:", in lower case, so that " Ali.Tursun@Example.org" and "ali.tursun@example.org" agree:
    /// the domain has no case, and the mail providers refugees use ignore it in the local part too.
    /// </summary>
    public static string Normalize(string email)
    {
        var e = email.Trim();
        if (e.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            e = e[7..].Trim();
        }
        return e.ToLowerInvariant();
    }

    /// <summary>One @ with something before it and a dotted domain after it, nothing that cannot be in an address, at most <see cref="MaxLength"/> characters.</summary>
    public static bool IsPlausible(string email)
    {
        var e = Normalize(email);
        var at = e.IndexOf('@', StringComparison.Ordinal);
        var dot = at < 0 ? -1 : e.IndexOf('.', at + 1);
        return e.Length <= MaxLength && at > 0 && at == e.LastIndexOf('@') && dot > at + 1 && dot < e.Length - 1 && !e.EndsWith('.')
            && !e.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ',' or ';' or '(' or ')' or '"' or '[' or ']' or '\\');
    }
}
