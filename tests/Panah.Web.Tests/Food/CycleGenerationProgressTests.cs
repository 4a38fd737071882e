using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data.Access;
using Panah.Data.Food;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Food;

/// <summary>
/// Generating 50,000 households takes seconds: the page starts the generation and answers at once, then follows it
/// (stage, rows done of all) until it shows what was made; the generation reports each stage as it writes.
/// </summary>
public abstract class CycleGenerationProgressTests<TApp>(TApp app) where TApp : PanahApp
{
    /// <summary>Records reports as they come (Progress&lt;T&gt; would post them to another thread, out of order).</summary>
    private sealed class Recorder : IProgress<GenerationProgress>
    {
        public List<GenerationProgress> Reports { get; } = [];

        public void Report(GenerationProgress value) => Reports.Add(value);
    }

    [Fact]
    public async Task The_generation_reports_each_stage_with_the_rows_done_of_all()
    {
        var cycle = await TestCycle.CreateAsync(app, "KAY", "IST", "SEF");
        var recorder = new Recorder();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<AccessScope>().Everything("test generation");
            await CycleGeneration.ActingAs(scope.ServiceProvider, "test:generator").GenerateAsync(cycle.Id, await cycle.VersionAsync(app), recorder, CancellationToken.None);
        }
        var all = cycle.Households.Count;
        Assert.Equal(
            [new("households", 0, 0), new("entitlements", 0, all), new("entitlements", all, all), new("items", 0, all), new("items", all, all)],
            recorder.Reports);
    }

    [Fact]
    public async Task The_page_answers_at_once_and_follows_the_generation_until_it_shows_what_was_made()
    {
        var cycle = await TestCycle.CreateAsync(app, "KAY", "IST", "SEF", "KAY");
        var manager = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.ProgrammeManager));
        var page = "/Food/Cycles/Details?id=" + cycle.Id.ToString(CultureInfo.InvariantCulture);
        var version = (await cycle.VersionAsync(app)).ToString(CultureInfo.InvariantCulture);

        var started = await Html.PostFormAsync(manager, page, new Dictionary<string, string> { ["version"] = version }, page + "&handler=Generate");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.Equal(page, started.Headers.Location?.OriginalString);

        for (var i = 0; i < 300; i++)
        {
            var html = await manager.GetStringAsync(page);
            if (html.Contains("id=\"generation-progress\"", StringComparison.Ordinal))
            {
                // Under way: the page refreshes itself and shows the stage and the count, not the button.
                Assert.Contains("http-equiv=\"refresh\"", html, StringComparison.Ordinal);
                Assert.Contains("id=\"generation-stage\"", html, StringComparison.Ordinal);
                Assert.DoesNotContain("id=\"generate\"", html, StringComparison.Ordinal);
                await Task.Delay(50);
                continue;
            }
            Assert.Contains($"Generated entitlements for {cycle.Households.Count} households", html, StringComparison.Ordinal);
            Assert.Equal(cycle.Households.Count, (await cycle.EntitlementsAsync(app)).Count);
            return;
        }
        throw new TimeoutException("The generation did not finish.");
    }
}

public sealed class SqliteCycleGenerationProgressTests(SqliteApp app) : CycleGenerationProgressTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class PostgresCycleGenerationProgressTests(PostgresApp app) : CycleGenerationProgressTests<PostgresApp>(app), IClassFixture<PostgresApp>;
