using System.ComponentModel.DataAnnotations;

namespace Panah.Web.Features.Account;

/// <summary>A six-digit code from an authenticator app; spaces are ignored.</summary>
public sealed class TotpCodeInput
{
    [Required, StringLength(7, MinimumLength = 6), RegularExpression("^[0-9 ]+$")]
    public string Code { get; set; } = "";

    // Code is null when the field is posted empty (model binding turns "" into null), and validation reads Digits too.
    public string Digits => (Code ?? "").Replace(" ", "", StringComparison.Ordinal);
}
