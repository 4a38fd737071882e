using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data.Audit;
using Panah.Data.Crypto;
using Panah.Data.Education;
using Panah.Data.Keys;
using Panah.Data.Erasure;
using Panah.Data.Food;
using Panah.Data.Registry;
using Panah.Data.Staff;

namespace Panah.Data;

public static class PanahDataServices
{
    /// <summary>
    /// Reads the data options: section <c>Panah</c> (<c>Provider</c>, <c>ConnectionString</c>,
    /// <c>DataDirectory</c>), with <c>PANAH_DATA</c>, <c>PANAH_DB</c> (sqlite|postgres) and
    /// <c>PANAH_CONNECTION</c> and <c>PANAH_KEY_FILE</c> from the environment taking precedence.
    /// </summary>
    public static PanahDataOptions ReadOptions(IConfiguration configuration)
    {
        var options = new PanahDataOptions();
        configuration.GetSection("Panah").Bind(options);
        if (configuration["PANAH_DATA"] is { Length: > 0 } dir)
        {
            options.DataDirectory = dir;
        }
        if (configuration["PANAH_DB"] is { Length: > 0 } provider)
        {
            options.Provider = Enum.Parse<DatabaseProvider>(provider, ignoreCase: true);
        }
        if (configuration["PANAH_CONNECTION"] is { Length: > 0 } cs)
        {
            options.ConnectionString = cs;
        }
        if (configuration[KeyRing.FileEnvironmentVariable] is { Length: > 0 } keyFile)
        {
            options.KeyFile = keyFile;
        }
        options.DataDirectory = Path.GetFullPath(options.DataDirectory);
        options.KeyFile = Path.GetFullPath(options.KeyFile ?? KeyRing.DefaultKeyFile(options.DataDirectory));
        if (options.Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new InvalidOperationException("PostgreSQL needs a connection string: set PANAH_CONNECTION or Panah:ConnectionString.");
        }
        return options;
    }

    /// <summary>The database, the keys, the audit log and the registry; the caller registers an <see cref="IActor"/>.</summary>
    public static IServiceCollection AddPanahData(this IServiceCollection services, PanahDataOptions options)
    {
        OwnerOnlyFile.CreateDirectory(options.DataDirectory);
        // Decided before SQLite creates the file: a new key for an existing database would seal nothing it can open.
        var existingDatabase = options.DatabaseInDataDirectory && new FileInfo(options.SqliteFile) is { Exists: true, Length: > 0 };
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            OwnerOnlyFile.PrepareSqliteFile(options.SqliteConnectionString());
        }
        services.AddSingleton(options);
        services.AddDbContext<PanahDbContext>((sp, o) => Configure(o, options).AddInterceptors(sp.GetRequiredService<Matching.MatchIndexChangeRecorder>()));
        services.AddSingleton(_ => KeyRing.Load(options.KeyFile!, Environment.GetEnvironmentVariable(KeyRing.EnvironmentVariable), mayCreate: !existingDatabase));
        services.AddSingleton<FieldCipher>();
        services.AddSingleton<BlindIndex>();
        services.AddSingleton<AuditChain>();
        services.AddSingleton<RegistrySealer>();
        services.AddSingleton<IMasterKeySealed, SealedRootSecrets>();
        services.AddSingleton<IMasterKeySealed, SealedDataKeys>();
        services.AddSingleton<IMasterKeySealed, SealedStaffTokens>();
        services.AddSingleton<IMasterKeySealed, SealedCookieKeys>();
        services.AddSingleton<MasterKeyRotation>();
        services.AddSingleton<SearchTokenizer>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<AuditWriter>();
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditVerifier>();
        services.AddScoped<AuditTrail>();
        services.AddSingleton(sp => Audit.Checkpoints.AuditCheckpointOptions.Read(sp.GetRequiredService<IConfiguration>(), options));
        // Created on first use by the checkpoint writer (the web app); `audit verify` only reads the key.
        services.AddSingleton(sp => Audit.Checkpoints.CheckpointSigner.Load(sp.GetRequiredService<Audit.Checkpoints.AuditCheckpointOptions>(), mayCreate: true));
        services.AddSingleton(sp => new Audit.Checkpoints.AuditCheckpoints(sp.GetRequiredService<Audit.Checkpoints.AuditCheckpointOptions>(),
            sp.GetRequiredService<Audit.Checkpoints.CheckpointSigner>(), sp.GetRequiredService<TimeProvider>(), new HttpClient { Timeout = TimeSpan.FromSeconds(30) }));
        services.AddScoped<Alerts.AlertLog>();
        services.AddScoped<Access.AccessScope>();
        services.AddScoped<Access.AccessScopes>();
        services.AddScoped<Access.UnscopedReads>();
        services.AddScoped<Access.BreakGlass>();
        services.AddScoped<Access.ShareRequests>();
        services.AddSingleton(sp => Access.AccessOptions.Read(sp.GetRequiredService<IConfiguration>()));
        services.AddScoped<RegistryStore>();
        services.AddScoped<RegistrySearch>();
        services.AddSingleton<ListCounts>();
        services.AddSingleton<Matching.RegistryMatchIndex>();
        Matching.MatchIndexFollowing.AddMatchIndexFollowing(services);
        services.AddScoped<Matching.MatchSource>();
        services.AddScoped<Matching.MatchCheck>();
        services.AddScoped<Matching.DuplicateReviews>();
        services.AddScoped<Matching.IReviewStake, Matching.OpenEntitlementStake>();
        Matching.HouseholdMatchingServices.AddMerges(services);
        services.AddErasure(options);
        services.AddSingleton(sp => StaffOptions.Read(sp.GetRequiredService<IConfiguration>()));
        services.AddScoped<ApiTokens>();
        services.AddScoped<Staff.StaffAccounts>();
        services.AddScoped<Staff.StaffPasskeys>();
        services.AddScoped<SignIn.SignInFailures>();
        services.AddScoped<Demo.DemoSeeder>();
        services.AddFood();
        services.AddEducation();
        Protection.ProtectionServices.AddProtection(services);
        Protection.ReferralServices.AddReferrals(services);
        services.AddScoped<Imports.Importer>();
        services.AddSingleton(sp => ReadImportOptions(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<Imports.ImportUploads>();
        services.AddScoped<Imports.ImportJobs>();
        services.AddScoped<Imports.ImportJobRunner>();
        Planning.PlanningServices.AddPlanning(services);
        Exports.ExportServices.AddExports(services);
        Dashboards.DashboardServices.AddDashboards(services);
        return services;
    }

    private static Imports.ImportOptions ReadImportOptions(IConfiguration configuration)
    {
        var options = new Imports.ImportOptions();
        configuration.GetSection(Imports.ImportOptions.Section).Bind(options);
        options.MaxUploadMegabytes = Math.Clamp(options.MaxUploadMegabytes, 1, 1024);
        options.BatchSize = Math.Clamp(options.BatchSize, 1, 10_000);
        return options;
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder o, PanahDataOptions options)
    {
        if (options.Provider == DatabaseProvider.Postgres)
        {
            return o.UseNpgsql(options.PostgresConnectionString(), b => b.MigrationsAssembly("Panah.Data.Postgres"));
        }
        return o.UseSqlite(options.SqliteConnectionString(), b => b.MigrationsAssembly("Panah.Data.Sqlite"))
            .AddInterceptors(SqliteSecureDelete.Instance);
    }

    /// <summary>Identity rules shared by the web app and the CLI.</summary>
    public static void ConfigureIdentity(IdentityOptions o)
    {
        o.Password.RequiredLength = 12;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireDigit = false;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.Lockout.AllowedForNewUsers = true;
        o.User.RequireUniqueEmail = true;
        o.SignIn.RequireConfirmedAccount = false;
        // Version 3 has the passkeys table (AspNetUserPasskeys): passkeys are a second factor beside TOTP.
        o.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
    }

    /// <summary>
    /// Options for a context built outside a host (<c>dotnet ef</c>): the Identity options travel with them,
    /// since Identity reads its schema version from the application's services.
    /// </summary>
    public static DbContextOptions<PanahDbContext> DesignTimeOptions(PanahDataOptions options)
    {
        var builder = new DbContextOptionsBuilder<PanahDbContext>();
        Configure(builder, options);
        builder.UseApplicationServiceProvider(new ServiceCollection().Configure<IdentityOptions>(ConfigureIdentity).BuildServiceProvider());
        return builder.Options;
    }
}
