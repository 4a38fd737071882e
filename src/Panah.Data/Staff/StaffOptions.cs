using Microsoft.Extensions.Configuration;

namespace Panah.Data.Staff;

/// <summary>Limits on staff credentials, from the <c>Panah</c> section (shared by the web app and the CLI).</summary>
public sealed class StaffOptions
{
    /// <summary><c>Panah:MaxTokenDays</c>: the longest an API token may live.</summary>
    public int MaxTokenDays { get; init; } = 90;

    /// <summary><c>Panah:EnrolmentHours</c>: how long a new account's enrolment code can be redeemed.</summary>
    public int EnrolmentHours { get; init; } = 72;

    public static StaffOptions Read(IConfiguration configuration) => new()
    {
        MaxTokenDays = Math.Clamp(configuration.GetValue("Panah:MaxTokenDays", 90), 1, 366),
        EnrolmentHours = Math.Clamp(configuration.GetValue("Panah:EnrolmentHours", 72), 1, 24 * 14),
    };
}
