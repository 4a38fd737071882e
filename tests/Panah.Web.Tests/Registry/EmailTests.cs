using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Registry;

/// <summary>A person's email as registry contact data: kept, shown like the phone, found through its blind index, checked, on both databases.</summary>
public abstract class EmailTests(PanahApp app)
{
    [Fact]
    public async Task An_email_is_kept_shown_found_however_it_is_written_and_a_malformed_one_refused()
    {
        var officer = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var local = "gulnisa." + Guid.NewGuid().ToString("N")[..8];
        var person = RegistryRequests.Person("Gulnisa", "Ablet", sex: "female");
        person["email"] = $"  {local}@Example.ORG ";
        var created = await officer.PostAsJsonAsync("/api/v1/households", RegistryRequests.Household("Fatih", person));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var member = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("members")[0];
        Assert.Equal($"{local}@Example.ORG", member.GetProperty("email").GetString());

        var found = await (await officer.PostAsJsonAsync("/api/v1/people/search", new { email = $"mailto:{local.ToUpperInvariant()}@example.org" })).Content.ReadFromJsonAsync<JsonElement>();
        var hit = Assert.Single(found.GetProperty("items").EnumerateArray());
        Assert.Equal(member.GetProperty("id").GetGuid(), hit.GetProperty("person").GetProperty("id").GetGuid());

        // Shown to whoever is shown the phone, and to nobody else.
        var manager = await app.ClientForRoleAsync(Roles.ProgrammeManager);
        var seen = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/people/{member.GetProperty("id").GetGuid()}");
        Assert.False(seen.TryGetProperty("email", out _));
        Assert.False(seen.TryGetProperty("phone", out _));

        var bad = RegistryRequests.Person("Gulnisa", "Ablet", sex: "female");
        bad["email"] = "gulnisa at example";
        var refused = await officer.PostAsJsonAsync("/api/v1/households", RegistryRequests.Household("Fatih", bad));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("members[0].email", out _), errors.ToString());
    }
}

public sealed class SqliteEmailTests(SqliteApp app) : EmailTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresEmailTests(PostgresApp app) : EmailTests(app), IClassFixture<PostgresApp>;
