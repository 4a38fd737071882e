using Microsoft.EntityFrameworkCore.Design;

namespace Panah.Data.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the model for SQLite migrations.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PanahDbContext>
{
    public PanahDbContext CreateDbContext(string[] args)
    {
        var options = new PanahDataOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=design.db" };
        return new PanahDbContext(PanahDataServices.DesignTimeOptions(options));
    }
}
