using Microsoft.AspNetCore.Hosting;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Keys;

/// <summary>
/// Another instance of the app on <paramref name="first"/>'s database and key file: a second node (its own
/// data directory), or, with <paramref name="sameDataDirectory"/>, the same installation started again.
/// </summary>
public sealed class AnotherNode(PanahApp first, bool sameDataDirectory) : PanahApp(first.Provider)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("PANAH_KEY_FILE", first.KeyFile);
        if (sameDataDirectory)
        {
            builder.UseSetting("PANAH_DATA", first.DataDirectory);
        }
        if (first.ConnectionString is not null)
        {
            builder.UseSetting("PANAH_CONNECTION", first.ConnectionString);
        }
    }
}
