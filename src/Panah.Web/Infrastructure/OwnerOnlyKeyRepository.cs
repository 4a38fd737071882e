using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Panah.Data;

namespace Panah.Web.Infrastructure;

/// <summary>
/// Keeps the cookie-signing keys in the data directory like the framework's file-system repository,
/// but in an owner-only directory, each file written owner-only from its first byte.
/// </summary>
public sealed class OwnerOnlyKeyRepository : IXmlRepository
{
    private readonly string directory;

    public OwnerOnlyKeyRepository(string directory)
    {
        this.directory = directory;
        OwnerOnlyFile.CreateDirectory(directory);
    }

    public IReadOnlyCollection<XElement> GetAllElements() =>
        Directory.GetFiles(directory, "*.xml").Select(f => XElement.Load(f)).ToList();

    public void StoreElement(XElement element, string friendlyName)
    {
        var name = Path.GetFileName(friendlyName) is { Length: > 0 } safe ? safe : Guid.NewGuid().ToString("N");
        // Written aside and moved into place, so a reader never sees half a key.
        var temporary = Path.Combine(directory, Guid.NewGuid().ToString("N") + ".tmp");
        using (var stream = OwnerOnlyFile.Open(temporary, FileMode.CreateNew))
        {
            element.Save(stream);
        }
        File.Move(temporary, Path.Combine(directory, name + ".xml"), overwrite: false);
    }
}
