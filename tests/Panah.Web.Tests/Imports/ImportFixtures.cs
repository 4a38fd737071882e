using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Panah.Core.Imports;
using Panah.Data;
using Panah.Data.Access;
using Panah.Data.Imports;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Imports;

/// <summary>Import files shaped as the tests need them, and an importer acting for a registration officer of one office.</summary>
public static class ImportFixtures
{
    /// <summary>
    /// A Kobo XLSX export: a households sheet (group paths, _uuid, _submission_time) and a members repeat sheet linked by
    /// _parent_index, with Turkish characters, dates in several formats, select_multiple as 0/1 columns and an empty row.
    /// </summary>
    public static byte[] KoboXlsx(string tag)
    {
        var households = new List<Dictionary<string, object>>
        {
            Household(1, tag + "-1", "Zeytinburnu", "Yenidoğan Mah. 3"),
            Household(2, tag + "-2", "Fatih", "Aksaray Cd. 12"),
            new() { ["_index"] = "", ["_uuid"] = "", ["_submission_time"] = "", ["household/district"] = "", ["household/address"] = "" },
        };
        var members = new List<Dictionary<string, object>>
        {
            Member(1, 1, "Ayşegül", "Tursun", "K", "1984-03-02", "head", "0"),
            Member(2, 1, "Ömer", "Tursun", "E", "05.07.2010", "child", "1"),
            Member(3, 2, "Gülnar", "Şahin", "K", "1979", "head", "0"),
        };
        using var file = new MemoryStream();
        file.SaveAs(new Dictionary<string, object> { ["households"] = households, ["members"] = members });
        return file.ToArray();
    }

    private static Dictionary<string, object> Household(int index, string uuid, string district, string address) => new()
    {
        ["_index"] = index, ["_uuid"] = uuid, ["_submission_time"] = "2026-11-20T09:30:00", ["household/district"] = district, ["household/address"] = address,
    };

    private static Dictionary<string, object> Member(int index, int parent, string given, string family, string sex, string born, string relationship, string disability) => new()
    {
        ["_index"] = index, ["_parent_index"] = parent, ["_parent_table_name"] = "households",
        ["member/given_name"] = given, ["member/family_name"] = family, ["member/sex"] = sex, ["member/birth_date"] = born,
        ["member/relationship"] = relationship, ["member/vulnerabilities/disability"] = disability, ["member/consent"] = "evet",
    };

    /// <summary>A Kobo XLSX of the same shape with <paramref name="people"/> members in households of one to four (100,000 people: about 11 MB).</summary>
    public static byte[] LargeKoboXlsx(int people, int seed = 42)
    {
        string[] given = ["Abdurehim", "Ayşegül", "Ömer", "Gülnar", "Mehmet", "Nurgül", "Rahile", "Memet", "Abliz", "Patigül", "Ezizgül", "Şöhret", "Mihrigül", "Zöhre", "Çimen", "Dilber"];
        string[] family = ["Tursun", "Şahin", "Ablimit", "Kurban", "Yusup", "Hoşur", "Niyaz", "Osman", "Ğopur", "İmin"];
        var random = new Random(seed);
        var households = new List<Dictionary<string, object>>();
        var members = new List<Dictionary<string, object>>();
        for (var h = 1; members.Count < people; h++)
        {
            households.Add(Household(h, Guid.NewGuid().ToString(), "Zeytinburnu", $"Yenidoğan Mah. {random.Next(1, 400)}"));
            var name = family[random.Next(family.Length)];
            for (var i = 0; i < 1 + random.Next(4) && members.Count < people; i++)
            {
                var born = new DateOnly(1950 + random.Next(70), 1 + random.Next(12), 1 + random.Next(28));
                members.Add(Member(members.Count + 1, h, given[random.Next(given.Length)], name, random.Next(2) == 0 ? "E" : "K",
                    random.Next(2) == 0 ? born.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : born.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture),
                    i == 0 ? "head" : "child", random.Next(20) == 0 ? "1" : "0"));
            }
        }
        using var file = new MemoryStream();
        file.SaveAs(new Dictionary<string, object> { ["households"] = households, ["members"] = members });
        return file.ToArray();
    }

    /// <summary>The form's own answers: E/K for sex.</summary>
    public static ImportMapping KoboMapping { get; } = new()
    {
        Values = new Dictionary<string, IReadOnlyDictionary<string, string>> { [ImportFields.Sex] = new Dictionary<string, string> { ["E"] = "male", ["K"] = "female" } },
    };

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>A zip whose one part unpacks far beyond what an import reads.</summary>
    public static byte[] ZipBomb()
    {
        using var file = new MemoryStream();
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var part = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 600; i++)
            {
                part.Write(zeros);
            }
        }
        return file.ToArray();
    }

    public static IReadOnlyList<ImportSubmission> Submissions(byte[] file, string name) => ImportSubmissions.From(ImportFiles.Read(new MemoryStream(file), name)).ToList();

    /// <summary>A scope acting as a registration officer of <paramref name="office"/>, its importer and the office's id.</summary>
    public static async Task<(AsyncServiceScope Scope, Importer Importer, int OfficeId)> OfficerAsync(PanahApp app, string office = "KAY")
    {
        var staff = await app.CreateStaffAsync(Roles.RegistrationOfficer, offices: [office]);
        var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
        var officeId = await db.FieldOffices.IgnoreQueryFilters().Where(o => o.Code == office).Select(o => o.Id).SingleAsync();
        scope.ServiceProvider.GetRequiredService<AccessScope>().ForStaff(staff.User.Id, [Roles.RegistrationOfficer], [officeId], [], []);
        return (scope, scope.ServiceProvider.GetRequiredService<Importer>(), officeId);
    }
}
