using System.Security.Cryptography;
using Panah.Data.Crypto;

namespace Panah.Web.Tests.Keys;

/// <summary>The key file as a ring of master keys, as a running app sees it change during a rotation.</summary>
public sealed class KeyRingTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "panah-ring-" + Guid.NewGuid().ToString("N")[..8]);

    private string KeyFile => Path.Combine(dir, KeyRing.FileName);

    public void Dispose()
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static readonly byte[] Context = Guid.NewGuid().ToByteArray();

    [Fact]
    public void A_running_process_follows_the_key_file_through_a_rotation()
    {
        var app = KeyRing.Load(KeyFile, null);
        var underOld = app.Wrap(new byte[32], Context);
        var cli = KeyRing.Load(KeyFile, null);

        var newId = cli.AddCurrentKey(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        Assert.Equal(2, File.ReadAllLines(KeyFile).Length);
        Assert.True(OperatingSystem.IsWindows() || File.GetUnixFileMode(KeyFile) == (UnixFileMode.UserRead | UnixFileMode.UserWrite));
        // The app, loaded before, now seals under the new key and still opens what was sealed under the old one.
        Assert.Equal(newId, app.CurrentKeyId);
        var underNew = app.Wrap(new byte[32], Context);
        Assert.True(cli.IsSealedUnderCurrentKey(underNew));
        Assert.False(cli.IsSealedUnderCurrentKey(underOld));
        Assert.Equal(new byte[32], app.Unwrap(underOld, Context));
        Assert.Equal(new byte[32], cli.Unwrap(underNew, Context));

        cli.RetireOtherKeys(newId);
        Assert.Single(File.ReadAllLines(KeyFile));
        Assert.Equal([newId], app.KeyIds);
        Assert.ThrowsAny<CryptographicException>(() => app.Unwrap(underOld, Context));
        Assert.Equal(new byte[32], app.Unwrap(underNew, Context));
    }

    [Fact]
    public void A_bad_new_key_leaves_the_key_file_as_it_was()
    {
        var keys = KeyRing.Load(KeyFile, null);
        var before = File.ReadAllText(KeyFile);
        Assert.Throws<InvalidOperationException>(() => keys.AddCurrentKey(Convert.ToBase64String(new byte[16])));
        Assert.Throws<InvalidOperationException>(() => keys.AddCurrentKey(before));
        Assert.Equal(before, File.ReadAllText(KeyFile));
    }

    [Fact]
    public void Values_sealed_before_keys_had_ids_open_under_the_first_key()
    {
        var master = RandomNumberGenerator.GetBytes(32);
        // As the earlier version wrapped a data key: version 1, under the key derived from the one master key.
        var legacy = FieldCipher.Seal(MasterKey.From((byte[])master.Clone()).WrapKey, new byte[32], Context);
        var fromEnvironment = KeyRing.Load(KeyFile, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) + "," + Convert.ToBase64String(master));
        Assert.Equal(2, fromEnvironment.KeyIds.Count);
        Assert.Equal(new byte[32], fromEnvironment.Unwrap(legacy, Context));
        Assert.False(fromEnvironment.IsSealedUnderCurrentKey(legacy));
    }
}
