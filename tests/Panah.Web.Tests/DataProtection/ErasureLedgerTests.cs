using Panah.Data;
using Panah.Data.Erasure;

namespace Panah.Web.Tests.DataProtection;

/// <summary>The ledger file on its own: owner-only, chained, and every edited or removed line reported.</summary>
public sealed class ErasureLedgerTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "panah-ledger-" + Guid.NewGuid().ToString("N")[..12]);

    private ErasureLedger Filled(out Guid[] people)
    {
        var ledger = new ErasureLedger(directory);
        people = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
        foreach (var p in people)
        {
            ledger.Append(p, DateTimeOffset.UtcNow);
        }
        return ledger;
    }

    [Fact]
    public void Entries_read_back_in_order_from_owner_only_files()
    {
        var ledger = Filled(out var people);
        var reading = ledger.Read();
        Assert.Empty(reading.Problems);
        Assert.Equal(people, reading.Entries.Select(e => e.PersonId));
        Assert.Equal([1L, 2, 3], reading.Entries.Select(e => e.Sequence));
        if (OperatingSystem.IsWindows())
        {
            return; // POSIX permissions only
        }
        Assert.Equal(OwnerOnlyFile.DirectoryPermissions, File.GetUnixFileMode(directory));
        Assert.Equal(OwnerOnlyFile.FilePermissions, File.GetUnixFileMode(ledger.FilePath));
        Assert.Equal(OwnerOnlyFile.FilePermissions, File.GetUnixFileMode(Path.Combine(directory, ErasureLedger.KeyFileName)));
    }

    [Fact]
    public void A_second_writer_continues_the_same_chain()
    {
        var ledger = Filled(out _);
        // Another instance: the CLI beside the web app.
        new ErasureLedger(directory).Append(Guid.NewGuid(), DateTimeOffset.UtcNow);
        Assert.Equal(4, ledger.Read().Entries.Count);
        Assert.Empty(ledger.Read().Problems);
    }

    [Fact]
    public void An_edited_line_is_reported_and_not_applied()
    {
        var ledger = Filled(out var people);
        var lines = File.ReadAllLines(ledger.FilePath);
        lines[1] = lines[1].Replace(people[1].ToString("N"), Guid.NewGuid().ToString("N"), StringComparison.Ordinal);
        File.WriteAllLines(ledger.FilePath, lines);
        var reading = ledger.Read();
        Assert.Equal([people[0], people[2]], reading.Entries.Select(e => e.PersonId));
        Assert.Equal("line 2: edited (its seal does not match)", Assert.Single(reading.Problems));
    }

    [Fact]
    public void A_removed_line_is_reported()
    {
        var ledger = Filled(out var people);
        var lines = File.ReadAllLines(ledger.FilePath).ToList();
        lines.RemoveAt(1);
        File.WriteAllLines(ledger.FilePath, lines);
        var reading = ledger.Read();
        Assert.Equal(people[0], Assert.Single(reading.Entries).PersonId);
        Assert.Contains("entries before it were removed", Assert.Single(reading.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_sealed_under_another_key_are_reported()
    {
        var ledger = Filled(out _);
        File.WriteAllText(Path.Combine(directory, ErasureLedger.KeyFileName), Convert.ToBase64String(new byte[32]));
        Assert.Equal(3, new ErasureLedger(directory).Read().Problems.Count);
        Assert.Empty(ledger.Read().Problems);
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
