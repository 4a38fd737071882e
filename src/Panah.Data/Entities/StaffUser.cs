using Microsoft.AspNetCore.Identity;

namespace Panah.Data.Entities;

/// <summary>A staff account. Every staff account must enrol TOTP before it can do anything.</summary>
public sealed class StaffUser : IdentityUser
{
    public string? DisplayName { get; set; }
    public bool IsDisabled { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The last TOTP time step accepted: a code is good once, even within its 30 seconds.</summary>
    public long LastTotpStep { get; set; }

    /// <summary>An integration (e.g. a Kobo sync): no password, never signs in interactively, holds API tokens only.</summary>
    public bool IsServiceAccount { get; set; }

    /// <summary>SHA-256 of the single-use code the new staff member redeems to set their own password; null once used.</summary>
    public byte[]? EnrolmentCodeHash { get; set; }

    public DateTimeOffset? EnrolmentCodeExpiresAt { get; set; }
}
