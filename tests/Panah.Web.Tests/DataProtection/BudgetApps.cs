using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data;
using Panah.Data.Alerts;
using Panah.Data.Demo;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.DataProtection;

/// <summary>The app with small read budgets, so that a test reaches them in a few pages, on a registry of demo households.</summary>
public abstract class SmallBudgetApp(string provider) : PanahApp(provider), IAsyncLifetime
{
    public const int OfficerPerHour = 60;
    public const int TokenPerHour = 40;
    public const int ServicePerHour = 30;

    protected override bool GenerousReadBudgets => false;

    /// <summary>The app's clock, held still so that no test's hour ends halfway through it.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Panah:ReadBudget:Roles:RegistrationOfficer:PerHour", OfficerPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Panah:ReadBudget:Roles:RegistrationOfficer:PerDay", "100");
        builder.UseSetting("Panah:ReadBudget:Token:PerHour", TokenPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Panah:ReadBudget:Service:PerHour", ServicePerHour.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }

    public async Task InitializeAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedHouseholdsAsync(80, seed: 7);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    /// <summary>The alerts raised about one staff account.</summary>
    public async Task<List<Alert>> AlertsAboutAsync(string staffUserId)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PanahDbContext>().Alerts.AsNoTracking().Where(a => a.StaffUserId == staffUserId).ToListAsync();
    }
}

public sealed class SqliteSmallBudgetApp() : SmallBudgetApp("sqlite");

public sealed class PostgresSmallBudgetApp() : SmallBudgetApp("postgres");
