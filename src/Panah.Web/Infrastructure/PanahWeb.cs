using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Panah.Data;
using Panah.Data.Audit;
using Panah.Data.Entities;
using Panah.Data.Staff;
using Panah.Web.Features.Dashboards;
using Panah.Web.Features.DataProtection;
using Panah.Web.Features.Education;
using Panah.Web.Features.Food.Cycles;
using Panah.Web.Features.Imports;
using Panah.Web.Features.Matching;
using Panah.Web.Features.Registry;

namespace Panah.Web.Infrastructure;

/// <summary>Composition of the web app: what <c>Program.cs</c> calls.</summary>
public static class PanahWeb
{
    public static readonly CultureInfo[] Cultures = [Formats.Culture("en"), Formats.Culture("tr"), Formats.Culture("ug")];

    public static void AddPanahWeb(this WebApplicationBuilder builder, bool demo = false)
    {
        var services = builder.Services;
        var dataOptions = PanahDataServices.ReadOptions(builder.Configuration);
        services.AddSingleton(DemoMode.Check(demo, builder, dataOptions));
        services.AddPanahData(dataOptions);
        builder.AddTransportSecurity();
        services.AddHttpContextAccessor();
        services.AddScoped<IActor, HttpActor>();
        services.AddScoped<DemoHints>();
        services.AddSingleton<SignInThrottle>();

        services.AddIdentity<StaffUser, IdentityRole>(PanahDataServices.ConfigureIdentity)
            .AddPanahStores()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<Panah.Data.Staff.OneTimeAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddSignInManager<StaffSignInManager>();
        services.AddScoped(sp => (StaffSignInManager)sp.GetRequiredService<SignInManager<StaffUser>>());
        // The relying party is the host the browser asked for, unless the deployment names it (Panah:PasskeyServerDomain).
        // The browser's answer must name Panah's own origin (Panah:PasskeyOrigin, or the request's): Identity's default
        // compares it with the request's Origin header, which a form post under Referrer-Policy: no-referrer sends as "null".
        var passkeyOrigin = builder.Configuration["Panah:PasskeyOrigin"];
        services.Configure<IdentityPasskeyOptions>(o =>
        {
            o.ServerDomain = builder.Configuration["Panah:PasskeyServerDomain"];
            o.ValidateOrigin = c => ValueTask.FromResult(!c.CrossOrigin && string.Equals(
                c.Origin, passkeyOrigin ?? $"{c.HttpContext.Request.Scheme}://{c.HttpContext.Request.Host}", StringComparison.OrdinalIgnoreCase));
        });
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "panah.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.ExpireTimeSpan = StaffSessionValidator.IdleTimeout;
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = StaffSessionValidator.ValidateAsync;
            o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden);
        });
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = AuthSchemes.Staff;
                o.DefaultAuthenticateScheme = AuthSchemes.Staff;
                o.DefaultChallengeScheme = AuthSchemes.Staff;
                o.DefaultForbidScheme = AuthSchemes.Staff;
            })
            .AddPolicyScheme(AuthSchemes.Staff, "Staff", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? AuthSchemes.ApiToken
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(AuthSchemes.ApiToken, _ => { });
        services.AddAuthorization(Policies.Add);

        // In the database, so every node of the app signs and reads the same cookies; sealed under the master key.
        services.AddDataProtection().SetApplicationName("Panah").PersistKeysToDbContext<PanahDbContext>();
        services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
            .Configure<Panah.Data.Crypto.KeyRing>((o, keys) => o.XmlEncryptor = new MasterKeyXmlEncryptor(keys));

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("en");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.AuthorizeFolder("/", Policies.Staff);
                foreach (var page in new[] { "Login", "LoginTotp", "EnrollTotp", "Enrol", "TooManyAttempts", "Logout", "AccessDenied" })
                {
                    o.Conventions.AllowAnonymousToPage("/Account/" + page);
                }
                o.Conventions.AuthorizePage("/Account/Password", Policies.OwnAccount);
                o.Conventions.AuthorizePage("/Account/Tokens", Policies.OwnAccount);
                o.Conventions.AuthorizePage("/Account/Passkeys", Policies.OwnAccount);
                o.Conventions.AllowAnonymousToPage("/Error");
                o.Conventions.AllowAnonymousToPage("/Culture");
                o.Conventions.AuthorizeFolder("/Registry", Policies.RegistryRead);
                o.Conventions.AuthorizePage("/Registry/Households/Register", Policies.RegistryWrite);
                o.Conventions.AuthorizePage("/Registry/People/Edit", Policies.Rectification);
                o.Conventions.AuthorizeFolder("/Admin", Policies.StaffAdmin);
                o.Conventions.AuthorizeFolder("/Matching", Policies.DuplicateReview);
                o.Conventions.AuthorizeFolder("/DataProtection", Policies.DataProtection);
                o.Conventions.AuthorizeFolder("/Access", Policies.RegistryRead);
                // Food: no policy on the folder (it would add to every sub-folder's); each part has its own.
                o.Conventions.AuthorizePage("/Food/Index", Policies.Food);
                o.Conventions.AuthorizeFolder("/Food/Baskets", Policies.FoodDesign);
                o.Conventions.AuthorizeFolder("/Food/Cycles", Policies.FoodDesign);
                o.Conventions.AuthorizeFolder("/Food/Cards", Policies.FoodCards);
                o.Conventions.AuthorizeFolder("/Food/Distribute", Policies.FoodDistribute);
                o.Conventions.AuthorizeFolder("/Food/Stock", Policies.FoodStock);
                o.Conventions.AuthorizeFolder("/Food/Monitoring", Policies.FoodMonitoring);
                // Alternate collectors are named by the registration officer, who registers the people and takes their consents.
                o.Conventions.AuthorizeFolder("/Food/Collectors", Policies.RegistryWrite);
                // What a certificate's QR code opens, for anyone: validity, level, date and initials only.
                o.Conventions.AllowAnonymousToPage("/Verify/Index");
                // Turkish classes: the hub and a section's learners for teachers and coordinators; the waitlist for coordinators.
                o.Conventions.AuthorizeFolder("/Education", Policies.Education);
                o.Conventions.AuthorizePage("/Education/Waitlist", Policies.EducationCoordinate);
                o.Conventions.AuthorizePage("/Education/Apply", Policies.EducationCoordinate);
                o.Conventions.AuthorizePage("/Education/Application", Policies.EducationCoordinate);
                o.Conventions.AuthorizeFolder("/Protection", Policies.Protection);
                o.Conventions.AuthorizePage("/Protection/Open", Policies.ProtectionWork);
                o.Conventions.AuthorizePage("/Protection/Partners", Policies.ProtectionWork);
                o.Conventions.AuthorizePage("/Protection/Caseload", Policies.ProtectionWork);
                o.Conventions.AuthorizeFolder("/Education/Courses", Policies.EducationCoordinate);
                o.Conventions.AuthorizeFolder("/Planning", Policies.Planning);
                o.Conventions.AuthorizeFolder("/Imports", Policies.RegistryWrite);
                o.Conventions.AuthorizeFolder("/Exports", Policies.Exports);
                o.Conventions.AuthorizePage("/Exports/Queue", Policies.ExportApprove);
                o.Conventions.AuthorizePage("/Dashboards/Index", Policies.Dashboards);
                o.Conventions.AuthorizePage("/Dashboards/Registry", Policies.DashboardRegistry);
                o.Conventions.AuthorizePage("/Dashboards/Food", Policies.DashboardFood);
                o.Conventions.AuthorizePage("/Dashboards/Education", Policies.DashboardEducation);
                o.Conventions.AuthorizePage("/Dashboards/Protection", Policies.DashboardProtection);
            })
            .AddMvcOptions(o => o.Filters.Add<CheckboxValues>())
            .AddViewLocalization();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "panah.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        // Names in Arabic, Cyrillic and Han script are written as characters, not as numeric entities.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddProblemDetails();
        services.AddApiProblems();
        // Compress static assets only: dynamic pages carry anti-forgery tokens and personal data (BREACH).
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            // Static files send scripts as text/javascript (the type RFC 9239 made the only one); older servers used application/javascript.
            o.MimeTypes = ["text/css", "text/javascript", "application/javascript", "image/svg+xml"];
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
        });
        // Brotli at its default quality (4), not the fastest (1): about 25 % fewer bytes for about a millisecond more per
        // asset, which a browser then keeps a week (Bootstrap's CSS and JS: 41.1 → 31.0 KB).
        services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        services.Configure<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        services.AddOpenApi("v1", o => o.AddDocumentTransformer<BearerDocumentTransformer>());
        services.AddRegistryApiServices();
        services.AddMatching();
        services.AddImports();
        services.AddFoodCyclesFeature();
        services.AddDashboardsFeature();
        services.AddEducationFeature();
        services.AddHostedService<AuditCheckpointWriter>();
        services.AddDataProtectionFeature(builder.Configuration);
        services.AddReadBudgets(builder.Configuration);
        services.AddApiRateLimit(builder.Configuration);

        var searchPerMinute = builder.Configuration.GetValue("Panah:SearchesPerMinute", 120);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy<string, SignInRateLimit>(RateLimits.Login);
            // Per account once signed in (the limiter runs after authentication), per client address otherwise.
            o.AddPolicy(RateLimits.Search, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.User.Identity is { IsAuthenticated: true, Name: { } name } ? "user:" + name : "ip:" + (ctx.Connection.RemoteIpAddress?.ToString() ?? "local"),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = searchPerMinute, Window = TimeSpan.FromMinutes(1) }));
        });
    }

    public static async Task InitializePanahAsync(this WebApplication app)
    {
        MasterKeyNotice.Log(app);
        await PanahDatabase.InitializeAsync(app.Services);
        await CookieKeyImport.RunAsync(app.Services);
        await Features.DataProtection.ErasureStartup.ReplayAsync(app);
        if (app.Services.GetRequiredService<DemoData>().Requested)
        {
            await DemoMode.PrepareAsync(app);
        }
    }

    public static void UsePanahWeb(this WebApplication app)
    {
        app.UseTransportSecurity();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
        }
        app.UseSecurityHeaders();
        app.UseResponseCompression();
        app.UseStaticFiles(new StaticFileOptions
        {
            // Asset URLs carry a version (asp-append-version), so a browser may keep them a week.
            OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = "public, max-age=604800",
        });
        app.UseStatusCodePages(async ctx =>
        {
            // The API and its OpenAPI document answer errors (a signed-out 401 among them) with problem details.
            if (ctx.HttpContext.Request.Path.StartsWithSegments("/api") || ctx.HttpContext.Request.Path.StartsWithSegments("/openapi"))
            {
                await Results.Problem(statusCode: ctx.HttpContext.Response.StatusCode).ExecuteAsync(ctx.HttpContext);
            }
        });
        app.UseRequestLocalization();
        app.UseApiProblems();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAccessScope();
        app.UseRateLimiter();
        app.UseApiRateLimit();
        app.UseAuthorization();
        app.UseReadBudgets();
        app.UseApiDocs();
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/openapi"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}

public static class RateLimits
{
    public const string Login = "login";
    public const string Search = "search";
}
