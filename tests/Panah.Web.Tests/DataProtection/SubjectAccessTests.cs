using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Core.Registry;
using Panah.Data;
using Panah.Data.Audit;
using Panah.Data.Entities;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;
using Panah.Web.Tests.Registry;

namespace Panah.Web.Tests.DataProtection;

/// <summary>The subject-access report: every field, every audit entry about the person, as JSON and as a page in their language.</summary>
public abstract class SubjectAccessTests(PanahApp app)
{
    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    /// <summary>A head and a spouse, the head edited (a consent withdrawn), viewed, listed and exported, and in a duplicate pair.</summary>
    private async Task<(Guid Person, Guid Spouse, Guid Household, string Document)> PersonWithAHistoryAsync()
    {
        var api = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var document = TurkishIdNumber.Complete("99" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var head = RegistryRequests.Person("Abdurehim", "Tursun", document: document, phone: "0532 111 22 33");
        head["consents"] = new JsonArray(
            new JsonObject { ["purpose"] = "registration", ["givenOn"] = "2026-01-05", ["noticeVersion"] = "2026-1", ["witness"] = "Aynur" },
            new JsonObject { ["purpose"] = "messaging", ["givenOn"] = "2026-01-05", ["noticeVersion"] = "2026-1" });
        var created = await api.PostAsJsonAsync("/api/v1/households", RegistryRequests.Household("Zeytinburnu", head, RegistryRequests.Person("Gulnar", "Tursun", "spouse", sex: "female")));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var household = await created.Content.ReadFromJsonAsync<JsonElement>();
        var person = household.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("relationship").GetString() == "head");
        var spouse = household.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("relationship").GetString() == "spouse").GetProperty("id").GetGuid();
        var id = person.GetProperty("id").GetGuid();
        var edit = RegistryRequests.Person("Abdurehim", "Tursun", document: document, phone: "0532 111 22 33");
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/v1/people/{id}", new JsonObject { ["person"] = edit, ["version"] = person.GetProperty("version").GetInt64() })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/households/{household.GetProperty("id").GetGuid()}")).StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        // Entries that name the person only among the people shown (a list page, an export), as list and export features write them.
        await audit.SaveAsync(db, [
            new AuditEvent("people.list", "person", null, "page=1 shown=2") { People = [id, spouse] },
            new AuditEvent("export.partner", "person", null, "recipient=partner-1") { People = [id] },
        ]);
        var (a, b) = id.CompareTo(spouse) < 0 ? (id, spouse) : (spouse, id);
        db.DuplicateReviews.Add(new DuplicateReview { Id = Guid.NewGuid(), PersonAId = a, PersonBId = b, Score = 9.5, Probability = 0.97, Reason = "name,birthDate", CreatedAt = DateTimeOffset.UtcNow, Version = 1 });
        await db.SaveChangesAsync();
        return (id, spouse, household.GetProperty("id").GetGuid(), document);
    }

    private async Task<List<AuditEntry>> EntriesAboutAsync(Guid person, Guid household)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
        var all = await db.AuditEntries.AsNoTracking().Include(e => e.Subjects).OrderBy(e => e.Id).ToListAsync();
        return all.Where(e => e.EntityId == person.ToString() || e.EntityId == household.ToString() || e.Subjects.Any(s => s.PersonId == person)).ToList();
    }

    [Fact]
    public async Task The_json_report_lists_every_field_and_every_audit_entry_about_the_person()
    {
        var (id, spouse, household, document) = await PersonWithAHistoryAsync();
        var officer = await app.CreateStaffAsync(Roles.DataProtectionOfficer);
        var session = await StaffSession.SignInAsync(app, officer);

        var response = await session.GetAsync($"/api/v1/people/{id}/subject-access");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();

        // Every field of the records, found by reflection: a field added later and left out of the report fails here.
        var person = report.GetProperty("person");
        Assert.All(typeof(PersonDetails).GetProperties(), p => Assert.True(person.TryGetProperty(Camel(p.Name), out _), "person." + Camel(p.Name)));
        var home = report.GetProperty("household");
        Assert.All(typeof(HouseholdDetails).GetProperties(), p => Assert.True(home.TryGetProperty(Camel(p.Name), out _), "household." + Camel(p.Name)));
        Assert.Equal("Abdurehim", person.GetProperty("name").GetProperty("given").GetString());
        Assert.Equal(document, person.GetProperty("documents")[0].GetProperty("number").GetString());
        Assert.Equal("Çınar Sk. No:5", home.GetProperty("address").GetString());
        Assert.Equal(["spouse"], home.GetProperty("otherMembers").EnumerateArray().Select(m => m.GetString()));
        Assert.DoesNotContain("Gulnar", report.GetRawText()); // the spouse's own data is not the requester's
        var messaging = person.GetProperty("consents").EnumerateArray().Single(c => c.GetProperty("purpose").GetString() == "messaging");
        Assert.NotEqual(JsonValueKind.Null, messaging.GetProperty("withdrawnOn").ValueKind);
        Assert.Equal("Aynur", person.GetProperty("consents")[0].GetProperty("witness").GetString());

        var purposes = report.GetProperty("purposes").EnumerateArray().ToDictionary(p => p.GetProperty("purpose").GetString()!, p => (p.GetProperty("legalBasis").GetString(), p.GetProperty("mayUse").GetBoolean()));
        Assert.Equal(Enum.GetValues<ConsentPurpose>().Length, purposes.Count);
        Assert.Equal(("legitimateInterest", true), purposes["foodAssistance"]);
        Assert.Equal(("consent", false), purposes["messaging"]);
        Assert.Equal(("consent", true), purposes["registration"]);

        var review = Assert.Single(report.GetProperty("duplicateReviews").EnumerateArray());
        Assert.Equal(spouse, review.GetProperty("otherPersonId").GetGuid());
        Assert.Equal("pending", review.GetProperty("status").GetString());

        // Every audit entry about the person, and no other: by id, by household, or naming them among the people shown.
        var expected = await EntriesAboutAsync(id, household);
        var listed = report.GetProperty("audit").EnumerateArray().ToList();
        Assert.Equal(expected.Select(e => e.Id), listed.Select(e => e.GetProperty("id").GetInt64()));
        Assert.Equal(expected.Select(e => e.Action), listed.Select(e => e.GetProperty("action").GetString()));
        foreach (var action in new[] { "household.create", "person.create", "person.update", "consent.withdraw", "household.view", "people.list", "export.partner", "person.subject-access" })
        {
            Assert.Contains(action, expected.Select(e => e.Action));
        }
        Assert.DoesNotContain(listed, e => e.GetProperty("entityId").GetString() == spouse.ToString());
        Assert.Contains(listed, e => e.GetProperty("staffName").GetString() == officer.Email && e.GetProperty("action").GetString() == "person.subject-access");
        var sent = Assert.Single(report.GetProperty("disclosures").EnumerateArray());
        Assert.Equal("recipient=partner-1", sent.GetProperty("detail").GetString());

        // The report is itself audited, naming the person and the officer.
        var own = expected.Single(e => e.Action == "person.subject-access");
        Assert.Equal(("format=json", $"user:{officer.User.Id}"), (own.Detail, own.Actor));
        Assert.Equal([id], own.Subjects.Select(s => s.PersonId));
    }

    [Fact]
    public async Task Only_the_officers_own_session_gets_the_report()
    {
        var (id, _, _, _) = await PersonWithAHistoryAsync();
        var token = await app.ClientForRoleAsync(Roles.DataProtectionOfficer);
        Assert.Equal(HttpStatusCode.Forbidden, (await token.GetAsync($"/api/v1/people/{id}/subject-access")).StatusCode);
        var registrar = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.RegistrationOfficer));
        Assert.Equal(HttpStatusCode.Forbidden, (await registrar.GetAsync($"/api/v1/people/{id}/subject-access")).StatusCode);
        var officer = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.DataProtectionOfficer));
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/v1/people/{Guid.NewGuid()}/subject-access")).StatusCode);
    }

    [Theory]
    [InlineData("ug", "rtl", "Panah سىز ھەققىدە ساقلىغان شەخسىي ئۇچۇرلار", "تىزىملاندى")]
    [InlineData("tr", "ltr", "Panah&#x27;ın sizinle ilgili tuttuğu kişisel veriler", "Kaydedildi")]
    [InlineData("en", "ltr", "Personal data Panah holds about you", "Registered")]
    public async Task The_page_is_written_in_the_persons_language_whatever_the_officers(string language, string direction, string heading, string created)
    {
        var (id, _, household, document) = await PersonWithAHistoryAsync();
        var session = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.DataProtectionOfficer));
        var response = await session.GetAsync($"/DataProtection/SubjectAccess?id={id}&lang={language}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", html); // the officer still reads Panah in English
        Assert.Contains($"id=\"report\" lang=\"{language}\" dir=\"{direction}\"", html);
        Assert.Contains(heading, html);
        Assert.Contains(created, html);
        Assert.Contains("Abdurehim", html);
        Assert.Contains(document, html);
        Assert.Contains("Çınar Sk. No:5", html);
        Assert.Equal((await EntriesAboutAsync(id, household)).Count, System.Text.RegularExpressions.Regex.Matches(html, "<tr data-entry=").Count);
        Assert.True(response.Headers.CacheControl?.NoStore);

        var own = (await EntriesAboutAsync(id, household)).Last(e => e.Action == "person.subject-access");
        Assert.Equal("format=page:" + language, own.Detail);
    }

    [Fact]
    public async Task The_printed_report_leaves_out_the_menu_and_the_form()
    {
        var css = await (await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.DataProtectionOfficer))).GetStringAsync("/css/site.css");
        var print = css[css.IndexOf("@media print", StringComparison.Ordinal)..];
        Assert.Contains(".navbar", print);
        Assert.Contains(".no-print", print);
    }
}

public sealed class SqliteSubjectAccessTests(SqliteApp app) : SubjectAccessTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSubjectAccessTests(PostgresApp app) : SubjectAccessTests(app), IClassFixture<PostgresApp>;
