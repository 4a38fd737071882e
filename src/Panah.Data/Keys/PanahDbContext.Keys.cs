using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Panah.Data.Keys;

namespace Panah.Data;

/// <summary>Keys kept in the database, each sealed under the master key: root secrets and the web app's cookie-signing keys (shared by every node).</summary>
public sealed partial class PanahDbContext : IDataProtectionKeyContext
{
    public DbSet<RootSecret> RootSecrets => Set<RootSecret>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}
