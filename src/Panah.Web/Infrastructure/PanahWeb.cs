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

        services.AddDataProtection().SetApplicationName("Panah");
        services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
            .Configure<Panah.Data.Crypto.KeyRing>((o, keys) =>
            {
                o.XmlRepository = new OwnerOnlyKeyRepository(Path.Combine(dataOptions.DataDirectory, "cookie-keys"));
                o.XmlEncryptor = new MasterKeyXmlEncryptor(keys);
            });

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
                o.Conventions.AllowAnonymousToPage("/Error");
                o.Conventions.AllowAnonymousToPage("/Culture");
                o.Conventions.AuthorizeFolder("/Registry", Policies.RegistryRead);
                o.Conventions.AuthorizePage("/Registry/Households/Register", Policies.RegistryWrite);
                o.Conventions.AuthorizePage("/Registry/People/Edit", Policies.RegistryWrite);
                o.Conventions.AuthorizeFolder("/Admin", Policies.StaffAdmin);
                o.Conventions.AuthorizeFolder("/Matching", Policies.DuplicateReview);
                o.Conventions.AuthorizeFolder("/Access", Policies.RegistryRead);
            })
            .AddViewLocalization();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "panah.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        // Names in Arabic, Cyrillic and Han script are written as characters, not as numeric entities.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddProblemDetails();
        // Compress static assets only: dynamic pages carry anti-forgery tokens and personal data (BREACH).
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.MimeTypes = ["text/css", "application/javascript", "image/svg+xml"];
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
        });
        services.AddOpenApi("v1", o => o.AddDocumentTransformer<BearerDocumentTransformer>());
        services.AddRegistryApiServices();
        services.AddMatching();

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
        app.UseRouting();
        app.UseAuthentication();
        app.UseAccessScope();
        app.UseRateLimiter();
        app.UseAuthorization();
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
