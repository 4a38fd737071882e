using Panah.Cli.Audit;
using Panah.Cli.Backup;
using Panah.Cli.Dedupe;
using Panah.Cli.Keys;
using Panah.Cli.Erasure;
using Panah.Cli.Food;
using Panah.Cli.Imports;
using Panah.Cli.Registry;
using Panah.Cli.Retention;
using Panah.Cli.Staff;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("panah");
    config.AddBranch("user", user =>
    {
        user.AddCommand<UserAddCommand>("add").WithDescription("Create a staff account; prints its single-use enrolment code (--service: an integration's account, no code).");
        user.AddCommand<UserScopeCommand>("scope").WithDescription("Set an account's field offices and programmes; its sessions end.");
    });
    config.AddBranch("token", token => token.AddCommand<TokenAddCommand>("add").WithDescription("Issue an API bearer token for a service account."));
    config.AddBranch("audit", audit => audit.AddCommand<AuditVerifyCommand>("verify").WithDescription("Check the audit hash chain; exit 0 when intact."));
    config.AddBranch("keys", keys => keys.AddCommand<KeysRotateCommand>("rotate").WithDescription("Re-seal every data key and secret under a new master key while Panah runs; resumable; retires the old key at the end."));
    config.AddBranch("backup", backup =>
    {
        backup.AddCommand<BackupCreateCommand>("create").WithDescription("Write an encrypted backup of the database (SQLite online, PostgreSQL by pg_dump) under the backup key.");
        backup.AddCommand<BackupRestoreCommand>("restore").WithDescription("Restore an encrypted backup, then re-apply every erasure of the erasure ledger.");
    });
    config.AddBranch("retention", retention => retention.AddCommand<RetentionRunCommand>("run").WithDescription("Run retention now: erase what the rules in Panah:Retention make due, except under a legal hold (--dry-run: show it, write nothing)."));
    config.AddBranch("cards", cards =>
    {
        cards.AddCommand<CardsIssueCommand>("issue").WithDescription("Issue a food card to every household of an office and/or cycle that has no active card.");
        cards.AddCommand<CardsSheetCommand>("sheet").WithDescription("Write the printable PDF sheet of an office's and/or cycle's active food cards; prints its size and time.");
    });
    config.AddCommand<EraseCommand>("erase").WithDescription("Erase a person by crypto-shredding: their data key is destroyed, the record stays as a tombstone.");
    config.AddCommand<ImportCommand>("import").WithDescription("Import households and people from a CSV, XLSX or Kobo export into an office: dry run, then the good rows (--dry-run: check only); --report writes the XLSX report.");
    config.AddCommand<Panah.Cli.Exports.ExportCommand>("export").WithDescription("export --aggregate --out F, optionally --format xlsx: the standard aggregate table, HXL-tagged, small cells hidden.");
    config.AddCommand<Panah.Cli.Exports.BenchExportCommand>("bench-export").WithDescription("Time one approved people export of --people rows (names opened, OpenPGP to --key), with file size and peak memory.");
    config.AddCommand<SeedDemoCommand>("seed-demo").WithDescription("Register synthetic multi-script Uyghur households.");
    config.AddCommand<DedupeCommand>("dedupe").WithDescription("Find registrations of the same person: CSV in, id,cluster CSV out.");
    config.AddCommand<BenchAuditCommand>("bench-audit").WithDescription("Measure requests/s and p95 of an audited person read against an unaudited one over HTTP, on a running app.");
    config.AddCommand<Panah.Cli.Dashboards.BenchDashboardsCommand>("bench-dashboards").WithDescription("Time each dashboard section's aggregates (p50/p95 over --runs) on a registry topped up to --households.");
    config.AddCommand<BenchFoodCommand>("bench-food").WithDescription("Time generating and approving one cycle for every household (registry topped up to --households), with peak memory.");
    config.AddCommand<BenchRegistryCommand>("bench-registry").WithDescription("Measure p50/p95 server time of the people list, a name search and a household page.");
});
return await app.RunAsync(args);
