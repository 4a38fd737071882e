using Panah.Core.Access;

namespace Panah.Cli.Staff;

/// <summary>Parses <c>--offices IST,KAY</c> and <c>--programmes food,education</c>.</summary>
public static class ScopeArguments
{
    public static readonly string ProgrammesError = $"--programmes takes a comma-separated list of: {string.Join(", ", Core.Access.Programmes.All).ToLowerInvariant()}.";

    public static List<string> Offices(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.ToUpperInvariant()).Distinct().ToList();

    /// <summary>Null when a name is not a programme.</summary>
    public static List<Programme>? Programmes(string? value)
    {
        var parsed = (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Core.Access.Programmes.Parse).ToList();
        return parsed.Any(p => p is null) ? null : parsed.Select(p => p!.Value).Distinct().ToList();
    }
}
