using Microsoft.Extensions.Configuration;

namespace Panah.Data.Matching;

/// <summary>Section <c>Panah:MatchIndex</c>: how an app node keeps its match index current with the others.</summary>
public sealed class MatchIndexOptions
{
    /// <summary>Seconds between reads of the change cursor when no notification came (<c>PollSeconds</c>, default 30).</summary>
    public int PollSeconds { get; set; } = 30;

    /// <summary>Seconds before listening again after the database connection dropped (<c>ReconnectSeconds</c>, default 2).</summary>
    public int ReconnectSeconds { get; set; } = 2;

    /// <summary>Seconds a missing change id is waited for before it counts as rolled back (<c>GapSeconds</c>, default 60).</summary>
    public int GapSeconds { get; set; } = 60;

    /// <summary>Days changes are kept for nodes to catch up (<c>ChangeRetentionDays</c>, default 7); a node away longer rebuilds.</summary>
    public int ChangeRetentionDays { get; set; } = 7;

    public static MatchIndexOptions Read(IConfiguration configuration)
    {
        var options = new MatchIndexOptions();
        configuration.GetSection("Panah:MatchIndex").Bind(options);
        options.PollSeconds = Math.Clamp(options.PollSeconds, 1, 3600);
        options.ReconnectSeconds = Math.Clamp(options.ReconnectSeconds, 1, 600);
        options.GapSeconds = Math.Clamp(options.GapSeconds, 1, 3600);
        options.ChangeRetentionDays = Math.Clamp(options.ChangeRetentionDays, 1, 365);
        return options;
    }
}
