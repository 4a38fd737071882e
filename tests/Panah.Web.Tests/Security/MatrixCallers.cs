using System.Net;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Security;

/// <summary>One column of the authorization matrix: a client and the anti-forgery token its forms carry.</summary>
public sealed record MatrixCaller(string Column, HttpClient Client, string FormToken);

/// <summary>
/// The app and the callers of the matrix, made once for the test class: anonymous, a signed-in session that
/// passed 2FA for each role, and an API token of another account of each role (a session's sign-out must
/// not touch the token's account).
/// </summary>
public sealed class MatrixCallers : IAsyncLifetime, IDisposable
{
    /// <summary>The matrix's column headings for the roles, in <see cref="Roles.All"/>'s order.</summary>
    public static readonly IReadOnlyList<(string Heading, string Role)> RoleColumns =
    [
        ("Adm", Roles.Administrator),
        ("Reg", Roles.RegistrationOfficer),
        ("Dis", Roles.DistributionClerk),
        ("Tea", Roles.Teacher),
        ("Cas", Roles.CaseWorker),
        ("Prg", Roles.ProgrammeManager),
        ("Dpo", Roles.DataProtectionOfficer),
        ("Edu", Roles.EducationCoordinator),
    ];

    public SqliteApp App { get; } = new();
    public List<MatrixCaller> Callers { get; } = [];

    public async Task InitializeAsync() => Callers.AddRange(await SignInAllAsync(App));

    /// <summary>The callers of every column of the matrix, in its order, on <paramref name="app"/>.</summary>
    public static async Task<List<MatrixCaller>> SignInAllAsync(PanahApp app)
    {
        var anonymous = app.AnonymousClient();
        var callers = new List<MatrixCaller> { new("anon", anonymous, await FormTokenAsync(anonymous, "/Account/Login")) };
        foreach (var (heading, role) in RoleColumns)
        {
            var session = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(role));
            callers.Add(new MatrixCaller(heading, session, await FormTokenAsync(session, "/")));
        }
        foreach (var (heading, role) in RoleColumns)
        {
            var token = await app.ClientForRoleAsync(role);
            callers.Add(new MatrixCaller("t" + heading, token, await FormTokenAsync(token, "/")));
        }
        return callers;
    }

    /// <summary>A token as the caller's browser would hold it (the anti-forgery cookie comes along in the client).</summary>
    private static async Task<string> FormTokenAsync(HttpClient client, string url)
    {
        var page = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return Html.AntiforgeryToken(await page.Content.ReadAsStringAsync());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => App.Dispose();
}
