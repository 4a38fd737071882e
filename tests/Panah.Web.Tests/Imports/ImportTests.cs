using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Panah.Core.Imports;
using Panah.Core.Registry;
using Panah.Data;
using Panah.Data.Imports;
using Panah.Data.Matching;
using Panah.Data.Validation;
using Panah.Web.Tests.Food;
using Panah.Web.Tests.Infrastructure;
using static Panah.Web.Tests.Imports.ImportFixtures;

namespace Panah.Web.Tests.Imports;

/// <summary>Imports from Kobo XLSX and CSV: dry run, commit through registration, re-import a no-op, row-level errors, bad files; on both databases.</summary>
public abstract class ImportTests(PanahApp app)
{
    private async Task<int> HouseholdsInAsync(string district)
    {
        await using var scope = FoodSeed.Everything(app, out var db);
        return await db.Households.CountAsync(h => h.District == district);
    }

    [Fact]
    public async Task A_kobo_export_imports_its_households_and_members_once_however_often_it_is_imported()
    {
        var tag = Guid.NewGuid().ToString("N");
        var submissions = Submissions(KoboXlsx(tag), "kobo.xlsx");
        Assert.Equal(2, submissions.Count);
        var (scope, importer, office) = await OfficerAsync(app);
        await using var _ = scope;
        var before = await HouseholdsInAsync("Zeytinburnu");

        var dry = await importer.DryRunAsync(office, submissions, KoboMapping);
        Assert.True(dry.All(r => r.Outcome == ImportOutcome.Ok), string.Join("; ", dry));
        Assert.Equal(before, await HouseholdsInAsync("Zeytinburnu"));

        var first = await importer.CommitAsync(office, submissions, KoboMapping);
        Assert.Equal([ImportOutcome.Imported, ImportOutcome.Imported], first.Select(r => r.Outcome));
        var second = await importer.CommitAsync(office, Submissions(KoboXlsx(tag), "kobo.xlsx"), KoboMapping);
        Assert.Equal([ImportOutcome.AlreadyImported, ImportOutcome.AlreadyImported], second.Select(r => r.Outcome));
        Assert.Equal(before + 1, await HouseholdsInAsync("Zeytinburnu"));

        var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
        var people = (await db.People.Where(p => p.Household!.District == "Zeytinburnu").ToListAsync()).OrderByDescending(p => p.CreatedAt).Take(2).ToList();
        Assert.Contains(people, p => p.Sex == Sex.Male && p.Relationship == Relationship.Child && p.BirthYear == 2010 && p.Vulnerabilities == Vulnerability.Disability);
        Assert.Contains(people, p => p.Sex == Sex.Female && p.Relationship == Relationship.Head && p.BirthYear == 1984);
    }

    [Fact]
    public async Task A_csv_with_bad_rows_names_the_row_the_field_and_the_reason_and_imports_only_the_good_rows()
    {
        var district = "Bad" + Guid.NewGuid().ToString("N")[..8];
        var csv = "given_name,family_name,sex,birth_date,consent,district\n"
            + $"Mehmet,Yilmaz,male,1990-01-02,yes,{district}\n"
            + $",Yilmaz,male,1990-01-02,yes,{district}\n"
            + $"Ali,Kaya,maybe,1990-01-02,yes,{district}\n"
            + $"Ayse,Kaya,female,31.02.1990,yes,{district}\n"
            + $"Zehra,Kaya,female,1991-03-04,no,{district}\n"
            + $"Nur,Kaya,female,1992-03-04,yes,{new string('x', 2000)}\n";
        var (scope, importer, office) = await OfficerAsync(app);
        await using var _ = scope;

        var report = await importer.CommitAsync(office, Submissions(Utf8(csv), "people.csv"), new ImportMapping());

        var errors = report.Where(r => r.Outcome == ImportOutcome.Error).Select(r => (r.Row, r.Field, r.Reason)).ToList();
        Assert.Contains((3, "name.given", "Name.Required"), errors);
        Assert.Contains((4, "sex", "Import.UnknownAnswer"), errors);
        Assert.Contains((5, "birth_date", "Import.UnreadableDate"), errors);
        Assert.Contains((6, "consents", "Consent.RegistrationRequired"), errors);
        Assert.Contains((7, "district", "Import.CellTooLong"), errors);
        Assert.Equal([2], report.Where(r => r.Outcome == ImportOutcome.Imported).Select(r => r.Row));
        Assert.Equal(1, await HouseholdsInAsync(district));
    }

    [Fact]
    public async Task A_person_registered_in_latin_script_is_flagged_when_imported_in_arabic_script()
    {
        var district = "Dup" + Guid.NewGuid().ToString("N")[..8];
        var (scope, importer, office) = await OfficerAsync(app);
        await using var _ = scope;
        var latin = $"given_name,family_name,sex,birth_date,phone,consent,district\nAbdurehim,Tursun,male,1984-03-02,0532 765 43 21,yes,{district}\n";
        Assert.Equal(ImportOutcome.Imported, (await importer.CommitAsync(office, Submissions(Utf8(latin), "a.csv"), new ImportMapping())).Single().Outcome);
        var code = await scope.ServiceProvider.GetRequiredService<PanahDbContext>().Households.Where(h => h.District == district).Select(h => h.Code).SingleAsync();
        var matches = scope.ServiceProvider.GetRequiredService<MatchCheck>();
        for (var i = 0; !matches.IsReady && i < 100; i++)
        {
            await Task.Delay(100);
        }

        var arabic = $"given_name,family_name,name_script,sex,birth_date,phone,consent,district\nئابدۇرېھىم,تۇرسۇن,ug-Arab,male,1984-03-02,0532 765 43 21,yes,{district}\n";
        var report = await importer.DryRunAsync(office, Submissions(Utf8(arabic), "b.csv"), new ImportMapping());

        var flagged = Assert.Single(report);
        Assert.Equal((ImportOutcome.PossibleDuplicate, code), (flagged.Outcome, flagged.CandidateHouseholdCode));
    }

    [Fact]
    public void Bad_files_are_refused_as_a_whole_with_a_reason()
    {
        var truncated = KoboXlsx("t")[..400];
        Assert.Equal("Import.Unreadable", Assert.Throws<FieldException>(() => ImportFiles.Read(new MemoryStream(truncated), "t.xlsx")).MessageKey);
        Assert.Equal("Import.TooLarge", Assert.Throws<FieldException>(() => ImportFiles.Read(new MemoryStream(ZipBomb()), "bomb.xlsx")).MessageKey);
        byte[] latin1 = [.. Utf8("given_name\n"), 0x47, 0xFC, 0x6C, 0x0A];
        Assert.Equal("Import.NotUtf8", Assert.Throws<FieldException>(() => ImportFiles.Read(new MemoryStream(latin1), "l.csv")).MessageKey);
    }

    [Fact]
    public void A_report_never_hands_a_formula_to_the_spreadsheet()
    {
        using var file = new MemoryStream();
        ImportReport.WriteXlsx(file, [new ImportReportRow("=cmd|' /C calc'!A0", 2, ImportOutcome.Error, "@SUM(A1)", "+1", "-2")]);
        file.Position = 0;

        var line = (IDictionary<string, object>)file.Query(useHeaderRow: true).Single();

        Assert.Equal("'=cmd|' /C calc'!A0", line["sheet"]);
        Assert.Equal(["'@SUM(A1)", "'+1", "'-2"], new[] { line["field"], line["reason"], line["candidate_household"] });
    }
}

public sealed class SqliteImportTests(SqliteApp app) : ImportTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresImportTests(PostgresApp app) : ImportTests(app), IClassFixture<PostgresApp>;
