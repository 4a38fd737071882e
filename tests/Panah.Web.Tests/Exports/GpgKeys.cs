using System.Diagnostics;

namespace Panah.Web.Tests.Exports;

/// <summary>
/// Two OpenPGP key pairs made by GnuPG itself in throwaway homes (the recipient's and someone else's), so the tests
/// check what a recipient's own tool does with an export: <c>gpg --decrypt</c>. Shared per test class.
/// </summary>
public sealed class GpgKeys : IDisposable
{
    public GpgHome Recipient { get; } = GpgHome.Create("Recipient <recipient@example.invalid>");
    public GpgHome Other { get; } = GpgHome.Create("Other <other@example.invalid>");

    public void Dispose()
    {
        Recipient.Dispose();
        Other.Dispose();
    }
}

/// <summary>A GnuPG home holding one key pair without passphrase: RSA 2048, a certifying primary and an encryption subkey.</summary>
public sealed class GpgHome : IDisposable
{
    public string Directory { get; }
    public string Fingerprint { get; }
    public string ArmouredPublicKey { get; }

    private GpgHome(string directory, string fingerprint, string armoured)
    {
        Directory = directory;
        Fingerprint = fingerprint;
        ArmouredPublicKey = armoured;
    }

    public static GpgHome Create(string uid)
    {
        var dir = System.IO.Directory.CreateTempSubdirectory("panah-gpg-").FullName;
        Check(Run(dir, null, "--batch", "--pinentry-mode", "loopback", "--passphrase", "", "--quick-gen-key", uid, "rsa2048", "cert", "never"));
        var listed = Run(dir, null, "--batch", "--list-keys", "--with-colons");
        var fingerprint = listed.Out.Split('\n').First(l => l.StartsWith("fpr:", StringComparison.Ordinal)).Split(':')[9];
        Check(Run(dir, null, "--batch", "--pinentry-mode", "loopback", "--passphrase", "", "--quick-add-key", fingerprint, "rsa2048", "encr", "never"));
        var exported = Run(dir, null, "--batch", "--armor", "--export", fingerprint);
        Check(exported);
        return new GpgHome(dir, fingerprint, exported.Out);
    }

    /// <summary><c>gpg --decrypt</c> of <paramref name="message"/> with this home's secret key: exit code and the plaintext.</summary>
    public (int Exit, string Plain) Decrypt(byte[] message)
    {
        var r = Run(Directory, message, "--batch", "--pinentry-mode", "loopback", "--passphrase", "", "--decrypt");
        return (r.Exit, r.Out);
    }

    public void Dispose()
    {
        using (var kill = Process.Start(new ProcessStartInfo("gpgconf", ["--kill", "gpg-agent"]) { Environment = { ["GNUPGHOME"] = Directory } }))
        {
            kill?.WaitForExit();
        }
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private static void Check((int Exit, string Out, string Err) r) => Assert.True(r.Exit == 0, r.Err);

    private static (int Exit, string Out, string Err) Run(string home, byte[]? input, params string[] args)
    {
        var start = new ProcessStartInfo("gpg", args)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            Environment = { ["GNUPGHOME"] = home },
        };
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            p.StandardInput.BaseStream.Write(input);
        }
        p.StandardInput.Close();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
