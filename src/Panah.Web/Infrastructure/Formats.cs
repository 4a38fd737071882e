using System.Globalization;

namespace Panah.Web.Infrastructure;

/// <summary>
/// How numbers, percentages and lists are written in the reader's language, in one place. Turkish puts the
/// percent sign first ("%98,8", as CLDR and Turkish usage have it). Uyghur is written right to left with Latin
/// digits: its minus sign carries a left-to-right mark, as CLDR does for Arabic, so "-2.5" does not turn into
/// "2.5-" in a right-to-left line, and its lists are separated by the Arabic comma "،".
/// </summary>
public static class Formats
{
    /// <summary>The culture Panah serves for <paramref name="name"/>, with the conventions ICU's data lacks.</summary>
    public static CultureInfo Culture(string name)
    {
        var culture = new CultureInfo(name);
        if (name == "ug")
        {
            culture.NumberFormat.NegativeSign = "\u200E-";
            culture.TextInfo.ListSeparator = "،";
        }
        return culture;
    }

    private static CultureInfo Current => CultureInfo.CurrentCulture;

    /// <summary>A fraction (0.988) as a percentage ("98.8%", "%98,8").</summary>
    public static string Percent(double fraction, int decimals = 1) =>
        fraction.ToString("P" + decimals.ToString(CultureInfo.InvariantCulture), Current);

    public static string Number(double value, int decimals = 1) =>
        value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Current);

    /// <summary>A weight with its sign always shown ("+2.5", "-1.0").</summary>
    public static string Signed(double value, int decimals = 1) =>
        (value > 0 ? Current.NumberFormat.PositiveSign : "") + Number(value, decimals);

    /// <summary>Items joined with the language's list separator ("a, b" or "a، b").</summary>
    public static string List(IEnumerable<string> items) =>
        string.Join(Current.TextInfo.ListSeparator.TrimEnd() + " ", items);
}
