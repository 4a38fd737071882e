using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Panah.Core.Registry;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;
using Panah.Web.Tests.Registry;

namespace Panah.Web.Tests.Matching;

/// <summary>The app without the change overlap, so a run's counts show exactly the people changed since the run before.</summary>
public abstract class NoOverlapApp(string provider) : PanahApp(provider)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Panah:DuplicateRuns:ChangeOverlapSeconds", "0");
    }
}

public sealed class SqliteNoOverlapApp() : NoOverlapApp("sqlite");

public sealed class PostgresNoOverlapApp() : NoOverlapApp("postgres");

/// <summary>After a batch run, a run compares only the people added or changed since, against everyone, through HTTP on both databases.</summary>
public abstract class IncrementalRunTests(PanahApp app)
{
    private static int serial;

    /// <summary>A person with one spelling; the phone is the document's, so two tests' people share nothing.</summary>
    private static JsonObject Person(string script, string given, string family, string document, string birthDate)
    {
        var p = RegistryRequests.Person(given, family, document: document, phone: "0538 " + document[4..7] + " " + document[7..9] + " " + document[9..11], script: script, birthDate: birthDate);
        p["spellings"] = new JsonArray();
        p["name"]!["father"] = null;
        return p;
    }

    private static string Document() => TurkishIdNumber.Complete("99" + (6_100_000 + Interlocked.Increment(ref serial) * 53).ToString("D7", System.Globalization.CultureInfo.InvariantCulture));

    private static async Task<(Guid Household, Guid Person)> RegisterAsync(HttpClient officer, JsonObject person)
    {
        var (household, members) = await ReviewQueueSetup.RegisterAsync(officer, "IST", person);
        return (household, members[0]);
    }

    /// <summary>A change to the household alone (its district): its members count as changed, their names as they were.</summary>
    private static async Task TouchAsync(HttpClient officer, Guid household)
    {
        var h = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/households/{household}");
        var put = await officer.PutAsJsonAsync($"/api/v1/households/{household}", new JsonObject { ["district"] = "Moved-" + Guid.NewGuid().ToString("N")[..6], ["version"] = h.GetProperty("version").GetInt64() });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
    }

    /// <summary>A batch run that covers everyone registered so far, once the match index is up (an incremental run needs it).</summary>
    private static async Task<JsonElement> BatchAsync(HttpClient reviewer)
    {
        for (var i = 0; i < 100 && !(await (await reviewer.PostAsJsonAsync("/api/v1/people/match", new JsonObject { ["person"] = ReviewQueueSetup.Stranger() }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("indexReady").GetBoolean(); i++)
        {
            await Task.Delay(100);
        }
        var run = await ReviewQueueSetup.RunAsync(reviewer, full: true);
        Assert.False(run.GetProperty("lastIncremental").GetBoolean());
        Assert.Equal(run.GetProperty("lastPeople").GetInt32(), run.GetProperty("lastCompared").GetInt32());
        return run;
    }

    [Fact]
    public async Task An_incremental_run_compares_only_the_new_and_changed_people_and_finds_a_new_duplicate()
    {
        var officer = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var document = Document();
        var (_, first) = await RegisterAsync(officer, Person("ug-Latn", "Abdushukur", "Hoshur", document, "1981-11-04"));
        var (strangerHousehold, _) = await RegisterAsync(officer, ReviewQueueSetup.Stranger());
        await ReviewQueueSetup.StrangersAsync(officer, "IST", 3);
        var batch = await BatchAsync(officer);

        var (_, again) = await RegisterAsync(officer, Person("ug-Cyrl", "Абдушукур", "Хошур", document, "1981-11-04"));
        await TouchAsync(officer, strangerHousehold);
        var run = await ReviewQueueSetup.RunAsync(officer);

        Assert.True(run.GetProperty("lastIncremental").GetBoolean());
        // The new registration and the changed household's one member; everyone else was compared by the batch run.
        Assert.Equal(2, run.GetProperty("lastCompared").GetInt32());
        Assert.Equal(batch.GetProperty("lastPeople").GetInt32() + 1, run.GetProperty("lastPeople").GetInt32());
        Assert.Equal(1, run.GetProperty("lastProposed").GetInt32());
        var pair = ReviewQueueSetup.Pair(await ReviewQueueSetup.PendingAsync(officer), first, again);
        Assert.NotNull(pair);
        Assert.True(pair.Value.GetProperty("probability").GetDouble() > 0.5);

        // Nothing changed since: nobody is compared, nothing proposed.
        var idle = await ReviewQueueSetup.RunAsync(officer);
        Assert.Equal((true, 0, 0), (idle.GetProperty("lastIncremental").GetBoolean(), idle.GetProperty("lastCompared").GetInt32(), idle.GetProperty("lastProposed").GetInt32()));
    }

    [Fact]
    public async Task An_incremental_run_never_proposes_a_decided_pair_again_even_when_one_of_them_changed()
    {
        var officer = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        await BatchAsync(officer);
        var document = Document();
        var (_, first) = await RegisterAsync(officer, Person("ug-Latn", "Rahile", "Qadir", document, "1995-06-21"));
        var (household, second) = await RegisterAsync(officer, Person("tr-Latn", "Rahile", "Kadir", document, "1995-06-21"));
        var found = await ReviewQueueSetup.RunAsync(officer);
        Assert.True(found.GetProperty("lastIncremental").GetBoolean());
        var pair = ReviewQueueSetup.Pair(await ReviewQueueSetup.PendingAsync(officer), first, second)!.Value;
        var decided = await officer.PostAsJsonAsync($"/api/v1/duplicates/{pair.GetProperty("id").GetGuid()}/decision", new { samePerson = false, version = pair.GetProperty("version").GetInt64() });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);

        await TouchAsync(officer, household);
        var run = await ReviewQueueSetup.RunAsync(officer);

        Assert.True(run.GetProperty("lastIncremental").GetBoolean());
        Assert.Equal(1, run.GetProperty("lastCompared").GetInt32());
        Assert.Equal(0, run.GetProperty("lastProposed").GetInt32());
        Assert.Null(ReviewQueueSetup.Pair(await ReviewQueueSetup.PendingAsync(officer), first, second));
        var notSame = (await officer.GetFromJsonAsync<JsonElement>("/api/v1/duplicates/?status=notSame&pageSize=200")).GetProperty("items").EnumerateArray();
        Assert.Contains(notSame, r => r.GetProperty("id").GetGuid() == pair.GetProperty("id").GetGuid());
    }
}

public sealed class SqliteIncrementalRunTests(SqliteNoOverlapApp app) : IncrementalRunTests(app), IClassFixture<SqliteNoOverlapApp>;

public sealed class PostgresIncrementalRunTests(PostgresNoOverlapApp app) : IncrementalRunTests(app), IClassFixture<PostgresNoOverlapApp>;
