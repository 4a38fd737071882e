using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Panah.Core.Registry;
using Panah.Data;
using Panah.Data.Entities;
using Panah.Data.Staff;
using Panah.Web.Features.Dashboards;
using Panah.Core.Education;
using Panah.Data.Education;
using Panah.Web.Tests.Education;
using Panah.Web.Tests.Food;
using Panah.Web.Tests.Infrastructure;
using Panah.Web.Tests.Protection;
using UglyToad.PdfPig;

namespace Panah.Web.Tests.Dashboards;

/// <summary>
/// The dashboards through HTTP: figures equal to counts made by hand on a small seeded office of the test's own, one
/// office's viewer not seeing another's, the protection section only for case workers and its small cells hidden, the
/// donor report PDF (in Turkish when asked) and the schedule writing each month's files once.
/// </summary>
public abstract class DashboardsTests(PanahApp app)
{
    /// <summary>A field office of the test's own, so that no other test's rows are in its counts.</summary>
    private async Task<string> OfficeAsync()
    {
        var code = "T" + Guid.NewGuid().ToString("N")[..5].ToUpperInvariant();
        await using var scope = FoodSeed.Everything(app, out var db);
        db.FieldOffices.Add(new FieldOffice { Code = code, Name = "Test office " + code });
        await db.SaveChangesAsync();
        return code;
    }

    /// <summary>Households of <paramref name="office"/> registered on the given days; returns their people as the database holds them.</summary>
    private async Task<List<PersonRecord>> RegisterAsync(string office, int seed, params DateOnly[] registeredOn)
    {
        var seeded = await FoodSeed.HouseholdsAsync(app, seed, [.. registeredOn.Select(_ => office)]);
        await using var scope = FoodSeed.Everything(app, out var db);
        for (var i = 0; i < seeded.Count; i++)
        {
            var (id, day) = (seeded[i].Id, registeredOn[i]);
            await db.Households.Where(h => h.Id == id).ExecuteUpdateAsync(s => s.SetProperty(h => h.RegisteredOn, day).SetProperty(h => h.Status, HouseholdStatus.Active));
        }
        var ids = seeded.Select(s => s.Id).ToList();
        return await db.People.AsNoTracking().Where(p => ids.Contains(p.HouseholdId)).ToListAsync();
    }

    [Fact]
    public async Task The_registry_figures_equal_the_counts_made_by_hand()
    {
        var office = await OfficeAsync();
        var people = await RegisterAsync(office, 301, new(2026, 9, 3), new(2026, 9, 28), new(2026, 10, 14), new(2026, 12, 1));
        await using (var scope = FoodSeed.Everything(app, out var db))
        {
            // End of the period: 31 October. 15 November is within 30 days, 20 January within 90 only, 1 March beyond.
            var (a, b, c) = (people[0].Id, people[1].Id, people[2].Id);
            // The generator gives some people permits of their own: only the three below count.
            var ids = people.Select(p => p.Id).ToList();
            await db.People.Where(p => ids.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.PermitExpiresOn, (DateOnly?)null));
            await db.People.Where(p => p.Id == a).ExecuteUpdateAsync(s => s.SetProperty(p => p.PermitExpiresOn, new DateOnly(2026, 11, 15)));
            await db.People.Where(p => p.Id == b).ExecuteUpdateAsync(s => s.SetProperty(p => p.PermitExpiresOn, new DateOnly(2027, 1, 20)));
            await db.People.Where(p => p.Id == c).ExecuteUpdateAsync(s => s.SetProperty(p => p.PermitExpiresOn, new DateOnly(2027, 3, 1)));
        }
        var viewer = await app.ClientForRoleAsync(Roles.ProgrammeManager, offices: [office]);

        var response = await viewer.GetAsync($"/api/v1/dashboards/registry?office={office}&from=2026-09&to=2026-10");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var f = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("[2,1]", Counts(f.GetProperty("arrivals")));
        Assert.Equal(4, f.GetProperty("households").GetInt32());
        var live = people.Where(p => p.MergedIntoId == null).ToList();
        Assert.Equal(live.Count, f.GetProperty("people").GetInt32());
        static int Bracket(int? year) => year is { } y ? (2026 - y) switch { < 5 => 0, < 12 => 1, < 18 => 2, < 60 => 3, _ => 4 } : 5;
        foreach (var row in f.GetProperty("pyramid").EnumerateArray())
        {
            var sex = Enum.Parse<Sex>(row.GetProperty("sex").GetString()!, ignoreCase: true);
            var expected = Enumerable.Range(0, 6).Select(i => live.Count(p => p.Sex == sex && Bracket(p.BirthYear) == i));
            Assert.Equal($"[{string.Join(',', expected)}]", row.GetProperty("ages").GetRawText());
        }
        foreach (var need in f.GetProperty("specificNeeds").EnumerateArray())
        {
            var flag = Enum.Parse<Vulnerability>(need.GetProperty("name").GetString()!, ignoreCase: true);
            Assert.Equal(live.Count(p => p.Vulnerabilities.HasFlag(flag)), need.GetProperty("count").GetInt32());
        }
        Assert.Equal((1, 1, 2), (f.GetProperty("permitsExpiring30").GetInt32(), f.GetProperty("permitsExpiring60").GetInt32(), f.GetProperty("permitsExpiring90").GetInt32()));
    }

    [Fact]
    public async Task The_education_figures_give_each_levels_median_wait_section_fill_and_learner_rates_as_counted_by_hand()
    {
        var (mine, theirs) = (await OfficeAsync(), await OfficeAsync());
        var section = await LearningSeed.SectionAsync(app, mine, null, learners: 3, held: 2, level: CefrLevel.B2, seed: 311);
        await LearningSeed.SectionAsync(app, theirs, null, learners: 2, held: 2, level: CefrLevel.B2, seed: 312);
        var waiting = await FoodSeed.HouseholdsAsync(app, 313, [mine, mine, mine]);
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await using (var scope = FoodSeed.Everything(app, out var db))
        {
            await db.ClassSections.Where(s => s.Id == section.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Capacity, 8));
            // Two sessions held, three learners: five present or late, one absent.
            var enrolled = await db.Enrolments.Where(e => e.SectionId == section.Id).ToListAsync();
            var marks = section.Sessions.SelectMany(session => enrolled.Select(e => (session, e))).Select((x, i) => new AttendanceMark
            {
                SessionId = x.session, EnrolmentId = x.e.Id, SectionId = section.Id, PersonId = x.e.PersonId, HouseholdId = x.e.HouseholdId, FieldOfficeId = x.e.FieldOfficeId,
                Mark = i == 0 ? Attendance.Absent : i == 1 ? Attendance.Late : Attendance.Present, MarkedBy = "test", MarkedAt = now,
            });
            db.AttendanceMarks.AddRange(marks);
            db.ClassApplications.AddRange(waiting.Zip([10, 20, 40]).Select(x => new ClassApplication
            {
                Id = Guid.CreateVersion7(), PersonId = x.First.Head, HouseholdId = x.First.Id, FieldOfficeId = x.First.OfficeId, Level = CefrLevel.B2,
                AppliedAt = now.AddDays(-x.Second), Status = ApplicationStatus.Waiting,
            }));
            await db.SaveChangesAsync();
        }
        var viewer = await app.ClientForRoleAsync(Roles.EducationCoordinator, offices: [mine]);

        var figures = await viewer.GetFromJsonAsync<JsonElement>($"/api/v1/dashboards/education?office={mine}");

        var fill = figures.GetProperty("fillByLevel").EnumerateArray().ToDictionary(l => l.GetProperty("level").GetString()!);
        // One section of 8 seats, 3 held; the other office's section is not counted.
        Assert.Equal((1, 8, 3, 0.375), (fill["B2"].GetProperty("sections").GetInt32(), fill["B2"].GetProperty("seats").GetInt32(),
            fill["B2"].GetProperty("taken").GetInt32(), fill["B2"].GetProperty("rate").GetDouble()));
        Assert.Equal(JsonValueKind.Null, fill["A1"].GetProperty("rate").ValueKind);
        var wait = figures.GetProperty("medianWaitByLevel").EnumerateArray().ToDictionary(l => l.GetProperty("level").GetString()!);
        Assert.Equal((3, 20.0), (wait["B2"].GetProperty("waiting").GetInt32(), wait["B2"].GetProperty("medianDays").GetDouble()));
        Assert.Equal(JsonValueKind.Null, wait["A1"].GetProperty("medianDays").ValueKind);

        // The learners each way: every group's learners add up to the three, the rates are counted from the marks.
        var learners = figures.GetProperty("learners");
        foreach (var dimension in new[] { "level", "site", "sex", "ageGroup" })
        {
            Assert.Equal(3, learners.GetProperty(dimension).EnumerateArray().Sum(g => g.GetProperty("learners").GetInt32()));
        }
        var b2 = learners.GetProperty("level").EnumerateArray().Single(g => g.GetProperty("key").GetString() == "B2");
        Assert.Equal((3, 6, 5.0 / 6, 0.0), (b2.GetProperty("learners").GetInt32(), b2.GetProperty("marks").GetInt32(), b2.GetProperty("attendanceRate").GetDouble(),
            b2.GetProperty("completionRate").GetDouble()));
        Assert.Equal(JsonValueKind.Null, b2.GetProperty("passRate").ValueKind);
        Assert.Equal(mine, Assert.Single(learners.GetProperty("site").EnumerateArray()).GetProperty("key").GetString());
    }

    [Fact]
    public async Task A_viewer_of_one_office_counts_only_its_households_and_may_not_ask_for_another()
    {
        var (mine, theirs) = (await OfficeAsync(), await OfficeAsync());
        await RegisterAsync(mine, 302, new(2026, 10, 1), new(2026, 10, 2));
        await RegisterAsync(theirs, 303, new(2026, 10, 1), new(2026, 10, 2), new(2026, 10, 3));
        var viewer = await app.ClientForRoleAsync(Roles.RegistrationOfficer, offices: [mine]);

        var all = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/dashboards/registry?from=2026-10&to=2026-10");
        var other = await viewer.GetAsync($"/api/v1/dashboards/registry?office={theirs}");

        Assert.Equal(2, all.GetProperty("households").GetInt32());
        Assert.Equal("[2]", Counts(all.GetProperty("arrivals")));
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.True((await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("office", out _));
    }

    [Fact]
    public async Task Only_case_workers_get_the_protection_section_and_its_small_cells_are_hidden()
    {
        var office = await OfficeAsync();
        var worker = await ProtectionSeed.WorkerAsync(app, office: office);
        for (var i = 0; i < 5; i++)
        {
            await ProtectionSeed.OpenAsync(worker, new { type = "WomanAtRisk", risk = "High", name = "Test " + i });
        }
        for (var i = 0; i < 2; i++)
        {
            await ProtectionSeed.OpenAsync(worker, new { type = "ChildSeparated", risk = "Medium", name = "Child " + i });
        }
        var manager = await app.CreateStaffAsync(Roles.ProgrammeManager, offices: [office]);
        var managerBrowser = await StaffSession.SignInAsync(app, manager);

        var counts = await worker.Client.GetFromJsonAsync<JsonElement>("/api/v1/dashboards/protection");
        var refused = await (await app.ClientForRoleAsync(Roles.ProgrammeManager, offices: [office])).GetAsync("/api/v1/dashboards/protection");
        var overview = await (await managerBrowser.GetAsync("/Dashboards")).Content.ReadAsStringAsync();

        JsonElement Row(string type) => counts.GetProperty("open").EnumerateArray().Single(r => r.GetProperty("type").GetString() == type);
        Assert.Equal(5, Row("womanAtRisk").GetProperty("byRisk")[0].GetInt32());
        Assert.Equal(JsonValueKind.Null, Row("childSeparated").GetProperty("byRisk")[1].ValueKind);
        Assert.Equal(JsonValueKind.Null, Row("childSeparated").GetProperty("total").ValueKind);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("id=\"overview-food\"", overview);
        Assert.DoesNotContain("id=\"overview-protection\"", overview);
    }

    [Fact]
    public async Task The_food_dashboard_page_draws_each_chart_with_its_table()
    {
        var staff = await app.CreateStaffAsync(Roles.DistributionClerk);
        var browser = await StaffSession.SignInAsync(app, staff);

        var response = await browser.GetAsync("/Dashboards/Food?from=2026-01&to=2026-11");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var id in new[] { "food-people", "food-tonnes", "food-collection", "food-cari" })
        {
            Assert.Contains($"id=\"{id}\"", html);
        }
        Assert.Equal(4, html.Split("<canvas class=\"dashboard-chart\"").Length - 1);
        Assert.Equal(4, html.Split("<caption>").Length - 1);
        Assert.DoesNotContain("<script>", html);
    }

    [Fact]
    public async Task The_food_dashboard_with_its_scripts_and_styles_weighs_under_200_kb_gzipped()
    {
        var staff = await app.CreateStaffAsync(Roles.ProgrammeManager);
        var browser = await StaffSession.SignInAsync(app, staff);

        var html = await (await browser.GetAsync("/Dashboards/Food")).Content.ReadAsByteArrayAsync();
        var assets = System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.UTF8.GetString(html), "(?:src|href)=\"(/[^\"]+\\.(?:js|css)[^\"]*)\"")
            .Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct().ToList();
        var weights = new List<(string, long)> { ("html", Gzipped(html)) };
        foreach (var asset in assets)
        {
            var response = await browser.GetAsync(asset);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            weights.Add((asset, Gzipped(await response.Content.ReadAsByteArrayAsync())));
        }

        var total = weights.Sum(w => w.Item2);
        Assert.Contains(assets, a => a.StartsWith("/lib/chartjs/", StringComparison.Ordinal));
        Assert.True(total < 200 * 1024, string.Join(", ", weights.Select(w => $"{w.Item1} {w.Item2 / 1024.0:N1} KB")));
    }

    private static long Gzipped(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }
        return output.Length;
    }

    [Fact]
    public async Task The_donor_report_opens_as_a_pdf_with_the_month_and_a_figure_in_turkish_when_asked()
    {
        var office = await OfficeAsync();
        await RegisterAsync(office, 304, new(2026, 10, 5), new(2026, 10, 6), new(2026, 10, 7));
        var viewer = await app.ClientForRoleAsync(Roles.ProgrammeManager, offices: [office]);

        var english = await viewer.GetAsync("/api/v1/reports/donor/registry?month=2026-10&lang=en");
        var turkish = await viewer.GetAsync("/api/v1/reports/donor/registry?month=2026-10&lang=tr");
        var refused = await viewer.GetAsync("/api/v1/reports/donor/registry?month=2026-10&lang=ug");

        Assert.Equal(HttpStatusCode.OK, english.StatusCode);
        Assert.Equal("application/pdf", english.Content.Headers.ContentType?.MediaType);
        var en = Text(await english.Content.ReadAsByteArrayAsync());
        var tr = Text(await turkish.Content.ReadAsByteArrayAsync());
        Assert.Contains("October 2026", en);
        Assert.Contains("Households: 3", en);
        Assert.Contains("Ekim 2026", tr);
        Assert.Contains("Haneler: 3", tr);
        Assert.Contains("Aylık bağışçı raporu", tr);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task The_schedule_writes_last_months_reports_once()
    {
        var folder = Path.Combine(Path.GetTempPath(), "panah-reports-" + Guid.NewGuid().ToString("N"));
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 5, 0, TimeSpan.Zero));
        var schedule = new DonorReportSchedule(app.Services.GetRequiredService<IServiceScopeFactory>(), new PanahDataOptions { DataDirectory = folder }, clock,
            app.Services.GetRequiredService<IConfiguration>(), NullLogger<DonorReportSchedule>.Instance);
        try
        {
            var first = await schedule.RunAsync(CancellationToken.None);
            var again = await schedule.RunAsync(CancellationToken.None);
            clock.Advance(TimeSpan.FromDays(31));
            var next = await schedule.RunAsync(CancellationToken.None);

            Assert.Equal(6, first.Count);
            Assert.Contains(first, f => f.EndsWith("donor-report-food-2026-11-tr.pdf", StringComparison.Ordinal));
            Assert.Empty(again);
            Assert.Equal(6, next.Count);
            Assert.All(next, f => Assert.Contains("-2026-12-", f));
            Assert.Equal(12, Directory.GetFiles(Path.Combine(folder, "reports"), "*.pdf").Length);
            Assert.Equal(TimeSpan.FromDays(31), DonorReportSchedule.UntilNextRun(new DateTimeOffset(2026, 12, 1, 0, 5, 0, TimeSpan.Zero)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Counts(JsonElement months) => $"[{string.Join(',', months.EnumerateArray().Select(m => m.GetProperty("count").GetInt32()))}]";

    private static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }
}

public sealed class SqliteDashboardsTests(SqliteApp app) : DashboardsTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresDashboardsTests(PostgresApp app) : DashboardsTests(app), IClassFixture<PostgresApp>;
