using System.Globalization;

namespace Panah.Benchmarks;

/// <summary>Minimal "--name value" parsing for the evaluation verbs.</summary>
internal static class Args
{
    public static string Get(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    public static int GetInt(string[] args, string name, int fallback) =>
        int.Parse(Get(args, name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
}
