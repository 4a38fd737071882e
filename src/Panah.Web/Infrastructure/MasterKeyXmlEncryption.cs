using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Panah.Data.Crypto;

namespace Panah.Web.Infrastructure;

/// <summary>
/// Seals the keys that sign session and anti-forgery cookies with the Panah master key before they are
/// written to the data directory, so a copy of that directory alone cannot forge a staff session.
/// </summary>
public sealed class MasterKeyXmlEncryptor(KeyRing keys) : IXmlEncryptor
{
    public const string Purpose = "panah/data-protection-keys";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var element = new XElement("sealedKey", new XElement("value", Convert.ToBase64String(keys.SealSecret(plain, Purpose))));
        return new EncryptedXmlInfo(element, typeof(MasterKeyXmlDecryptor));
    }
}

/// <summary>Opens what <see cref="MasterKeyXmlEncryptor"/> sealed; created by the data-protection system with the app's services.</summary>
public sealed class MasterKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var value = encryptedElement.Element("value")?.Value ?? throw new InvalidOperationException("Sealed key without a value.");
        var plain = services.GetRequiredService<KeyRing>().OpenSecret(Convert.FromBase64String(value), MasterKeyXmlEncryptor.Purpose);
        return XElement.Parse(Encoding.UTF8.GetString(plain));
    }
}
