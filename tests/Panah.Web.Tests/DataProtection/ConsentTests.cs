using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;
using Panah.Web.Tests.Registry;

namespace Panah.Web.Tests.DataProtection;

/// <summary>Consent through the API: an update keeps the history as the edit page does, and withdrawal is audited.</summary>
public abstract class ConsentTests(PanahApp app)
{
    private static JsonObject Consent(string purpose, string givenOn, string notice = "2025-3", string? withdrawnOn = null) =>
        new() { ["purpose"] = purpose, ["givenOn"] = givenOn, ["noticeVersion"] = notice, ["withdrawnOn"] = withdrawnOn };

    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_api_update_withdraws_what_it_leaves_out_keeps_what_was_recorded_and_audits_each_change()
    {
        var api = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var person = RegistryRequests.Person("Nurgul", "Hoshur", sex: "female");
        person["consents"] = new JsonArray(Consent("registration", "2026-01-05"), Consent("foodAssistance", "2026-01-05"), Consent("education", "2026-02-01"));
        var created = await api.PostAsJsonAsync("/api/v1/households", RegistryRequests.Household("Fatih", person));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var member = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("members")[0];
        var id = member.GetProperty("id").GetGuid();

        // The client sends only what it wants in force: registration (with another notice version) and sharing with partners.
        var edit = RegistryRequests.Person("Nurgul", "Hoshur", sex: "female");
        edit["consents"] = new JsonArray(Consent("registration", "2026-03-03", "2026-1"), Consent("dataSharing", Today, "2026-1"));
        var put = await api.PutAsJsonAsync($"/api/v1/people/{id}", new JsonObject { ["person"] = edit, ["version"] = member.GetProperty("version").GetInt64() });
        Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        var consents = (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("consents").EnumerateArray()
            .Select(c => (Purpose: c.GetProperty("purpose").GetString(), GivenOn: c.GetProperty("givenOn").GetString(), Notice: c.GetProperty("noticeVersion").GetString(),
                Withdrawn: c.GetProperty("withdrawnOn").ValueKind == JsonValueKind.Null ? null : c.GetProperty("withdrawnOn").GetString()))
            .ToList();
        List<(string?, string?, string?, string?)> expected =
            [("registration", "2026-01-05", "2025-3", null), ("foodAssistance", "2026-01-05", "2025-3", Today), ("education", "2026-02-01", "2025-3", Today), ("dataSharing", Today, "2026-1", null)];
        Assert.Equal(expected, consents);

        // Sending back what was read (withdrawn entries included) changes nothing.
        var read = await api.GetFromJsonAsync<JsonElement>($"/api/v1/people/{id}");
        var again = RegistryRequests.Person("Nurgul", "Hoshur", sex: "female");
        again["consents"] = JsonNode.Parse(read.GetProperty("consents").GetRawText());
        var same = await api.PutAsJsonAsync($"/api/v1/people/{id}", new JsonObject { ["person"] = again, ["version"] = read.GetProperty("version").GetInt64() });
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal(read.GetProperty("consents").GetRawText(), (await same.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("consents").GetRawText());

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
        var entries = await db.AuditEntries.AsNoTracking().Include(e => e.Subjects)
            .Where(e => e.EntityId == id.ToString() && e.Action.StartsWith("consent.")).OrderBy(e => e.Id).ToListAsync();
        List<(string, string?)> audited = [("consent.withdraw", "purpose=FoodAssistance"), ("consent.withdraw", "purpose=Education"), ("consent.give", "purpose=DataSharing")];
        Assert.Equal(audited, entries.Select(e => (e.Action, e.Detail)).ToList());
        Assert.All(entries, e => Assert.Equal([id], e.Subjects.Select(s => s.PersonId)));
    }
}

public sealed class SqliteConsentTests(SqliteApp app) : ConsentTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresConsentTests(PostgresApp app) : ConsentTests(app), IClassFixture<PostgresApp>;
