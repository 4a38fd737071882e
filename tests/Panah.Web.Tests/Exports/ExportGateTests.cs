using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data.Registry;
using Panah.Data.Staff;
using Panah.Web.Tests.Food;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Exports;

/// <summary>
/// Exports of personal data through the gate, over HTTP: no approval no file, four eyes, the file is OpenPGP that only
/// the recipient's key opens (with gpg itself), carries the export id in every row, holds the requester's scope's rows
/// only, is produced once, audited with its row count and listed in each exported person's subject access.
/// </summary>
public abstract class ExportGateTests(PanahApp app, GpgKeys keys)
{
    private async Task<int> RecipientAsync(HttpClient dpo, GpgHome key, string name)
    {
        var added = await dpo.PostAsJsonAsync("/api/v1/exports/recipients", new { name, organisation = "Partner NGO", publicKey = key.ArmouredPublicKey });
        Assert.True(added.StatusCode == HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        var body = await added.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(key.Fingerprint, body.GetProperty("fingerprint").GetString());
        return body.GetProperty("id").GetInt32();
    }

    private static async Task<Guid> RequestAsync(HttpClient requester, int recipient, string dataset, string[] columns, string? district)
    {
        var asked = await requester.PostAsJsonAsync("/api/v1/exports", new { purpose = "Resettlement referral of the listed households", recipientId = recipient, dataset, columns, district });
        Assert.True(asked.StatusCode == HttpStatusCode.Created, await asked.Content.ReadAsStringAsync());
        return (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The display names of the seeded people, read past the scope as the test's setup.</summary>
    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> people)
    {
        var ids = people.ToList();
        await using var scope = FoodSeed.Everything(app, out var db);
        var sealer = scope.ServiceProvider.GetRequiredService<RegistrySealer>();
        var rows = await db.People.AsNoTracking().Include(p => p.Key).Where(p => ids.Contains(p.Id)).ToListAsync();
        return rows.ToDictionary(p => p.Id, p => RegistrySealer.OpenPerson(sealer.OpenKey(p.Key!), p).Name.Display);
    }

    [Fact]
    public async Task Without_approval_there_is_no_file_and_nobody_approves_their_own_request()
    {
        var dpo = await app.ClientForRoleAsync(Roles.DataProtectionOfficer);
        var otherDpo = await app.ClientForRoleAsync(Roles.DataProtectionOfficer);
        var officer = await app.ClientForRoleAsync(Roles.RegistrationOfficer, offices: ["KAY"]);
        var recipient = await RecipientAsync(dpo, keys.Recipient, "Gate A");

        var id = await RequestAsync(officer, recipient, "households", ["household_code", "member_count"], null);
        var early = await officer.GetAsync($"/api/v1/exports/{id}/file");
        var byOfficer = await officer.PostAsync($"/api/v1/exports/{id}/approve", null);
        var ownId = await RequestAsync(dpo, recipient, "people", ["household_code", "name"], null);
        var own = await dpo.PostAsync($"/api/v1/exports/{ownId}/approve", null);
        var refused = await otherDpo.PostAsync($"/api/v1/exports/{id}/refuse", null);
        var afterRefusal = await officer.GetAsync($"/api/v1/exports/{id}/file");
        var approveRefused = await otherDpo.PostAsync($"/api/v1/exports/{id}/approve", null);
        var ownByOther = await otherDpo.PostAsync($"/api/v1/exports/{ownId}/approve", null);

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byOfficer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, afterRefusal.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, approveRefused.StatusCode);
        Assert.True(ownByOther.StatusCode == HttpStatusCode.OK, await ownByOther.Content.ReadAsStringAsync());
        var mine = await officer.GetFromJsonAsync<JsonElement>("/api/v1/exports");
        Assert.Equal("refused", mine.EnumerateArray().Single(e => e.GetProperty("id").GetGuid() == id).GetProperty("status").GetString());
        Assert.Equal("Resettlement referral of the listed households", mine.EnumerateArray().Single().GetProperty("purpose").GetString());
    }

    [Fact]
    public async Task A_request_for_a_column_the_role_does_not_see_is_refused()
    {
        var dpo = await app.ClientForRoleAsync(Roles.DataProtectionOfficer);
        var manager = await app.ClientForRoleAsync(Roles.ProgrammeManager);
        var recipient = await RecipientAsync(dpo, keys.Recipient, "Gate B");

        var asked = await manager.PostAsJsonAsync("/api/v1/exports", new { purpose = "Planning a food round with a partner", recipientId = recipient, dataset = "people", columns = new[] { "household_code", "name" } });
        var badKey = await dpo.PostAsJsonAsync("/api/v1/exports/recipients", new { name = "X", organisation = "Y", publicKey = "-----BEGIN PGP PUBLIC KEY BLOCK-----\nnot a key\n-----END PGP PUBLIC KEY BLOCK-----" });

        Assert.Equal(HttpStatusCode.BadRequest, asked.StatusCode);
        Assert.Contains("name", (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("columns")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badKey.StatusCode);
    }

    [Fact]
    public async Task The_gates_refusals_are_said_in_the_callers_language_on_the_api_and_the_pages()
    {
        var dpo = await app.ClientForRoleAsync(Roles.DataProtectionOfficer);
        var officer = await app.ClientForRoleAsync(Roles.RegistrationOfficer, offices: ["KAY"]);
        var recipient = await RecipientAsync(dpo, keys.Recipient, "Gate T");
        var id = await RequestAsync(officer, recipient, "households", ["household_code"], "Nowhere" + Guid.NewGuid().ToString("N")[..6]);
        Assert.Equal(HttpStatusCode.OK, (await dpo.PostAsync($"/api/v1/exports/{id}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/v1/exports/{id}/file")).StatusCode);

        async Task<JsonElement> InTurkishAsync(HttpClient client, HttpMethod method, string url, object? body = null)
        {
            using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
            request.Headers.AcceptLanguage.Add(new System.Net.Http.Headers.StringWithQualityHeaderValue("tr"));
            return await (await client.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        }
        var again = await InTurkishAsync(officer, HttpMethod.Get, $"/api/v1/exports/{id}/file");
        Assert.Equal(409, again.GetProperty("status").GetInt32());
        Assert.Equal("Bu dışa aktarım zaten indirildi; dosya saklanmaz. Yenisi için yeniden talep edin.", again.GetProperty("detail").GetString());
        var decided = await InTurkishAsync(dpo, HttpMethod.Post, $"/api/v1/exports/{id}/refuse");
        Assert.Equal("Bu dışa aktarım zaten indirildi; dosya saklanmaz. Yenisi için yeniden talep edin.", decided.GetProperty("detail").GetString());
        var hidden = await InTurkishAsync(await app.ClientForRoleAsync(Roles.ProgrammeManager), HttpMethod.Post, "/api/v1/exports",
            new { purpose = "Planning a food round with a partner", recipientId = recipient, dataset = "people", columns = new[] { "name" } });
        Assert.Equal("Rolünüz 'name' sütununu göremez.", hidden.GetProperty("errors").GetProperty("columns")[0].GetString());
        Assert.Equal("Kayıtlı bir alıcı seçin.", (await InTurkishAsync(officer, HttpMethod.Post, "/api/v1/exports",
            new { purpose = "Planning a food round with a partner", recipientId = 0, dataset = "households", columns = new[] { "household_code" } })).GetProperty("errors").GetProperty("recipientId")[0].GetString());

        // The request page: an empty or unknown column in the posted form is a validation message, never a 500.
        var page = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.RegistrationOfficer, offices: ["KAY"]));
        var form = new Dictionary<string, string> { ["Input.Purpose"] = "Resettlement referral of the listed households", ["Input.RecipientId"] = recipient.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Dataset"] = "People" };
        var empty = await Html.PostFormAsync(page, "/Exports", new Dictionary<string, string>(form) { ["Input.Columns[0]"] = "" });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Choose at least one column.", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        page.DefaultRequestHeaders.AcceptLanguage.Add(new System.Net.Http.Headers.StringWithQualityHeaderValue("tr"));
        var garbage = await Html.PostFormAsync(page, "/Exports", new Dictionary<string, string>(form) { ["Input.Columns[0]"] = "People:<script>", ["Input.Purpose"] = "short" });
        Assert.Equal(HttpStatusCode.OK, garbage.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await garbage.Content.ReadAsStringAsync());
        Assert.Contains("Bilinmeyen sütun; bu veri kümesinde şunlar var: household_code,", html, StringComparison.Ordinal);
        Assert.Contains("Verilerin ne için olduğunu yazın (10 ile 2000 karakter arası).", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_approved_export_opens_with_the_recipients_key_only_holds_the_requesters_scope_and_is_audited_and_disclosed()
    {
        var district = "Gate" + Guid.NewGuid().ToString("N")[..8];
        var seeded = await FoodSeed.HouseholdsAsync(app, 91, ["KAY", "KAY", "KAY", "IST", "IST"], district);
        var kay = seeded.Where(h => h.Office == "KAY").ToList();
        var names = await NamesAsync(seeded.SelectMany(h => h.Others.Prepend(h.Head)));
        var dpoStaff = await app.CreateStaffAsync(Roles.DataProtectionOfficer);
        var dpo = await app.ClientForRoleAsync(Roles.DataProtectionOfficer);
        var officer = await app.ClientForRoleAsync(Roles.RegistrationOfficer, offices: ["KAY"]);
        var recipient = await RecipientAsync(dpo, keys.Recipient, "Gate C");

        var id = await RequestAsync(officer, recipient, "people", ["household_code", "sex", "age_group", "name"], district);
        var queued = (await dpo.GetFromJsonAsync<JsonElement>("/api/v1/exports/all")).EnumerateArray().Single(e => e.GetProperty("id").GetGuid() == id);
        Assert.Equal(kay.Sum(h => h.Members), queued.GetProperty("rowsAtRequest").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await dpo.PostAsync($"/api/v1/exports/{id}/approve", null)).StatusCode);
        var response = await officer.GetAsync($"/api/v1/exports/{id}/file");
        var second = await officer.GetAsync($"/api/v1/exports/{id}/file");

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal($"export-{id}.csv.gpg", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var file = await response.Content.ReadAsByteArrayAsync();
        var clear = Encoding.UTF8.GetString(file) + Encoding.Latin1.GetString(file);
        Assert.All(names.Values, n => Assert.DoesNotContain(n, clear, StringComparison.Ordinal));
        Assert.DoesNotContain(id.ToString(), clear, StringComparison.Ordinal);

        var (exit, plain) = keys.Recipient.Decrypt(file);
        var (otherExit, otherPlain) = keys.Other.Decrypt(file);

        Assert.Equal(0, exit);
        Assert.NotEqual(0, otherExit);
        Assert.Equal("", otherPlain);
        var lines = plain.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("panah_export,household_code,sex,age_group,name", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(kay.Sum(h => h.Members), rows.Count);
        Assert.All(rows, r => Assert.Equal(id.ToString(), r[0]));
        Assert.Equal(kay.Select(h => h.Code).Order(), rows.Select(r => r[1]).Distinct().Order());
        var kayNames = kay.SelectMany(h => h.Others.Prepend(h.Head)).Select(p => names[p]).Order().ToList();
        Assert.Equal(kayNames, rows.Select(r => r[4].Trim('"')).Order().ToList());
        Assert.All(seeded.Where(h => h.Office == "IST").SelectMany(h => h.Others.Prepend(h.Head)), p => Assert.DoesNotContain(names[p], plain, StringComparison.Ordinal));

        await using (var scope = FoodSeed.Everything(app, out var db))
        {
            var entry = await db.AuditEntries.AsNoTracking().Include(e => e.Subjects).SingleAsync(e => e.Action == "export.produce" && e.EntityId == id.ToString());
            Assert.Contains($"{rows.Count} rows", entry.Detail);
            Assert.Equal(kay.SelectMany(h => h.Others.Prepend(h.Head)).Order(), entry.Subjects.Select(s => s.PersonId).Order());
        }
        var session = await StaffSession.SignInAsync(app, dpoStaff);
        var report = await session.GetFromJsonAsync<JsonElement>($"/api/v1/people/{kay[0].Head}/subject-access");
        var disclosure = report.GetProperty("disclosures").EnumerateArray().Single(d => d.GetProperty("entityId").GetString() == id.ToString());
        Assert.Contains("Gate C (Partner NGO)", disclosure.GetProperty("detail").GetString());
        var istReport = await session.GetFromJsonAsync<JsonElement>($"/api/v1/people/{seeded.First(h => h.Office == "IST").Head}/subject-access");
        Assert.DoesNotContain(istReport.GetProperty("disclosures").EnumerateArray(), d => d.GetProperty("entityId").GetString() == id.ToString());
    }
}

public sealed class SqliteExportGateTests(SqliteApp app, GpgKeys keys) : ExportGateTests(app, keys), IClassFixture<SqliteApp>, IClassFixture<GpgKeys>;

public sealed class PostgresExportGateTests(PostgresApp app, GpgKeys keys) : ExportGateTests(app, keys), IClassFixture<PostgresApp>, IClassFixture<GpgKeys>;
