using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Panah.Data;
using Panah.Data.Access;
using Panah.Data.Imports;
using Panah.Data.Staff;
using Panah.Web.Features.Imports;
using Panah.Web.Tests.Infrastructure;
using static Panah.Web.Tests.Imports.ImportFixtures;

namespace Panah.Web.Tests.Imports;

/// <summary>
/// Import jobs through HTTP: upload, mapping, dry run, report, commit, re-import a no-op, another office's job not
/// there, bad files refused whole with nothing left behind, a commit stopped after one batch resumed, the stored
/// upload encrypted; on both databases.
/// </summary>
public abstract class ImportJobsApiTests(PanahApp app)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private Task<HttpClient> OfficerAsync(string office = "KAY") => app.ClientForRoleAsync(Roles.RegistrationOfficer, offices: [office]);

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file, string name, string? office = "KAY")
    {
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : ImportsApi.XlsxType);
        form.Add(part, "file", name);
        if (office is not null)
        {
            form.Add(new StringContent(office), "office");
        }
        return await client.PostAsync("/api/v1/imports", form);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Starts a run and waits for the worker to finish it (its completion, not a clock).</summary>
    private async Task<JsonElement> RunAsync(HttpClient client, Guid id, string step)
    {
        await JsonAsync(await client.PostAsync($"/api/v1/imports/{id}/{step}", null), HttpStatusCode.Accepted);
        await app.Services.GetRequiredService<ImportWorker>().Finished(id).WaitAsync(Patience);
        return (await JsonAsync(await client.GetAsync($"/api/v1/imports/{id}"), HttpStatusCode.OK)).GetProperty("job");
    }

    private async Task<T> EverythingAsync<T>(Func<PanahDbContext, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().Everything("import test");
        return await read(scope.ServiceProvider.GetRequiredService<PanahDbContext>());
    }

    private static string Letters(int n) => new(Guid.NewGuid().ToString("N").Take(n).Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))).ToArray());

    /// <summary>The CLI's output as one line: the console wraps long lines.</summary>
    private static string OneLine(string output) => System.Text.RegularExpressions.Regex.Replace(output, @"\s+", " ");

    private static object SexMapping => new { values = new Dictionary<string, Dictionary<string, string>> { ["sex"] = new() { ["E"] = "male", ["K"] = "female" } } };

    [Fact]
    public async Task A_kobo_export_goes_from_upload_to_commit_and_importing_it_again_changes_nothing()
    {
        var client = await OfficerAsync();
        var file = KoboXlsx(Guid.NewGuid().ToString("N"));
        var before = await EverythingAsync(db => db.People.CountAsync());

        var upload = await JsonAsync(await UploadAsync(client, file, "kobo.xlsx"), HttpStatusCode.Created);
        var id = upload.GetProperty("job").GetProperty("id").GetGuid();
        Assert.Equal(2, upload.GetProperty("job").GetProperty("rowsTotal").GetInt32());
        var columns = upload.GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("field").GetString());
        Assert.Equal("sex", columns["member/sex"]);
        Assert.Equal("district", columns["household/district"]);
        Assert.True(app.Services.GetRequiredService<ImportUploads>().Exists(id));

        await JsonAsync(await client.PutAsJsonAsync($"/api/v1/imports/{id}/mapping", SexMapping), HttpStatusCode.OK);
        var dry = await RunAsync(client, id, "dry-run");
        Assert.Equal(("dry-run-done", 2, 2, 0), (dry.GetProperty("status").GetString(), dry.GetProperty("processed").GetInt32(), dry.GetProperty("ok").GetInt32(), dry.GetProperty("errors").GetInt32()));
        Assert.Equal(before, await EverythingAsync(db => db.People.CountAsync()));

        var report = await client.GetAsync($"/api/v1/imports/{id}/report");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Contains("no-store", report.Headers.CacheControl?.ToString());
        var lines = (await report.Content.ReadAsByteArrayAsync()).Let(b => new MemoryStream(b).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList());
        Assert.Equal(["Ok", "Ok"], lines.Select(l => l["outcome"]));

        var done = await RunAsync(client, id, "commit");
        Assert.Equal(("done", 2), (done.GetProperty("status").GetString(), done.GetProperty("ok").GetInt32()));
        Assert.Equal(before + 3, await EverythingAsync(db => db.People.CountAsync()));
        Assert.False(app.Services.GetRequiredService<ImportUploads>().Exists(id));

        // The same file again: the form's mapping is remembered, and every submission was imported before.
        var again = await JsonAsync(await UploadAsync(client, file, "kobo.xlsx"), HttpStatusCode.Created);
        var second = again.GetProperty("job").GetProperty("id").GetGuid();
        Assert.Equal("male", again.GetProperty("mapping").GetProperty("values").GetProperty("sex").GetProperty("E").GetString());
        Assert.Equal(2, (await RunAsync(client, second, "dry-run")).GetProperty("skipped").GetInt32());
        var noop = await RunAsync(client, second, "commit");
        Assert.Equal(("done", 0, 2), (noop.GetProperty("status").GetString(), noop.GetProperty("ok").GetInt32(), noop.GetProperty("skipped").GetInt32()));
        Assert.Equal(before + 3, await EverythingAsync(db => db.People.CountAsync()));
    }

    [Fact]
    public async Task A_job_of_another_office_is_not_there()
    {
        var kay = await OfficerAsync("KAY");
        var ist = await OfficerAsync("IST");
        var csv = Utf8($"given_name,family_name,sex,birth_date,consent,district\n{Letters(8)},Tursun,male,1990-01-02,yes,Fatih\n");
        var id = (await JsonAsync(await UploadAsync(kay, csv, "people.csv"), HttpStatusCode.Created)).GetProperty("job").GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NotFound, (await ist.GetAsync($"/api/v1/imports/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ist.GetAsync($"/api/v1/imports/{id}/report")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ist.PutAsJsonAsync($"/api/v1/imports/{id}/mapping", SexMapping)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ist.PostAsync($"/api/v1/imports/{id}/dry-run", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ist.PostAsync($"/api/v1/imports/{id}/commit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ist.DeleteAsync($"/api/v1/imports/{id}")).StatusCode);
        Assert.DoesNotContain(id.ToString(), await ist.GetStringAsync("/api/v1/imports"));
        // Nor can an officer upload into an office that is not theirs.
        Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync(ist, csv, "people.csv", "KAY")).StatusCode);
        Assert.Contains(id.ToString(), await kay.GetStringAsync("/api/v1/imports"));
    }

    public static TheoryData<string, string, string> BadFiles => new()
    {
        { "not-a-spreadsheet.xlsx", "text", "Import.Unreadable" },
        { "cut-short.xlsx", "truncated", "Import.Unreadable" },
        { "latin1.csv", "latin1", "Import.NotUtf8" },
        { "bomb.xlsx", "bomb", "Import.TooLarge" },
        { "notes.txt", "text", "Import.UnknownFormat" },
        { "header-only.csv", "header", "Import.Empty" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_refused_whole_with_a_problem_and_leaves_no_job_and_no_file(string name, string kind, string reason)
    {
        var client = await OfficerAsync();
        byte[] file = kind switch
        {
            "truncated" => KoboXlsx("t")[..400],
            "latin1" => [.. Utf8("given_name,district\n"), 0x47, 0xFC, 0x6C, 0x2C, 0x41, 0x0A],
            "bomb" => ZipBomb(),
            "header" => Utf8("given_name,family_name,district\n"),
            _ => Utf8("hello, this is not a spreadsheet"),
        };
        var jobs = await EverythingAsync(db => db.ImportJobs.CountAsync());
        var uploads = app.Services.GetRequiredService<ImportUploads>();
        var files = Directory.Exists(uploads.Directory) ? Directory.GetFiles(uploads.Directory).Length : 0;

        var response = await UploadAsync(client, file, name);

        var problem = await JsonAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out var messages), problem.ToString());
        Assert.NotEqual(reason, messages[0].GetString()); // translated, not the key
        Assert.Equal(jobs, await EverythingAsync(db => db.ImportJobs.CountAsync()));
        Assert.Equal(files, Directory.Exists(uploads.Directory) ? Directory.GetFiles(uploads.Directory).Length : 0);
    }

    [Fact]
    public async Task A_broken_multipart_body_is_a_problem_not_a_server_error()
    {
        var client = await OfficerAsync();
        var jobs = await EverythingAsync(db => db.ImportJobs.CountAsync());
        // What the malformed-input property test found: a multipart type whose body has no boundary at all.
        using var body = new ByteArrayContent(Utf8("{\"\":null}"));
        body.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=x");

        var response = await client.PostAsync("/api/v1/imports/", body);

        var problem = await JsonAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _), problem.ToString());
        Assert.Equal(jobs, await EverythingAsync(db => db.ImportJobs.CountAsync()));
    }

    [Fact]
    public async Task A_dry_run_foresees_a_person_the_file_brings_twice_as_the_commit_finds_them_even_when_it_resumes()
    {
        Assert.True(SpinWait.SpinUntil(() => app.Services.GetRequiredService<Panah.Data.Matching.RegistryMatchIndex>().IsReady, Patience), "the match index was not built");
        var district = "Twice" + Letters(8);
        var (given, family) = ("Gulnar" + Letters(6), "Tursun" + Letters(5));
        var csv = new StringBuilder("given_name,family_name,sex,birth_date,consent,district\n");
        csv.Append($"{given},{family},female,1988-02-14,yes,{district}\n");
        csv.Append($"Mehmet{Letters(6)},Kurban{Letters(5)},male,1975-06-30,yes,{district}\n");
        csv.Append($",Kaya,female,1990-01-02,yes,{district}\n");
        // The first row's person again (the date written another way: not the same submission), in a later household: at
        // commit the first is registered by then.
        csv.Append($"{given},{family},female,14.02.1988,yes,{district}\n");
        var (scope, _, office) = await ImportFixtures.OfficerAsync(app);
        await using (scope)
        {
            var jobs = scope.ServiceProvider.GetRequiredService<ImportJobs>();
            var runner = scope.ServiceProvider.GetRequiredService<ImportJobRunner>();
            var id = (await jobs.CreateAsync(office, "twice.csv", new MemoryStream(Utf8(csv.ToString())), null)).Id;
            await jobs.StartAsync(id, commit: false);
            // Two rows, a "restart", then the rest: the earlier good households are read again into the run's index.
            Assert.True(await runner.RunAsync(id, maxBatches: 1, batchSize: 2));
            Assert.False(await scope.ServiceProvider.GetRequiredService<ImportJobRunner>().RunAsync(id, batchSize: 2));
            var dry = (await jobs.GetAsync(id))!;
            var dryReport = (await jobs.ReportAsync(id))!;
            Assert.Equal((ImportJobStatus.DryRunDone, 2, 1, 1), (dry.Status, dry.Ok, dry.Errors, dry.Duplicates));
            var twice = Assert.Single(dryReport, r => r.Outcome == ImportOutcome.PossibleDuplicate);
            Assert.Equal(5, twice.Row);
            Assert.StartsWith(Importer.DuplicateInFile + "|", twice.Reason, StringComparison.Ordinal);
            Assert.EndsWith(" 2", twice.Reason, StringComparison.Ordinal);

            await jobs.StartAsync(id, commit: true);
            Assert.False(await runner.RunAsync(id));
            var done = (await jobs.GetAsync(id))!;
            // What the dry run said is what the commit did.
            Assert.Equal((ImportJobStatus.Done, dry.Ok, dry.Errors, dry.Duplicates), (done.Status, done.Ok, done.Errors, done.Duplicates));
            Assert.Equal(5, Assert.Single((await jobs.ReportAsync(id))!, r => r.Outcome == ImportOutcome.PossibleDuplicate).Row);
        }
        Assert.Equal(2, await EverythingAsync(db => db.People.CountAsync(p => p.District == district)));
    }

    [Fact]
    public async Task A_commit_stopped_after_one_batch_resumes_with_the_right_counts_and_nobody_twice()
    {
        var district = "Res" + Letters(8);
        var csv = new StringBuilder("given_name,family_name,sex,birth_date,consent,district\n");
        foreach (var given in new[] { "Mehmet", "Aynur", "Rahile" })
        {
            csv.Append($"{given}{Letters(6)},Tursun{Letters(4)},female,1990-01-02,yes,{district}\n");
        }
        csv.Append($",Kaya,female,1990-01-02,yes,{district}\n");
        var (scope, _, office) = await ImportFixtures.OfficerAsync(app);
        Guid id;
        await using (scope)
        {
            var jobs = scope.ServiceProvider.GetRequiredService<ImportJobs>();
            id = (await jobs.CreateAsync(office, "people.csv", new MemoryStream(Utf8(csv.ToString())), null)).Id;
            await jobs.StartAsync(id, commit: false);
            await scope.ServiceProvider.GetRequiredService<ImportJobRunner>().RunAsync(id);
            await jobs.StartAsync(id, commit: true);

            // One batch of one submission, then the process "stops".
            Assert.True(await scope.ServiceProvider.GetRequiredService<ImportJobRunner>().RunAsync(id, maxBatches: 1, batchSize: 1));
            var stopped = (await jobs.GetAsync(id))!;
            Assert.Equal((ImportJobStatus.Committing, 1, 1), (stopped.Status, stopped.Processed, stopped.Ok));
        }
        Assert.Equal(1, await EverythingAsync(db => db.People.CountAsync(p => p.District == district)));

        // A restart: a new scope (as the worker makes) picks the job up where its last batch committed.
        var (restart, _, _) = await ImportFixtures.OfficerAsync(app);
        await using (restart)
        {
            Assert.False(await restart.ServiceProvider.GetRequiredService<ImportJobRunner>().RunAsync(id, batchSize: 2));
            var done = (await restart.ServiceProvider.GetRequiredService<ImportJobs>().GetAsync(id))!;
            Assert.Equal((ImportJobStatus.Done, 4, 3, 1, 0, 0), (done.Status, done.Processed, done.Ok, done.Errors, done.Duplicates, done.Skipped));
            var report = (await restart.ServiceProvider.GetRequiredService<ImportJobs>().ReportAsync(id))!;
            Assert.Equal([ImportOutcome.Imported, ImportOutcome.Imported, ImportOutcome.Imported], report.Where(r => r.Outcome != ImportOutcome.Error).Select(r => r.Outcome));
            Assert.Contains(report, r => (r.Row, r.Outcome, r.Field, r.Reason) == (5, ImportOutcome.Error, "name.given", "Name.Required"));
        }
        Assert.Equal(3, await EverythingAsync(db => db.People.CountAsync(p => p.District == district)));
        Assert.False(app.Services.GetRequiredService<ImportUploads>().Exists(id));
    }

    [Fact]
    public async Task The_stored_upload_and_the_job_hold_no_name_in_clear()
    {
        var canary = "Canary" + Letters(10);
        var client = await OfficerAsync();
        var csv = Utf8($"given_name,family_name,sex,birth_date,consent,district\n{canary},Tursun,male,1990-01-02,yes,Fatih\n");

        var id = (await JsonAsync(await UploadAsync(client, csv, canary + ".csv"), HttpStatusCode.Created)).GetProperty("job").GetProperty("id").GetGuid();

        var stored = await File.ReadAllBytesAsync(app.Services.GetRequiredService<ImportUploads>().PathOf(id));
        Assert.True(stored.Length > csv.Length);
        Assert.Equal(-1, stored.AsSpan().IndexOf(Encoding.UTF8.GetBytes(canary)));
        Assert.Equal(-1, stored.AsSpan().IndexOf("given_name"u8));
        var job = await EverythingAsync(db => db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == id));
        Assert.Equal(-1, job.SealedFileName.AsSpan().IndexOf(Encoding.UTF8.GetBytes(canary)));
        Assert.DoesNotContain(canary, job.MappingJson + job.ColumnsJson + job.FormKey);
        // The officer sees the name; cancelling deletes the file.
        Assert.Equal(canary + ".csv", (await JsonAsync(await client.GetAsync($"/api/v1/imports/{id}"), HttpStatusCode.OK)).GetProperty("job").GetProperty("fileName").GetString());
        Assert.Equal("cancelled", (await JsonAsync(await client.DeleteAsync($"/api/v1/imports/{id}"), HttpStatusCode.OK)).GetProperty("status").GetString());
        Assert.False(File.Exists(app.Services.GetRequiredService<ImportUploads>().PathOf(id)));
    }

    [Fact]
    public async Task A_ten_megabyte_kobo_export_is_read_whole_and_counted()
    {
        var client = await OfficerAsync();
        var file = LargeKoboXlsx(95_000);
        Assert.True(file.Length >= 10_000_000, $"{file.Length} bytes");

        var upload = await JsonAsync(await UploadAsync(client, file, "large.xlsx"), HttpStatusCode.Created);

        var job = upload.GetProperty("job");
        Assert.True(job.GetProperty("rowsTotal").GetInt32() > 30_000, job.ToString());
        Assert.Contains(upload.GetProperty("columns").EnumerateArray(), c => c.GetProperty("name").GetString() == "member/given_name" && c.GetProperty("field").GetString() == "given_name");
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"/api/v1/imports/{job.GetProperty("id").GetGuid()}")).StatusCode);
    }

    [Fact]
    public async Task The_imports_api_is_in_the_openapi_document()
    {
        var client = await OfficerAsync();
        var document = await client.GetStringAsync("/openapi/v1.json");
        foreach (var path in new[] { "/api/v1/imports", "/api/v1/imports/{id}", "/api/v1/imports/{id}/mapping", "/api/v1/imports/{id}/dry-run", "/api/v1/imports/{id}/report", "/api/v1/imports/{id}/commit" })
        {
            Assert.Contains($"\"{path}\"", document);
        }
        Assert.Contains("multipart/form-data", document);
    }

    [Fact]
    public async Task The_cli_imports_a_file_with_its_mapping_after_a_dry_run_and_a_second_time_changes_nothing()
    {
        var district = "Cli" + Letters(8);
        var dir = Directory.CreateTempSubdirectory("panah-import-").FullName;
        try
        {
            var file = Path.Combine(dir, "kobo.csv");
            await File.WriteAllTextAsync(file, "_uuid,household/district,member/given_name,member/family_name,member/sex,member/birth_date,member/consent\n"
                + $"{Guid.NewGuid()},{district},Gülnar{Letters(5)},Şahin{Letters(4)},K,12.05.1988,evet\n"
                + $"{Guid.NewGuid()},{district},Ömer{Letters(5)},Tursun{Letters(4)},E,1979,evet\n");
            var mapping = Path.Combine(dir, "mapping.json");
            await File.WriteAllTextAsync(mapping, JsonSerializer.Serialize(SexMapping));
            var report = Path.Combine(dir, "report.xlsx");

            var dry = await Cli.RunAsync(app, "import", "--file", file, "--office", "KAY", "--mapping", mapping, "--dry-run", "--report", report);
            Assert.True(dry.ExitCode == 0, dry.Output);
            Assert.Contains("2 good, 0 with errors", OneLine(dry.Output));
            Assert.Equal(0, await EverythingAsync(db => db.People.CountAsync(p => p.District == district)));
            Assert.Equal(["Ok", "Ok"], new MemoryStream(await File.ReadAllBytesAsync(report)).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().Select(l => l["outcome"]));

            var commit = await Cli.RunAsync(app, "import", "--file", file, "--office", "KAY", "--mapping", mapping);
            Assert.True(commit.ExitCode == 0, commit.Output);
            Assert.Contains("Imported", OneLine(commit.Output));
            Assert.Equal(2, await EverythingAsync(db => db.People.CountAsync(p => p.District == district && p.Sex != Panah.Core.Registry.Sex.Unknown)));

            var again = await Cli.RunAsync(app, "import", "--file", file, "--office", "KAY");
            Assert.True(again.ExitCode == 0, again.Output);
            Assert.Contains("2 imported before", OneLine(again.Output));
            Assert.Equal(2, await EverythingAsync(db => db.People.CountAsync(p => p.District == district)));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

internal static class Functional
{
    public static TResult Let<T, TResult>(this T value, Func<T, TResult> f) => f(value);
}

public sealed class SqliteImportJobsApiTests(SqliteApp app) : ImportJobsApiTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresImportJobsApiTests(PostgresApp app) : ImportJobsApiTests(app), IClassFixture<PostgresApp>;
