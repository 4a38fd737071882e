using System.Text.RegularExpressions;

namespace Panah.Web.Tests.Styling;

/// <summary>
/// Bootstrap's CSS is served cut to the classes Panah uses (<c>frontend/build.mjs</c>, PurgeCSS). A view that starts
/// using a Bootstrap class the cut left out would lose its style without a word; this catches it: every Bootstrap class
/// named anywhere in the views, the C# code or the scripts is in both served sheets.
/// </summary>
public sealed partial class TrimmedBootstrapTests
{
    private static readonly string Root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
    private static readonly string Web = Path.Combine(Root, "src", "Panah.Web");

    /// <summary>The class names a style sheet's selectors name (declarations, which hold numbers like .5rem, are skipped).</summary>
    internal static HashSet<string> ClassesOf(string css) => [.. SelectorsOf(css).SelectMany(s => s)];

    /// <summary>
    /// The classes a sheet styles on their own: named by a selector that names no other class (<c>.collapsed</c> only
    /// in <c>.accordion-button:not(.collapsed)</c> is rightly cut when accordions are not used).
    /// </summary>
    internal static HashSet<string> StandaloneClassesOf(string css) => [.. SelectorsOf(css).Where(s => s.Count == 1).SelectMany(s => s)];

    /// <summary>Each selector of a sheet (a comma-separated part), as the classes it names.</summary>
    private static IEnumerable<HashSet<string>> SelectorsOf(string css)
    {
        var selectors = new System.Text.StringBuilder();
        var start = 0;
        for (var i = 0; i < css.Length; i++)
        {
            if (css[i] == '{')
            {
                selectors.Append(css, start, i - start).Append(',');
                start = i + 1;
            }
            else if (css[i] is '}' or ';')
            {
                start = i + 1;
            }
        }
        return Comment().Replace(selectors.ToString(), " ").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(selector => ClassName().Matches(selector).Select(m => m.Groups[1].Value).ToHashSet()).Where(c => c.Count > 0);
    }

    /// <summary>Every word of the views, the C# code and the scripts, as PurgeCSS reads them.</summary>
    private static HashSet<string> WordsOfTheApp()
    {
        var files = new[] { "*.cshtml", "*.cs" }.SelectMany(p => Directory.EnumerateFiles(Web, p, SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Concat(Directory.EnumerateFiles(Path.Combine(Web, "wwwroot", "js"), "*.js"));
        return [.. files.SelectMany(f => Word().Matches(File.ReadAllText(f)).Select(m => m.Value))];
    }

    [Theory]
    [InlineData("bootstrap.min.css")]
    [InlineData("bootstrap.rtl.min.css")]
    public void Every_bootstrap_class_the_app_names_is_in_the_served_sheet(string sheet)
    {
        var upstreamCss = File.ReadAllText(Path.Combine(Root, "frontend", "upstream", sheet));
        var upstream = ClassesOf(upstreamCss);
        var standalone = StandaloneClassesOf(upstreamCss);
        var served = ClassesOf(File.ReadAllText(Path.Combine(Web, "wwwroot", "lib", "bootstrap", sheet)));
        var used = WordsOfTheApp().Where(standalone.Contains).ToList();

        var missing = used.Where(c => !served.Contains(c)).Order(StringComparer.Ordinal).ToList();

        Assert.True(used.Count > 100, $"only {used.Count} Bootstrap classes found in the app: the scan is broken");
        Assert.True(missing.Count == 0, $"cut from {sheet} but used: {string.Join(", ", missing)}. Run `npm ci && npm run build` in frontend/.");
        Assert.True(served.Count < upstream.Count / 2, $"{served.Count} of {upstream.Count} classes served: the sheet is not cut");
    }

    [Fact]
    public void The_class_reader_skips_declarations_and_comments()
    {
        var classes = ClassesOf("/* .note */.a,.b:hover>.c-d{margin:.5rem}@media (min-width:576px){.e{padding:.25rem}}");

        Assert.Equal(["a", "b", "c-d", "e"], classes.Order(StringComparer.Ordinal));
        Assert.Equal(["a", "e"], StandaloneClassesOf("/* .note */.a,.b:hover>.c-d{margin:.5rem}@media (min-width:576px){.e{padding:.25rem}}").Order(StringComparer.Ordinal));
    }

    [GeneratedRegex(@"\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)")]
    private static partial Regex ClassName();

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"[A-Za-z0-9_-]+")]
    private static partial Regex Word();
}
