using System.Globalization;
using nietras.SeparatedValues;

namespace Panah.Core;

/// <summary>
/// The one way Panah writes CSV: comma-separated, quoted only where a cell needs it (Sep's escaping), numbers in the
/// invariant culture, the header written first (an export without rows still says what its columns are), and every
/// text cell passed through <see cref="Safe"/>.
/// </summary>
public static class CsvText
{
    /// <summary>A writer to <paramref name="to"/> whose header row (<paramref name="header"/>) is already written.</summary>
    public static SepWriter Writer(TextWriter to, IReadOnlyList<string> header)
    {
        var writer = Sep.New(',').Writer(o => o with { Escape = true, CultureInfo = CultureInfo.InvariantCulture }).To(to);
        writer.Header.Add(header);
        writer.Header.Write();
        return writer;
    }

    /// <summary>
    /// A text cell a spreadsheet will not run: a value starting with = + - @, a tab or a carriage return (as in
    /// <c>=HYPERLINK(…)</c>) gets a leading single quote, so it is shown as text (OWASP, CSV injection).
    /// </summary>
    public static string Safe(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value ?? "";
}
