using Panah.Cli.Audit;
using Panah.Cli.Dedupe;
using Panah.Cli.Registry;
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
    config.AddCommand<SeedDemoCommand>("seed-demo").WithDescription("Register synthetic multi-script Uyghur households.");
    config.AddCommand<DedupeCommand>("dedupe").WithDescription("Find registrations of the same person: CSV in, id,cluster CSV out.");
    config.AddCommand<BenchRegistryCommand>("bench-registry").WithDescription("Measure p50/p95 server time of the people list, a name search and a household page.");
});
return await app.RunAsync(args);
