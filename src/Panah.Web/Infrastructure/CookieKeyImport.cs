using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Panah.Data;

namespace Panah.Web.Infrastructure;

/// <summary>
/// Cookie-signing keys used to live in the data directory (<c>cookie-keys/*.xml</c>); now every node reads
/// them from the database. At start-up, keys found there are moved into the database once (so signed-in
/// staff stay signed in) and the files are deleted: a copy left behind would not follow a master-key rotation.
/// </summary>
public static class CookieKeyImport
{
    public const string LegacyDirectory = "cookie-keys";

    public static async Task RunAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var directory = Path.Combine(services.GetRequiredService<PanahDataOptions>().DataDirectory, LegacyDirectory);
        if (!Directory.Exists(directory))
        {
            return;
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
        var known = (await db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync(ct)).ToHashSet();
        var files = Directory.GetFiles(directory, "*.xml");
        foreach (var file in files)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (!known.Contains(name))
            {
                db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = name, Xml = XElement.Load(file).ToString(SaveOptions.DisableFormatting) });
            }
        }
        await db.SaveChangesAsync(ct);
        foreach (var file in files)
        {
            File.Delete(file);
        }
        if (Directory.GetFileSystemEntries(directory).Length == 0)
        {
            Directory.Delete(directory);
        }
    }
}
