using Panah.Web.Features.Dashboards;
using Panah.Web.Features.DataProtection;
using Panah.Web.Features.Education.Register;
using Panah.Web.Features.Education;
using Panah.Web.Features.Exports;
using Panah.Web.Features.Food;
using Panah.Web.Features.Imports;
using Panah.Web.Features.Matching;
using Panah.Web.Features.Planning;
using Panah.Web.Features.Protection;
using Panah.Web.Features.Registry;
using Panah.Web.Infrastructure;

// --demo: synthetic data and demo accounts (see README). Taken out before configuration reads the arguments.
var demo = args.Contains(DemoMode.Flag);
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args.Where(a => a != DemoMode.Flag).ToArray(),
    ContentRootPath = AppContext.BaseDirectory,
});
try
{
    builder.AddPanahWeb(demo);
    var app = builder.Build();
    await app.InitializePanahAsync();
    app.UsePanahWeb();
    app.MapRazorPages();
    app.MapRegistryApi();
    app.MapMatchingApi();
    app.MapMergesApi();
    app.MapDataProtectionApi();
    app.MapErasureApi();
    app.MapFoodApi();
    app.MapLearningApi();
    app.MapEducationApi();
    app.MapProtectionApi();
    app.MapTracingApi();
    app.MapReferralsApi();
    app.MapCaseFilesApi();
    app.MapCasePlanApi();
    app.MapPlanningApi();
    app.MapImportsApi();
    app.MapExportsApi();
    app.MapDashboardsApi();
    app.MapPanahPlatformEndpoints();
    app.Run();
}
catch (DemoRefusedException refused)
{
    Console.Error.WriteLine($"Panah: {refused.Message}");
    return 2;
}
return 0;

/// <summary>Entry point, visible to the integration tests.</summary>
public partial class Program;
