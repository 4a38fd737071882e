using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Panah.Core.Registry;
using Panah.Data;
using Panah.Data.Audit.Checkpoints;
using Panah.Data.Erasure;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;
using Panah.Web.Tests.Protection;
using Panah.Web.Tests.Registry;

namespace Panah.Web.Tests.Security;

/// <summary>
/// Canary values registered through the API must never appear in clear in the database file, its WAL,
/// anything else in the data directory, or the logs (captured at Trace level).
/// </summary>
public sealed class CanaryTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly string Document = TurkishIdNumber.Complete("997654321");

    private static readonly string[] Canaries =
    [
        "Qanarygiven", "Zyxcanary", "Fathercanary", "قانارىيزىك", "Канарейкин", "Kanarya Sokak 77", "Canarytown",
        "5559876543", "555 987 65 43", Document, "Qanary.Kenar@Example.org", "qanary.kenar@example.org", "qanary.kenar",
        "Qanarycasenote", "Qanaryfilename", "Qanaryattached",
    ];

    [Fact]
    public async Task Canary_values_never_appear_in_clear()
    {
        var client = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        // SQLite deletes the WAL when the last connection that has read the database closes (the app's pooled
        // connections close when a pool is cleared). Opening alone reads nothing, so the holder reads once: it
        // then keeps the WAL in place without holding a read transaction, which would block the checkpoint.
        await using var holder = new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "panah.db")};Pooling=False");
        await holder.OpenAsync();
        await using (var read = holder.CreateCommand())
        {
            read.CommandText = "SELECT count(*) FROM sqlite_master;";
            await read.ExecuteScalarAsync();
        }
        var person = RegistryRequests.Person("Qanarygiven", "Zyxcanary", document: Document, phone: "+90 555 987 65 43");
        person["name"]!["father"] = "Fathercanary";
        person["birthPlace"] = "Canarytown";
        person["email"] = " Qanary.Kenar@Example.org";
        person["spellings"] = new JsonArray(
            new JsonObject { ["script"] = "ug-Arab", ["given"] = "قانارىيزىك" },
            new JsonObject { ["script"] = "ug-Cyrl", ["given"] = "Канарейкин" });
        var household = RegistryRequests.Household("Zeytinburnu", person);
        household["address"] = "Kanarya Sokak 77";
        var created = await client.PostAsJsonAsync("/api/v1/households", household);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();

        // Reads and searches too: they must not log what they were given or what they return.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/households/{id}")).StatusCode);
        Assert.Single((await (await client.PostAsJsonAsync("/api/v1/people/search", new { name = "Qanarygiven" })).Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray());
        await client.PostAsJsonAsync("/api/v1/people/search", new { document = Document });
        // The email is found through its blind index, however it is written.
        Assert.Single((await (await client.PostAsJsonAsync("/api/v1/people/search", new { email = "qanary.kenar@example.org" })).Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray());
        await client.GetAsync("/api/v1/people?district=Zeytinburnu");
        var bad = RegistryRequests.Person("Qanarygiven", "Zyxcanary", document: "99123456741");
        await client.PostAsJsonAsync("/api/v1/households", RegistryRequests.Household("Fatih", bad));
        await AddCaseFilesAsync();

        // What another test class's clean-up used to do at any moment (it cleared every pool): every idle app connection closes.
        using (var pooled = new SqliteConnection(new PanahDataOptions { DataDirectory = app.DataDirectory }.SqliteConnectionString()))
        {
            SqliteConnection.ClearPool(pooled);
        }
        Assert.True(new FileInfo(Path.Combine(app.DataDirectory, "panah.db-wal")).Length > 0, "the registration's pages are in the WAL");
        AssertNoCanaryInDataDirectory("before checkpoint");
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "panah.db")}"))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }
        AssertNoCanaryInDataDirectory("after checkpoint");

        // The signed audit checkpoint, kept outside the database, says how long the chain is and nothing of its content.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AuditCheckpoints>().WriteAsync(scope.ServiceProvider.GetRequiredService<PanahDbContext>());
            var checkpointFile = scope.ServiceProvider.GetRequiredService<AuditCheckpointOptions>().CheckpointFile;
            Assert.True(new FileInfo(checkpointFile).Length > 0, "a checkpoint was written");
            AssertNoCanaryIn(checkpointFile, "audit checkpoint");
        }

        // A backup of the database, and the erasure ledger once the canary person is erased, hold no clear value either.
        var backup = Path.Combine(Path.GetTempPath(), $"panah-canary-{Guid.NewGuid():N}.backup");
        try
        {
            var (code, output) = await Cli.RunAsync(app, "backup", "create", "--out", backup);
            Assert.True(code == 0, output);
            var personId = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/households/{id}"))!["members"]![0]!["id"]!.GetValue<Guid>();
            var dpo = await app.ClientForRoleAsync(Roles.DataProtectionOfficer);
            Assert.Equal(HttpStatusCode.OK, (await dpo.PostAsJsonAsync($"/api/v1/people/{personId}/erasure", new { reason = "canary" })).StatusCode);
            var ledger = app.Services.GetRequiredService<ErasureLedger>();
            Assert.True(File.Exists(ledger.FilePath));
            AssertNoCanaryIn([backup, .. Directory.GetFiles(ledger.Directory)], "backup and ledger");
        }
        finally
        {
            File.Delete(backup);
        }

        var logs = string.Join('\n', app.Logs.Lines);
        Assert.NotEmpty(app.Logs.Lines);
        foreach (var canary in Canaries)
        {
            Assert.False(logs.Contains(canary, StringComparison.OrdinalIgnoreCase), $"'{canary}' appears in the logs");
        }
    }

    /// <summary>A case note and an uploaded document (its name and its content) carry canaries, sealed under the case's key.</summary>
    private async Task AddCaseFilesAsync()
    {
        var worker = await app.ClientForRoleAsync(Roles.CaseWorker, offices: ["IST"]);
        var caseId = await CaseFilesTests.OpenCaseAsync(worker);
        Assert.Equal(HttpStatusCode.Created, (await worker.PostAsJsonAsync($"/api/v1/protection/cases/{caseId}/notes", new { text = "Qanarycasenote seen at the centre" })).StatusCode);
        var document = new PdfSharp.Pdf.PdfDocument();
        document.AddPage().Elements["/Note"] = new PdfSharp.Pdf.PdfString("Qanaryattached");
        using var pdf = new MemoryStream();
        document.Save(pdf, closeStream: false);
        var uploaded = await CaseFilesTests.UploadAsync(worker, caseId, pdf.ToArray(), "Qanaryfilename.pdf");
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var attachmentId = (await uploaded.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var downloaded = await worker.GetByteArrayAsync($"/api/v1/protection/cases/{caseId}/attachments/{attachmentId}");
        Assert.True(downloaded.AsSpan().IndexOf("Qanaryattached"u8) >= 0, "the canary is in the document's content, so finding it nowhere means something");
        Assert.Single((await worker.GetFromJsonAsync<JsonArray>($"/api/v1/protection/cases/{caseId}/notes"))!);
    }

    private void AssertNoCanaryInDataDirectory(string when)
    {
        var files = Directory.GetFiles(app.DataDirectory, "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => f.EndsWith("panah.db", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("panah.db-wal", StringComparison.Ordinal));
        AssertNoCanaryIn(files, when);
    }

    private static void AssertNoCanaryIn(IEnumerable<string> files, string when)
    {
        foreach (var file in files)
        {
            AssertNoCanaryIn(file, when);
        }
    }

    private static void AssertNoCanaryIn(string file, string when)
    {
        byte[] bytes;
        using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        using (var memory = new MemoryStream())
        {
            stream.CopyTo(memory);
            bytes = memory.ToArray();
        }
        foreach (var canary in Canaries)
        {
            foreach (var encoding in new Encoding[] { Encoding.UTF8, Encoding.Unicode })
            {
                Assert.True(bytes.AsSpan().IndexOf(encoding.GetBytes(canary)) < 0, $"'{canary}' found in clear in {Path.GetFileName(file)} ({encoding.WebName}, {when})");
            }
        }
    }
}
