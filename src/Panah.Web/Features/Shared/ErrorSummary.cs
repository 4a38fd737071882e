using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Panah.Web.Features.Shared;

/// <summary>
/// The lines of a form's error summary: each message says which member and which field it is about
/// ("Member 2: Sex: This value is required."), since on a phone the field itself may be far down the page.
/// </summary>
public static partial class ErrorSummary
{
    /// <summary>The last segment of an error key (camelCase or PascalCase) and its label, in the order the form shows them.</summary>
    private static readonly (string Segment, string Label)[] Fields =
    [
        ("fieldOffice", "Field office"), ("district", "District"), ("neighbourhood", "Neighbourhood"), ("address", "Address"),
        ("given", "Given name"), ("family", "Family name"), ("father", "Father's name"), ("script", "Script"),
        ("relationship", "Relationship to head"), ("sex", "Sex"), ("birthDate", "Birth date"), ("birthDatePrecision", "Birth date is"),
        ("birthPlace", "Birth place"), ("phone", "Phone"), ("type", "Document"), ("number", "Document number"),
        ("permitType", "Permit type"), ("expiresOn", "Expires on"), ("vulnerabilities", "Specific needs"), ("consents", "Consent given for"),
    ];

    [GeneratedRegex(@"members\[(\d+)\]", RegexOptions.IgnoreCase)]
    private static partial Regex Member();

    [GeneratedRegex(@"([A-Za-z]+)(\[\d+\])?$")]
    private static partial Regex LastSegment();

    public static List<string> Lines(ModelStateDictionary state, IStringLocalizer l)
    {
        var lines = new List<(int Member, int Field, string Text)>();
        foreach (var (key, entry) in state)
        {
            if (entry.Errors.Count == 0)
            {
                continue;
            }
            var segment = key.EndsWith("members", StringComparison.OrdinalIgnoreCase) ? "" : LastSegment().Match(key).Groups[1].Value;
            var field = Array.FindIndex(Fields, f => string.Equals(f.Segment, segment, StringComparison.OrdinalIgnoreCase));
            var member = Member().Match(key) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : -1;
            foreach (var error in entry.Errors)
            {
                var text = field < 0 ? error.ErrorMessage : string.Format(CultureInfo.CurrentCulture, l["{0}: {1}"], l[Fields[field].Label], error.ErrorMessage);
                lines.Add((member, field, member < 0 ? text : string.Format(CultureInfo.CurrentCulture, l["Member {0}: {1}"], (member + 1).ToString("N0", CultureInfo.CurrentCulture), text)));
            }
        }
        // In the order of the form, household first, so the summary reads like the page.
        return lines.OrderBy(x => x.Member).ThenBy(x => x.Field).Select(x => x.Text).ToList();
    }
}
