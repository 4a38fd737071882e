using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Panah.Core.Registry;
using Panah.Data;
using Panah.Data.Access;
using Panah.Data.Staff;
using Panah.Web.Features.DataProtection;
using Panah.Web.Tests.Infrastructure;
using static Panah.Web.Tests.DataProtection.ErasureRequests;

namespace Panah.Web.Tests.DataProtection;

/// <summary>The app on a clock the test moves. The job's timer is off: the tests run its tick themselves (<see cref="RetentionJob.RunOnceAsync"/>).</summary>
public abstract class RetentionApp(string provider) : PanahApp(provider)
{
    private int documents;

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public RetentionJob Job => Services.GetRequiredService<RetentionJob>();

    protected virtual bool JobTimer => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Panah:Retention:Job", JobTimer ? "true" : "false");
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>A household registered now by a fresh officer (tokens last a day, the clock moves years): its id, code and members.</summary>
    public async Task<(Guid Id, string Code, List<Guid> Members)> RegisterNowAsync(int members = 1)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(members, 2);
        return await RegisterHouseholdAsync(members);
    }

    private async Task<(Guid Id, string Code, List<Guid> Members)> RegisterHouseholdAsync(int members)
    {
        var officer = await ClientForRoleAsync(Roles.RegistrationOfficer);
        var people = Enumerable.Range(0, members).Select(i => i == 0 ? Person("Retained", "Rozi", NextDocument()) : Person("Retainedspouse", "Rozi", NextDocument(), "spouse", "female")).ToArray();
        var household = await RegisterAsync(officer, "Fatih", people);
        return (household.GetProperty("id").GetGuid(), household.GetProperty("code").GetString()!,
            household.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("id").GetGuid()).ToList());
    }

    /// <summary>A signed-in data protection officer, created at the clock's present (sessions do not survive years).</summary>
    public async Task<HttpClient> OfficerAsync() => await StaffSession.SignInAsync(this, await CreateStaffAsync(Roles.DataProtectionOfficer));

    /// <summary>Reads the database as the job would (every office).</summary>
    public async Task<T> ReadAsync<T>(Func<PanahDbContext, Task<T>> read)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().Everything("test inspection");
        return await read(scope.ServiceProvider.GetRequiredService<PanahDbContext>());
    }

    public Task<bool> IsErasedAsync(Guid personId) =>
        ReadAsync(db => db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => p.Key!.Wrapped == null).SingleAsync());

    /// <summary>Moves the clock to <paramref name="from"/> plus <paramref name="years"/> years plus <paramref name="days"/> days.</summary>
    public void AdvanceTo(DateTimeOffset from, int years, int days) => Clock.Advance(from.AddYears(years).AddDays(days) - Clock.GetUtcNow());

    private string NextDocument() => TurkishIdNumber.Complete("99" + (7_100_000 + Interlocked.Increment(ref documents)).ToString("D7", System.Globalization.CultureInfo.InvariantCulture));

    public static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;
}

public sealed class SqliteRetentionApp() : RetentionApp("sqlite");

public sealed class PostgresRetentionApp() : RetentionApp("postgres");

/// <summary>The job's own timer on, every 60 minutes of the fake clock, a run due every 24 hours.</summary>
public sealed class ScheduledRetentionApp() : RetentionApp("sqlite")
{
    protected override bool JobTimer => true;
}
