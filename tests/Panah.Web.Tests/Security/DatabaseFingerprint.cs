using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Security;

/// <summary>
/// A hash of every row of every table Panah keeps (encrypted fields change on every write, so any rewrite shows),
/// but the audit trail and the alerts: a refused request may rightly be recorded there.
/// </summary>
public static class DatabaseFingerprint
{
    public static async Task<IReadOnlyDictionary<string, string>> TakeAsync(PanahApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct()
            // Audit, alerts and the counters of rate limits, read budgets and sign-in failures record the refused request itself;
            // a job lease is a lock taken to decide, not data (a refused retention run takes it to compare what is due);
            // a duplicate run started by an earlier request records its counts when it ends, whichever request is then under way.
            .Where(t => !t.StartsWith("Audit", StringComparison.Ordinal) && !t.StartsWith("Alert", StringComparison.Ordinal)
                && t is not ("WindowCounters" or "SignInFailures" or "ReadBlocks" or "JobLeases" or "DuplicateRuns"))
            .Order(StringComparer.Ordinal).ToList();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var result = new Dictionary<string, string>();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            var columns = Enumerable.Range(0, reader.FieldCount)
                .Where(i => !(table == "AspNetUsers" && SignInCounters.Contains(reader.GetName(i)))).ToList();
            while (await reader.ReadAsync())
            {
                rows.Add(Row(reader, columns));
            }
            rows.Sort(StringComparer.Ordinal);
            result[table] = $"{rows.Count} rows {Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', rows))))[..16]}";
        }
        return result;
    }

    /// <summary>A wrong current password counts towards lockout (and so renews the concurrency stamp): that records the refusal.</summary>
    private static readonly HashSet<string> SignInCounters = ["AccessFailedCount", "LockoutEnd", "ConcurrencyStamp"];

    private static string Row(DbDataReader reader, List<int> columns) =>
        string.Join('\u001f', columns.Select(i => reader.GetValue(i) switch
        {
            byte[] bytes => Convert.ToBase64String(bytes),
            var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
        }));

    /// <summary>The tables whose rows differ, for a failure message.</summary>
    public static string Changes(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        string.Join("; ", after.Where(t => !before.TryGetValue(t.Key, out var b) || b != t.Value).Select(t => $"{t.Key}: {before.GetValueOrDefault(t.Key)} → {t.Value}"));
}
