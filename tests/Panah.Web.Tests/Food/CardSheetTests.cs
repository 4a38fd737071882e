using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data;
using Panah.Data.Food;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace Panah.Web.Tests.Food;

/// <summary>The card page: issuing for an office, the printable sheet (parsed back), finding, revoking and reissuing a card.</summary>
public abstract class CardSheetTests(PanahApp app)
{
    private const string Page = "/Food/Cards";

    private async Task<int> OfficeIdAsync(string code)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PanahDbContext>().FieldOffices.Where(o => o.Code == code).Select(o => o.Id).SingleAsync();
    }

    private async Task<List<string>> ActiveNumbersAsync(int office)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PanahDbContext>().FoodCards.IgnoreQueryFilters()
            .Where(c => c.FieldOfficeId == office && c.Status == CardStatus.Active).Select(c => c.Number).ToListAsync();
    }

    [Fact]
    public async Task The_sheet_prints_every_active_card_of_the_office_ten_to_a_page_without_names()
    {
        var officer = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        const string canary = "Canaryxq";
        var households = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            households.Add((await CardRequests.RegisterAsync(officer, i == 0 ? canary : "Aygul", office: "SEF")).Code);
        }
        var manager = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.ProgrammeManager));
        var office = (await OfficeIdAsync("SEF")).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var issued = await Html.PostFormAsync(manager, Page, new Dictionary<string, string> { ["Batch.OfficeId"] = office }, Page + "?handler=Issue");
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        var numbers = await ActiveNumbersAsync(int.Parse(office, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(numbers.Count >= 12);
        // Issuing again finds every household already holding a card.
        await Html.PostFormAsync(manager, Page, new Dictionary<string, string> { ["Batch.OfficeId"] = office }, Page + "?handler=Issue");
        Assert.Equal(numbers.Order(), (await ActiveNumbersAsync(int.Parse(office, System.Globalization.CultureInfo.InvariantCulture))).Order());

        var sheet = await Html.PostFormAsync(manager, Page, new Dictionary<string, string> { ["Batch.OfficeId"] = office }, Page + "?handler=Sheet");
        Assert.True(sheet.StatusCode == HttpStatusCode.OK, string.Join("\n", app.Logs.Lines.Where(l => l.Contains("Exception", StringComparison.Ordinal)).TakeLast(3)));
        Assert.Equal("application/pdf", sheet.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", sheet.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var bytes = await sheet.Content.ReadAsByteArrayAsync();

        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal((numbers.Count + 9) / 10, pdf.NumberOfPages);
        var text = string.Concat(pdf.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value))));
        Assert.All(numbers, n => Assert.Contains(n, text, StringComparison.Ordinal));
        Assert.All(households, h => Assert.Contains(h, text, StringComparison.Ordinal));
        Assert.Equal(numbers.Count, pdf.GetPages().Sum(p => CountOf(string.Concat(p.Letters.Select(l => l.Value)), "Food card")));
        Assert.DoesNotContain(canary, text, StringComparison.OrdinalIgnoreCase);
        foreach (var encoding in new Encoding[] { Encoding.UTF8, Encoding.Unicode, Encoding.BigEndianUnicode })
        {
            Assert.True(bytes.AsSpan().IndexOf(encoding.GetBytes(canary)) < 0, $"the head's name is in the sheet ({encoding.WebName})");
        }
    }

    [Fact]
    public async Task The_sheet_in_Uyghur_prints_the_labels_joined_and_in_reading_order_without_names()
    {
        var officer = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        const string canary = "Canaryug";
        var (_, code) = await CardRequests.RegisterAsync(officer, canary, office: "KAY");
        var manager = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.ProgrammeManager));
        manager.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ug");
        var office = (await OfficeIdAsync("KAY")).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Html.PostFormAsync(manager, Page, new Dictionary<string, string> { ["Batch.OfficeId"] = office }, Page + "?handler=Issue");
        var numbers = await ActiveNumbersAsync(int.Parse(office, System.Globalization.CultureInfo.InvariantCulture));

        var sheet = await Html.PostFormAsync(manager, Page, new Dictionary<string, string> { ["Batch.OfficeId"] = office }, Page + "?handler=Sheet");
        Assert.Equal(HttpStatusCode.OK, sheet.StatusCode);
        var bytes = await sheet.Content.ReadAsByteArrayAsync();
        using var pdf = PdfDocument.Open(bytes);
        var letters = pdf.GetPages().SelectMany(p => p.Letters).ToList();
        var raw = string.Concat(letters.Select(l => l.Value));
        // A reader folds the joined forms (presentation forms) back to letters; in drawing order they read as written.
        var text = raw.Normalize(NormalizationForm.FormKC);
        Assert.Equal(numbers.Count, CountOf(text, "يېمەكلىك كارتىسى"));
        Assert.Equal(numbers.Count, CountOf(text, "ئائىلە نومۇرى"));
        Assert.Equal(numbers.Count, CountOf(text, "كارتا نومۇرى"));
        Assert.Contains(code, text, StringComparison.Ordinal);
        Assert.All(numbers, n => Assert.Contains(n, text, StringComparison.Ordinal));
        // Joined: kaf starts "كارتا" and ends "يېمەكلىك", two different glyphs (isolated letters would be one).
        Assert.True(letters.Where(l => l.Value.Normalize(NormalizationForm.FormKC) == "ك").Select(l => (l.Value, Math.Round(l.Width, 2))).Distinct().Count() >= 2,
            "every kaf is printed with the same glyph: the letters are not joined");
        Assert.Contains(raw, c => c is >= '\uFB50' and <= '\uFEFF');
        // Right to left: each letter of the title, in reading order, stands left of the one before.
        const string title = "يېمەكلىك كارتىسى";
        var first = Enumerable.Range(0, letters.Count - title.Length)
            .First(i => string.Concat(letters.Skip(i).Take(title.Length).Select(l => l.Value)).Normalize(NormalizationForm.FormKC) == title);
        var xs = letters.Skip(first).Take(title.Length).Select(l => l.StartBaseLine.X).ToList();
        Assert.True(xs.Zip(xs.Skip(1)).All(p => p.Second < p.First), "the title's letters are not placed right to left: " + string.Join(" ", xs));
        Assert.DoesNotContain(canary, text, StringComparison.OrdinalIgnoreCase);
        foreach (var encoding in new Encoding[] { Encoding.UTF8, Encoding.Unicode, Encoding.BigEndianUnicode })
        {
            Assert.True(bytes.AsSpan().IndexOf(encoding.GetBytes(canary)) < 0, $"the head's name is in the sheet ({encoding.WebName})");
        }
    }

    [Fact]
    public async Task A_card_found_by_its_number_is_revoked_then_reissued_on_the_page()
    {
        var officer = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var (_, code) = await CardRequests.RegisterAsync(officer, "Patigul", office: "KAY");
        var clerk = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.DistributionClerk, offices: ["KAY"]));

        var issued = await (await Html.PostFormAsync(clerk, Page, new Dictionary<string, string> { ["Card.HouseholdCode"] = code }, Page + "?handler=IssueOne")).Content.ReadAsStringAsync();
        var number = System.Text.RegularExpressions.Regex.Match(issued, "id=\"card-number\">([^<]+)<").Groups[1].Value;
        Assert.NotEmpty(number);

        var found = await (await Html.PostFormAsync(clerk, Page, new Dictionary<string, string> { ["Card.Number"] = number.ToLowerInvariant() }, Page + "?handler=Find")).Content.ReadAsStringAsync();
        Assert.Contains($"id=\"card-household\">{code}<", found, StringComparison.Ordinal);
        Assert.DoesNotContain("Patigul", found, StringComparison.Ordinal);

        var revoked = await (await Html.PostFormAsync(clerk, Page, new Dictionary<string, string> { ["Card.Number"] = number, ["Card.Reason"] = "lost" }, Page + "?handler=Revoke")).Content.ReadAsStringAsync();
        Assert.Contains("id=\"card-status\">Revoked<", revoked, StringComparison.Ordinal);
        var reissued = await (await Html.PostFormAsync(clerk, Page, new Dictionary<string, string> { ["Card.Number"] = number, ["Card.Reason"] = "lost" }, Page + "?handler=Reissue")).Content.ReadAsStringAsync();
        var fresh = System.Text.RegularExpressions.Regex.Match(reissued, "id=\"card-number\">([^<]+)<").Groups[1].Value;
        Assert.NotEqual(number, fresh);
        Assert.Contains("id=\"card-status\">Active<", reissued, StringComparison.Ordinal);

        // A clerk of another office finds neither card.
        var other = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.DistributionClerk, offices: ["IST"]));
        var hidden = await (await Html.PostFormAsync(other, Page, new Dictionary<string, string> { ["Card.Number"] = fresh }, Page + "?handler=Find")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("id=\"card-number\"", hidden, StringComparison.Ordinal);
        Assert.Contains("No card has this number.", hidden, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string word)
    {
        var count = 0;
        for (var i = text.IndexOf(word, StringComparison.Ordinal); i >= 0; i = text.IndexOf(word, i + word.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}

public sealed class SqliteCardSheetTests(SqliteApp app) : CardSheetTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresCardSheetTests(PostgresApp app) : CardSheetTests(app), IClassFixture<PostgresApp>;
