using Microsoft.EntityFrameworkCore.Design;

namespace Panah.Data.Postgres;

/// <summary>Lets <c>dotnet ef</c> build the model for PostgreSQL migrations (no server is contacted).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PanahDbContext>
{
    public PanahDbContext CreateDbContext(string[] args)
    {
        var options = new PanahDataOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=localhost;Database=panah_design" };
        return new PanahDbContext(PanahDataServices.DesignTimeOptions(options));
    }
}
