using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Panah.Data.Crypto;
using Panah.Data.Keys;

namespace Panah.Web.Infrastructure;

/// <summary>
/// Seals the keys that sign session and anti-forgery cookies with the Panah master key before they are
/// stored in the database, so a copy of the database alone cannot forge a staff session.
/// </summary>
public sealed class MasterKeyXmlEncryptor(KeyRing keys) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
        new(CookieKeySeal.Seal(keys, Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting))), typeof(MasterKeyXmlDecryptor));
}

/// <summary>Opens what <see cref="MasterKeyXmlEncryptor"/> sealed; created by the data-protection system with the app's services.</summary>
public sealed class MasterKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        XElement.Parse(Encoding.UTF8.GetString(CookieKeySeal.Open(services.GetRequiredService<KeyRing>(), encryptedElement)));
}
