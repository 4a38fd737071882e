namespace Panah.Web.Features.Account;

/// <summary>What the passkey forms accept from the browser.</summary>
public static class PasskeyCredential
{
    /// <summary>
    /// A browser's credential JSON is a few kilobytes (an attestation with a certificate chain the most);
    /// anything longer is refused before it is parsed.
    /// </summary>
    public const int MaxJsonLength = 64 * 1024;
}
