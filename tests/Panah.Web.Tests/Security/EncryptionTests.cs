using System.Security.Cryptography;
using Panah.Core.Registry;
using Panah.Data.Crypto;
using Panah.Data.Entities;
using Panah.Data.Registry;

namespace Panah.Web.Tests.Security;

/// <summary>The master key file, envelope encryption and blind indexes.</summary>
public sealed class EncryptionTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "panah-keys-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void The_master_key_file_is_created_owner_only_and_reused()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // POSIX permissions only
        }
        var first = KeyRing.Load(Path.Combine(dir, KeyRing.FileName), null);
        var path = Path.Combine(dir, KeyRing.FileName);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        var again = KeyRing.Load(Path.Combine(dir, KeyRing.FileName), null);
        Assert.Equal(first.CurrentKeyId, again.CurrentKeyId);

        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        Assert.Contains("chmod 600", Assert.Throws<InvalidOperationException>(() => KeyRing.Load(Path.Combine(dir, KeyRing.FileName), null)).Message);
    }

    [Fact]
    public void A_key_from_the_environment_wins_and_must_be_256_bits()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        KeyRing.Load(Path.Combine(dir, KeyRing.FileName), key);
        Assert.False(File.Exists(Path.Combine(dir, KeyRing.FileName)));
        Assert.Throws<InvalidOperationException>(() => KeyRing.Load(Path.Combine(dir, KeyRing.FileName), Convert.ToBase64String(new byte[16])));
        Assert.Throws<InvalidOperationException>(() => KeyRing.Load(Path.Combine(dir, KeyRing.FileName), "not base64!"));
    }

    [Fact]
    public void Sealed_values_cannot_be_altered_moved_or_opened_with_another_master_key()
    {
        var keys = KeyRing.Load(Path.Combine(dir, KeyRing.FileName), null);
        var sealer = new RegistrySealer(new FieldCipher(keys), TimeProvider.System);
        var (row, key) = sealer.NewKey();
        var person = new PersonDetails { Name = new PersonName(NameScript.UyghurLatin, "Aygul", "Tursun", null) };
        var record = new PersonRecord { Id = Guid.NewGuid(), District = "Fatih", Key = row, Sealed = RegistrySealer.SealPerson(key, Guid.Empty, person) };
        record.Sealed = RegistrySealer.SealPerson(key, record.Id, person);
        Assert.Equal("Aygul", RegistrySealer.OpenPerson(sealer.OpenKey(row), record).Name.Given);

        var tampered = (byte[])record.Sealed.Clone();
        tampered[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => RegistrySealer.OpenPerson(key, new PersonRecord { Id = record.Id, District = "", Sealed = tampered }));
        Assert.ThrowsAny<CryptographicException>(() => RegistrySealer.OpenPerson(key, new PersonRecord { Id = Guid.NewGuid(), District = "", Sealed = record.Sealed }));

        var otherMaster = new RegistrySealer(new FieldCipher(KeyRing.FromMasterKey(RandomNumberGenerator.GetBytes(32))), TimeProvider.System);
        Assert.ThrowsAny<CryptographicException>(() => otherMaster.OpenKey(row));

        row.Wrapped = null; // erased: the key is destroyed
        Assert.Throws<ErasedRecordException>(() => sealer.OpenKey(row));
    }

    [Fact]
    public void Blind_index_tokens_depend_on_the_key_and_the_kind()
    {
        var a = new BlindIndex(RingWithRootSecrets());
        var b = new BlindIndex(RingWithRootSecrets());
        Assert.Equal(16, a.Token(SearchKind.NamePart, "tursun").Length);
        Assert.NotEqual(a.Token(SearchKind.NamePart, "tursun"), b.Token(SearchKind.NamePart, "tursun"));
        Assert.NotEqual(a.Token(SearchKind.NamePart, "5321234567"), a.Token(SearchKind.Phone, "5321234567"));
    }

    private static KeyRing RingWithRootSecrets()
    {
        var keys = KeyRing.FromMasterKey(RandomNumberGenerator.GetBytes(32));
        keys.UseRootSecrets(RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32));
        return keys;
    }
}
