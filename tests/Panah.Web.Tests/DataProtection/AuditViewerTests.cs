using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data;
using Panah.Data.Audit;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;
using Panah.Web.Tests.Registry;

namespace Panah.Web.Tests.DataProtection;

/// <summary>The data protection officer's audit viewer: posted filters, who read whom, and an audited CSV export.</summary>
public abstract class AuditViewerTests(PanahApp app)
{
    private const string Page = "/DataProtection/Audit";

    private async Task<(TestStaff Officer, Guid Read, Guid NotRead)> OfficerReadsOnePersonTwiceAsync()
    {
        var officer = await app.CreateStaffAsync(Roles.RegistrationOfficer);
        string secret;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            (_, secret) = await scope.ServiceProvider.GetRequiredService<ApiTokens>().IssueOwnAsync(officer.User, "test", 1);
        }
        var client = app.ClientWithToken(secret);
        async Task<Guid> Register(string given)
        {
            var response = await client.PostAsJsonAsync("/api/v1/households", RegistryRequests.Household("Fatih", RegistryRequests.Person(given, "Rozi")));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("members")[0].GetProperty("id").GetGuid();
        }
        var read = await Register("Zaviewed");
        var notRead = await Register("Zanotviewed");
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/people/{read}")).StatusCode);
        }
        return (officer, read, notRead);
    }

    private async Task<HttpClient> OfficerOfDataProtectionAsync() => await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.DataProtectionOfficer));

    [Fact]
    public async Task Filtering_by_staff_member_person_and_action_shows_who_read_whom_without_the_filter_in_the_url()
    {
        var (officer, read, notRead) = await OfficerReadsOnePersonTwiceAsync();
        var dpo = await OfficerOfDataProtectionAsync();
        var response = await Html.PostFormAsync(dpo, Page, new Dictionary<string, string>
        {
            ["StaffUserId"] = officer.User.Id, ["Person"] = read.ToString(), ["ActionName"] = "person.view", ["p"] = "1",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", response.RequestMessage!.RequestUri!.Query);
        var html = await response.Content.ReadAsStringAsync();
        var table = html[html.IndexOf("id=\"audit\"", StringComparison.Ordinal)..];
        Assert.Equal(2, CountOf(table, ">person.view<"));
        Assert.Contains(officer.Email, table);
        Assert.Contains($"person {read}", table);
        Assert.DoesNotContain(notRead.ToString(), table);
        Assert.DoesNotContain("Zaviewed", html);

        var everything = await (await Html.PostFormAsync(dpo, Page, new Dictionary<string, string> { ["StaffUserId"] = officer.User.Id, ["p"] = "1" })).Content.ReadAsStringAsync();
        Assert.Contains("household.create", everything);
        var later = await (await Html.PostFormAsync(dpo, Page, new Dictionary<string, string>
        {
            ["StaffUserId"] = officer.User.Id, ["From"] = DateTime.UtcNow.AddHours(1).ToString("yyyy-MM-ddTHH:mm"), ["p"] = "1",
        })).Content.ReadAsStringAsync();
        Assert.Equal(0, CountOf(later[later.IndexOf("id=\"audit\"", StringComparison.Ordinal)..], "<td data-label"));
    }

    [Fact]
    public async Task The_csv_export_holds_the_filtered_entries_and_is_itself_audited()
    {
        var (officer, read, _) = await OfficerReadsOnePersonTwiceAsync();
        var dpo = await OfficerOfDataProtectionAsync();
        var response = await Html.PostFormAsync(dpo, Page, new Dictionary<string, string> { ["Person"] = read.ToString(), ["ActionName"] = "person.view" }, Page + "?handler=Export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("id,at_utc,actor,staff_email,action,entity_type,entity_id,origin,detail,people", lines[0]);
        Assert.Equal(2, lines.Length - 1);
        Assert.All(lines.Skip(1), line => Assert.Contains($"{officer.Email},person.view,person,{read}", line));

        await using var scope = app.Services.CreateAsyncScope();
        var export = await scope.ServiceProvider.GetRequiredService<PanahDbContext>().AuditEntries.OrderByDescending(e => e.Id).FirstAsync(e => e.Action == "audit.export");
        Assert.Equal($"person={read} action=person.view rows=2", export.Detail);
        Assert.StartsWith("user:", export.Actor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_detail_a_spreadsheet_would_run_as_a_formula_is_exported_as_text()
    {
        var action = "test.csv-" + Guid.NewGuid().ToString("N")[..8];
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
            await audit.SaveAsync(scope.ServiceProvider.GetRequiredService<PanahDbContext>(), new AuditEvent(action, "test", "-1", "=cmd|' /C calc'!A0"));
        }
        var dpo = await OfficerOfDataProtectionAsync();
        var response = await Html.PostFormAsync(dpo, Page, new Dictionary<string, string> { ["ActionName"] = action }, Page + "?handler=Export");

        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = Assert.Single(lines.Skip(1));
        Assert.EndsWith($",{action},test,'-1,,'=cmd|' /C calc'!A0,", line, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}

public sealed class SqliteAuditViewerTests(SqliteApp app) : AuditViewerTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresAuditViewerTests(PostgresApp app) : AuditViewerTests(app), IClassFixture<PostgresApp>;
