using System.Globalization;

namespace Panah.Web.Features.Food.Baskets;

/// <summary>
/// Numbers typed in the food forms. A number field sends "11.5" whatever the page's language, and someone typing in
/// Turkish may write "11,5": both are read, with no thousands separators, so "1,500" cannot become 1.5 or 1500 by culture.
/// </summary>
public static class FormNumbers
{
    public static bool TryParse(string? text, out double value)
    {
        value = 0;
        var t = text?.Trim().Replace(',', '.');
        return !string.IsNullOrEmpty(t) && double.TryParse(t, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    /// <summary>A value as a number field's <c>value</c> attribute wants it.</summary>
    public static string Field(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
