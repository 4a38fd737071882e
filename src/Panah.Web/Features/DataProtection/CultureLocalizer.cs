using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Panah.Web.Features.DataProtection;

/// <summary>
/// The shared strings in one chosen language, whatever the request's: a report is written in the person's language,
/// not in the language the staff member reads Panah in.
/// </summary>
public sealed class CultureLocalizer(IStringLocalizer inner, CultureInfo culture) : IStringLocalizer
{
    public CultureInfo Culture { get; } = culture;

    public LocalizedString this[string name] => In(() => inner[name]);

    public LocalizedString this[string name, params object[] arguments] => In(() => inner[name, arguments]);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => In(() => inner.GetAllStrings(includeParentCultures).ToList());

    // The resource lookup reads the current UI culture; it is swapped for the call only, on this thread.
    private T In<T>(Func<T> lookup)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Culture;
        try
        {
            return lookup();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
