using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data;
using Panah.Data.Audit;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;
using Panah.Web.Tests.Registry;

namespace Panah.Web.Tests.Security;

/// <summary>Audit appends under load: every parallel read is audited, and two app nodes on one database keep one chain.</summary>
public abstract class AuditConcurrencyTests(PanahApp app)
{
    private static async Task<Guid> RegisterAsync(HttpClient client, string given)
    {
        var response = await client.PostAsJsonAsync("/api/v1/households", RegistryRequests.Household("Fatih", RegistryRequests.Person(given, "Rozi")));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("members")[0].GetProperty("id").GetGuid();
    }

    private static async Task<AuditVerification> VerifyAsync(PanahApp node)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync();
    }

    private static async Task<int> ViewsAsync(PanahApp node, Guid person)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PanahDbContext>().AuditEntries.CountAsync(e => e.Action == "person.view" && e.EntityId == person.ToString());
    }

    [Fact]
    public async Task Every_one_of_many_parallel_reads_is_audited_and_the_chain_stays_intact()
    {
        var client = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var person = await RegisterAsync(client, "Parallel");
        var responses = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => client.GetAsync($"/api/v1/people/{person}")));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(60, await ViewsAsync(app, person));
        var verification = await VerifyAsync(app);
        Assert.True(verification.IsIntact, verification.Problem);
    }

    [Fact]
    public async Task Two_app_nodes_on_one_database_writing_and_reading_at_once_keep_one_intact_chain()
    {
        using var second = new SecondNode(app);
        var first = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var other = await second.ClientForRoleAsync(Roles.RegistrationOfficer);
        var person = await RegisterAsync(first, "Shared");
        var before = await VerifyAsync(app);
        async Task<HttpStatusCode> Read(HttpClient client) => (await client.GetAsync($"/api/v1/people/{person}")).StatusCode;
        var registrations = Enumerable.Range(0, 12).Select(i => RegisterAsync(i % 2 == 0 ? first : other, "Node" + i)).ToList();
        var reads = Enumerable.Range(0, 12).SelectMany(_ => new[] { Read(first), Read(other) }).ToList();
        await Task.WhenAll(registrations);
        Assert.All(await Task.WhenAll(reads), status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(24, await ViewsAsync(app, person));
        foreach (var node in new PanahApp[] { app, second })
        {
            var verification = await VerifyAsync(node);
            Assert.True(verification.IsIntact, verification.Problem);
            // Each registration writes a household and a person entry; each read one view.
            Assert.True(verification.Entries >= before.Entries + 12 * 2 + 24, $"{verification.Entries} entries");
        }
    }

    /// <summary>A second app process's worth of services on the first one's database and master key, as a second node would run.</summary>
    private sealed class SecondNode(PanahApp first) : PanahApp(first.Provider)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("PANAH_DATA", first.DataDirectory);
            builder.UseSetting("PANAH_KEY_FILE", first.KeyFile);
            if (first.ConnectionString is not null)
            {
                builder.UseSetting("PANAH_CONNECTION", first.ConnectionString);
            }
        }
    }
}

public sealed class SqliteAuditConcurrencyTests(SqliteApp app) : AuditConcurrencyTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresAuditConcurrencyTests(PostgresApp app) : AuditConcurrencyTests(app), IClassFixture<PostgresApp>;
