using System.Globalization;
using System.Text;

namespace Panah.Core.Registry;

/// <summary>
/// Normal forms used for exact-match search through blind indexes: a name part, a phone number and a
/// document number each reduce to one canonical string, so that case, Turkish dotted/dotless i,
/// diacritics and spacing do not matter.
/// </summary>
public static class SearchKeys
{
    /// <summary>Splits a name into normalised tokens (one per word).</summary>
    public static IEnumerable<string> NameTokens(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }
        var folded = FoldName(text);
        foreach (var token in folded.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            yield return token;
        }
    }

    /// <summary>
    /// NFKC, Turkish-aware lower case with ı and i made equal, diacritics removed (but not the
    /// Arabic or Cyrillic letters themselves), separators to spaces.
    /// </summary>
    public static string FoldName(string text)
    {
        var nfkc = text.Normalize(NormalizationForm.FormKC)
            .Replace('I', 'ı').Replace('İ', 'i');
        var lower = nfkc.ToLowerInvariant().Replace('ı', 'i');
        var decomposed = lower.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var cat = CharUnicodeInfo.GetUnicodeCategory(c);
            if (cat == UnicodeCategory.NonSpacingMark && c < '\u0600')
            {
                continue;
            }
            if (char.IsLetterOrDigit(c) || cat == UnicodeCategory.NonSpacingMark)
            {
                sb.Append(c);
            }
            else
            {
                sb.Append(' ');
            }
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    public static string Document(string number) =>
        new(number.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    public static string Phone(string phone) => PhoneNumber.Normalize(phone);

    public static string Email(string email) => EmailAddress.Normalize(email);
}
