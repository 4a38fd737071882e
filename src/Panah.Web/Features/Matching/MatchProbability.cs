using System.Globalization;

namespace Panah.Web.Features.Matching;

/// <summary>How a match probability is written on every page: one rounding, in the reader's culture (55.3%, %55,3).</summary>
public static class MatchProbability
{
    public static string Format(double probability) => probability.ToString("P1", CultureInfo.CurrentCulture);
}
