using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Data.Sqlite;
using Panah.Data.Staff;

namespace Panah.Web.Tests.Food.Monitoring;

/// <summary>Free-text survey answers typed through the API never reach the database file, its WAL or the logs in clear.</summary>
public sealed class PdmCanaryTests(SqliteMonitoringApp app) : IClassFixture<SqliteMonitoringApp>
{
    [Fact]
    public async Task A_canary_in_a_free_text_answer_is_not_in_the_database_file()
    {
        // Keeps the WAL in place (SQLite deletes it when the last connection that read the database closes), as CanaryTests does.
        await using var holder = new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "panah.db")};Pooling=False");
        await holder.OpenAsync();
        await using (var read = holder.CreateCommand())
        {
            read.CommandText = "SELECT count(*) FROM sqlite_master;";
            await read.ExecuteScalarAsync();
        }
        var (cycle, sampled, _) = await PdmSurveyTests<SqliteMonitoringApp>.SampledCycleAsync(app, 31);
        var clerk = await app.ClientForRoleAsync(Roles.DistributionClerk);
        var answers = PdmSurveyTests<SqliteMonitoringApp>.Answers("Zqkanaryanswer Wvx");
        answers["itemsReceived"] = "Kanaryitems 20 kg";

        var created = await clerk.PostAsJsonAsync($"/api/v1/food/monitoring/cycles/{cycle}/surveys", new { householdId = sampled[0], answers });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        foreach (var file in Directory.GetFiles(app.DataDirectory, "*", SearchOption.AllDirectories))
        {
            byte[] bytes;
            await using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            using (var copy = new MemoryStream())
            {
                await stream.CopyToAsync(copy);
                bytes = copy.ToArray();
            }
            foreach (var canary in new[] { "Zqkanaryanswer", "Kanaryitems" })
            {
                Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(canary)) < 0, $"{canary} in clear in {Path.GetFileName(file)}");
            }
        }
        Assert.True(File.Exists(Path.Combine(app.DataDirectory, "panah.db-wal")), "the WAL was scanned too");
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("Zqkanaryanswer", StringComparison.Ordinal) || l.Contains("Kanaryitems", StringComparison.Ordinal));
    }
}
