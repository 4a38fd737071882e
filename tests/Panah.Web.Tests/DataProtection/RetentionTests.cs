using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data.Erasure;
using Panah.Data.Retention;
using Panah.Data.Staff;
using Panah.Web.Features.DataProtection;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.DataProtection;

/// <summary>Retention on a fake clock, on both databases: what the job erases, what it spares, legal holds, the dry run, the lease.</summary>
public abstract partial class RetentionTests(RetentionApp app)
{
    private const string Page = "/DataProtection/Retention";

    [Fact]
    public async Task The_job_shreds_a_household_inactive_past_the_limit_and_spares_one_just_inside_and_one_under_a_legal_hold_until_it_is_lifted()
    {
        var start = app.Clock.GetUtcNow();
        var old = await app.RegisterNowAsync(members: 2);
        var held = await app.RegisterNowAsync();
        app.Clock.Advance(TimeSpan.FromDays(3));
        var inside = await app.RegisterNowAsync();
        var officer = await app.OfficerAsync();
        var placed = await Html.PostFormAsync(officer, Page, new Dictionary<string, string> { ["Hold.HouseholdCode"] = held.Code, ["Hold.Reason"] = "Holdcanary court case 2026/114" }, Page + "?handler=Hold");
        Assert.Equal(HttpStatusCode.Redirect, placed.StatusCode);

        // Five years and a day after the first two were registered: the third is two days short of five years.
        app.AdvanceTo(start, years: 5, days: 1);
        var report = await app.Job.RunOnceAsync();
        Assert.Equal(RetentionOutcome.Ran, report.Outcome);
        Assert.True(report.Run!.People >= 2);
        Assert.True(report.Run.Held >= 1);
        foreach (var person in old.Members)
        {
            Assert.True(await app.IsErasedAsync(person));
        }
        Assert.False(await app.IsErasedAsync(inside.Members[0]));
        Assert.False(await app.IsErasedAsync(held.Members[0]));

        // Erased exactly as a manual erasure: the ledger (re-applied after a restore), the erasure record, the audit (ids only).
        var ledger = app.Services.GetRequiredService<ErasureLedger>().Read().Entries.Select(e => e.PersonId).ToHashSet();
        Assert.Superset(old.Members.ToHashSet(), ledger);
        Assert.DoesNotContain(held.Members[0], ledger);
        var record = await app.ReadAsync(db => db.Erasures.AsNoTracking().SingleAsync(e => e.PersonId == old.Members[0]));
        Assert.Equal(RetentionJob.Actor, record.ErasedBy);
        Assert.StartsWith("Retention: household inactive for 5 years", record.Reason, StringComparison.Ordinal);
        var entry = await app.ReadAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "person.erase" && a.EntityId == old.Members[0].ToString()));
        Assert.Equal("cause=retention", entry.Detail);
        Assert.True(await app.ReadAsync(db => db.Households.AsNoTracking().Where(h => h.Id == old.Id).Select(h => h.Key!.Wrapped == null).SingleAsync()));

        // Another tick within the day does nothing: the job runs once a day, whichever node ticks.
        Assert.Equal(RetentionOutcome.NotDue, (await app.Job.RunOnceAsync()).Outcome);

        var holdId = await app.ReadAsync(db => db.LegalHolds.AsNoTracking().Where(h => h.HouseholdId == held.Id && h.LiftedAt == null).Select(h => h.Id).SingleAsync());
        officer = await app.OfficerAsync();
        var page = await (await officer.GetAsync(Page)).Content.ReadAsStringAsync();
        Assert.Contains(held.Code, page, StringComparison.Ordinal);
        var lifted = await Html.PostFormAsync(officer, Page, new Dictionary<string, string>(), $"{Page}?handler=Lift&id={holdId}");
        Assert.Equal(HttpStatusCode.Redirect, lifted.StatusCode);
        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(RetentionOutcome.Ran, (await app.Job.RunOnceAsync()).Outcome);
        Assert.True(await app.IsErasedAsync(held.Members[0]));
        Assert.False(await app.IsErasedAsync(inside.Members[0]));

        // Two days later the third household's five years are up too (a day ago).
        app.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(RetentionOutcome.Ran, (await app.Job.RunOnceAsync()).Outcome);
        Assert.True(await app.IsErasedAsync(inside.Members[0]));
        var audit = await app.ReadAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action.StartsWith("legalhold.") || a.Action == "retention.run").Select(a => a.Detail ?? "").ToListAsync());
        Assert.DoesNotContain(audit, d => d.Contains("Holdcanary", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("Holdcanary", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_page_shows_the_next_run_as_a_dry_run_that_writes_nothing_and_erases_only_the_set_the_officer_confirmed()
    {
        var start = app.Clock.GetUtcNow();
        var due = await app.RegisterNowAsync();
        app.AdvanceTo(start, years: 5, days: 1);
        var fresh = await app.RegisterNowAsync();
        var officer = await app.OfficerAsync();
        var before = await WrittenAsync();

        var html = await (await officer.GetAsync(Page)).Content.ReadAsStringAsync();
        Assert.Contains($"<code>{due.Code}</code>", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"<code>{fresh.Code}</code>", html, StringComparison.Ordinal);
        Assert.Contains("data-rule=\"HouseholdInactive\"", html, StringComparison.Ordinal);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Panah.Data.Access.AccessScope>().Everything("test");
            var preview = await scope.ServiceProvider.GetRequiredService<RetentionCandidates>().PreviewAsync();
            Assert.Contains(preview.Candidates, c => c.PersonId == due.Members[0] && c.Rule == RetentionRule.HouseholdInactive);
        }
        Assert.Equal(before, await WrittenAsync());
        Assert.False(await app.IsErasedAsync(due.Members[0]));

        var digest = DigestField().Match(html).Groups[1].Value;
        var unconfirmed = await Html.PostFormAsync(officer, Page, new Dictionary<string, string> { ["Run.Digest"] = digest }, Page + "?handler=Run");
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        var stale = await Html.PostFormAsync(officer, Page, new Dictionary<string, string> { ["Run.Digest"] = (digest[0] == 'A' ? "B" : "A") + digest[1..], ["Run.Confirm"] = "true" }, Page + "?handler=Run");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal(before, await WrittenAsync());
        Assert.False(await app.IsErasedAsync(due.Members[0]));

        var confirmed = await Html.PostFormAsync(officer, Page, new Dictionary<string, string> { ["Run.Digest"] = digest, ["Run.Confirm"] = "true" }, Page + "?handler=Run");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.True(await app.IsErasedAsync(due.Members[0]));
        Assert.False(await app.IsErasedAsync(fresh.Members[0]));
        var run = await app.ReadAsync(db => db.RetentionRuns.AsNoTracking().OrderByDescending(r => r.Id).FirstAsync());
        Assert.StartsWith("user:", run.RunBy, StringComparison.Ordinal);
        var runs = await (await officer.GetAsync(Page)).Content.ReadAsStringAsync();
        Assert.Contains(run.RunBy, runs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_legal_hold_on_one_person_spares_that_person_only_and_a_hold_needs_a_target_and_a_reason()
    {
        var start = app.Clock.GetUtcNow();
        var household = await app.RegisterNowAsync(members: 2);
        var officer = await app.OfficerAsync();
        foreach (var fields in new Dictionary<string, string>[]
        {
            new() { ["Hold.Reason"] = "No target given" },
            new() { ["Hold.HouseholdCode"] = household.Code, ["Hold.PersonId"] = household.Members[1].ToString(), ["Hold.Reason"] = "Both targets given" },
            new() { ["Hold.PersonId"] = household.Members[1].ToString() },
            new() { ["Hold.PersonId"] = Guid.NewGuid().ToString(), ["Hold.Reason"] = "Nobody has this id" },
            new() { ["Hold.HouseholdCode"] = "NO-SUCH-CODE", ["Hold.Reason"] = "No household has this code" },
        })
        {
            Assert.Equal(HttpStatusCode.OK, (await Html.PostFormAsync(officer, Page, fields, Page + "?handler=Hold")).StatusCode);
        }
        Assert.False(await app.ReadAsync(db => db.LegalHolds.AnyAsync(h => h.HouseholdId == household.Id || h.PersonId == household.Members[1])));
        var placed = await Html.PostFormAsync(officer, Page, new Dictionary<string, string> { ["Hold.PersonId"] = household.Members[1].ToString(), ["Hold.Reason"] = "Witness in a court case" }, Page + "?handler=Hold");
        Assert.Equal(HttpStatusCode.Redirect, placed.StatusCode);
        var hold = await app.ReadAsync(db => db.LegalHolds.AsNoTracking().SingleAsync(h => h.PersonId == household.Members[1]));
        Assert.StartsWith("user:", hold.SetBy, StringComparison.Ordinal);
        Assert.True((app.Clock.GetUtcNow() - hold.SetAt).Duration() < TimeSpan.FromMilliseconds(1));

        app.AdvanceTo(start, years: 5, days: 1);
        Assert.Equal(RetentionOutcome.Ran, (await app.Job.RunOnceAsync()).Outcome);
        Assert.True(await app.IsErasedAsync(household.Members[0]));
        Assert.False(await app.IsErasedAsync(household.Members[1]));
        Assert.Equal(HttpStatusCode.OK, (await Html.PostFormAsync(await app.OfficerAsync(), Page, new Dictionary<string, string>(), $"{Page}?handler=Lift&id=999999")).StatusCode);
    }

    [Fact]
    public async Task A_closed_household_is_erased_under_its_own_shorter_rule()
    {
        var start = app.Clock.GetUtcNow();
        var closed = await app.RegisterNowAsync();
        var open = await app.RegisterNowAsync();
        var officer = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var version = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/households/{closed.Id}")).GetProperty("version").GetInt64();
        var closing = await officer.PutAsJsonAsync($"/api/v1/households/{closed.Id}", new { district = "Fatih", status = "closed", version });
        Assert.True(closing.IsSuccessStatusCode, await closing.Content.ReadAsStringAsync());

        app.AdvanceTo(start, years: 2, days: 1);
        Assert.Equal(RetentionOutcome.Ran, (await app.Job.RunOnceAsync()).Outcome);
        Assert.True(await app.IsErasedAsync(closed.Members[0]));
        Assert.False(await app.IsErasedAsync(open.Members[0]));
        var record = await app.ReadAsync(db => db.Erasures.AsNoTracking().SingleAsync(e => e.PersonId == closed.Members[0]));
        Assert.StartsWith("Retention: household closed", record.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Of_several_nodes_only_the_one_holding_the_lease_runs_and_the_lease_of_a_node_that_died_runs_out()
    {
        app.Clock.Advance(TimeSpan.FromDays(2));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<JobLeases>().TryAcquireAsync(RetentionSweep.LeaseName, "another-node", TimeSpan.FromHours(2)));
        }
        Assert.Equal(RetentionOutcome.Busy, (await app.Job.RunOnceAsync()).Outcome);
        app.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(RetentionOutcome.Ran, (await app.Job.RunOnceAsync()).Outcome);
    }

    /// <summary>What a run writes: erasure records, ledger lines, runs, erasure audit entries.</summary>
    private Task<string> WrittenAsync() => app.ReadAsync(async db =>
        $"{await db.Erasures.CountAsync()} {app.Services.GetRequiredService<ErasureLedger>().Read().Entries.Count} {await db.RetentionRuns.CountAsync()} "
        + $"{await db.AuditEntries.CountAsync(a => a.Action == "person.erase" || a.Action == "retention.run")}");

    [GeneratedRegex("name=\"Run.Digest\" value=\"([0-9A-F]+)\"")]
    private static partial Regex DigestField();
}

public sealed class SqliteRetentionTests(SqliteRetentionApp app) : RetentionTests(app), IClassFixture<SqliteRetentionApp>
{
    [Fact]
    public async Task The_cli_shows_a_dry_run_that_writes_nothing_and_runs_retention()
    {
        var runs = await app.ReadAsync(db => db.RetentionRuns.CountAsync());
        var (dry, preview) = await Cli.RunAsync(app.DataDirectory, "retention", "run", "--dry-run");
        Assert.True(dry == 0, preview);
        Assert.Contains("Due: ", preview, StringComparison.Ordinal);
        Assert.Equal(runs, await app.ReadAsync(db => db.RetentionRuns.CountAsync()));
        var (code, output) = await Cli.RunAsync(app.DataDirectory, "retention", "run");
        Assert.True(code == 0, output);
        Assert.Contains("Erased ", output, StringComparison.Ordinal);
        var run = await app.ReadAsync(db => db.RetentionRuns.AsNoTracking().OrderByDescending(r => r.Id).FirstAsync());
        Assert.StartsWith("cli:", run.RunBy, StringComparison.Ordinal);
    }
}

public sealed class PostgresRetentionTests(PostgresRetentionApp app) : RetentionTests(app), IClassFixture<PostgresRetentionApp>;

/// <summary>The hosted job ticks on the injected clock: every 60 minutes it asks, and runs once 24 hours have passed since the last run.</summary>
public sealed class RetentionScheduleTests(ScheduledRetentionApp app) : IClassFixture<ScheduledRetentionApp>
{
    [Fact]
    public async Task The_hosted_job_ticks_on_the_injected_clock_and_runs_once_a_day()
    {
        var job = app.Job;
        var tick = job.NextTick;
        Assert.False(tick.IsCompleted);
        app.Clock.Advance(TimeSpan.FromMinutes(60));
        Assert.Equal(RetentionOutcome.Ran, (await tick.WaitAsync(TimeSpan.FromMinutes(1))).Outcome);
        var first = await app.ReadAsync(db => db.RetentionRuns.AsNoTracking().SingleAsync());
        Assert.Equal(RetentionJob.Actor, first.RunBy);
        for (var hour = 1; hour <= 24; hour++)
        {
            tick = job.NextTick;
            app.Clock.Advance(TimeSpan.FromMinutes(60));
            var outcome = (await tick.WaitAsync(TimeSpan.FromMinutes(1))).Outcome;
            Assert.Equal(hour < 24 ? RetentionOutcome.NotDue : RetentionOutcome.Ran, outcome);
        }
        Assert.Equal(2, await app.ReadAsync(db => db.RetentionRuns.CountAsync()));
    }
}
