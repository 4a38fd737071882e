using Microsoft.Extensions.Configuration;

namespace Panah.Data.Access;

/// <summary>Section <c>Panah:Access</c>: local practice for access outside one's scope.</summary>
public sealed class AccessOptions
{
    /// <summary>How long a break-glass opening lasts (<c>Panah:Access:BreakGlassMinutes</c>, default 60).</summary>
    public int BreakGlassMinutes { get; set; } = 60;

    public static AccessOptions Read(IConfiguration configuration)
    {
        var options = new AccessOptions();
        configuration.GetSection("Panah:Access").Bind(options);
        options.BreakGlassMinutes = Math.Clamp(options.BreakGlassMinutes, 1, 24 * 60);
        return options;
    }
}
