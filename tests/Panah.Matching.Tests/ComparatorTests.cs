
namespace Panah.Matching.Tests;

public sealed class ComparatorTests
{
    private static int D(int y, int m, int d) => BirthDates.Pack(new DateOnly(y, m, d));

    [Fact]
    public void Dates_exact() => Assert.Equal(DateAgreement.Exact, BirthDates.Compare(D(1985, 3, 14), D(1985, 3, 14)));

    [Fact]
    public void Dates_both_1_January_are_a_weaker_exact_match() =>
        Assert.Equal(DateAgreement.ExactPlaceholder, BirthDates.Compare(D(1985, 1, 1), D(1985, 1, 1)));

    [Fact]
    public void Dates_1_January_against_a_real_date_of_the_same_year() =>
        Assert.Equal(DateAgreement.PlaceholderYear, BirthDates.Compare(D(1985, 1, 1), D(1985, 7, 23)));

    [Fact]
    public void Dates_1_January_of_another_year_differ() =>
        Assert.Equal(DateAgreement.Different, BirthDates.Compare(D(1986, 1, 1), D(1985, 7, 23)));

    [Fact]
    public void Dates_day_and_month_swapped() => Assert.Equal(DateAgreement.Close, BirthDates.Compare(D(1985, 3, 11), D(1985, 11, 3)));

    [Fact]
    public void Dates_one_digit_off() => Assert.Equal(DateAgreement.Close, BirthDates.Compare(D(1985, 3, 14), D(1985, 3, 16)));

    [Theory]
    [InlineData(1980, 10, 10, 1980, 10, 9)]
    [InlineData(1988, 1, 29, 1988, 1, 30)]
    [InlineData(1983, 11, 19, 1983, 11, 20)]
    [InlineData(1990, 3, 31, 1990, 4, 1)]
    [InlineData(1989, 12, 31, 1990, 1, 2)]
    public void Dates_a_day_or_two_apart_are_close_however_many_digits_change(int y1, int m1, int d1, int y2, int m2, int d2) =>
        Assert.Equal(DateAgreement.Close, BirthDates.Compare(D(y1, m1, d1), D(y2, m2, d2)));

    [Fact]
    public void Dates_three_days_apart_in_two_digits_differ() => Assert.Equal(DateAgreement.Different, BirthDates.Compare(D(1988, 1, 29), D(1988, 2, 1)));

    [Fact]
    public void Dates_year_off_by_one() => Assert.Equal(DateAgreement.MonthOrYearOff, BirthDates.Compare(D(1989, 12, 30), D(1990, 12, 30)));

    [Fact]
    public void Dates_a_month_off_have_their_own_level() => Assert.Equal(DateAgreement.MonthOrYearOff, BirthDates.Compare(D(1985, 9, 14), D(1985, 10, 14)));

    [Fact]
    public void Dates_a_year_off_in_one_digit_are_a_year_off_not_a_typo() => Assert.Equal(DateAgreement.MonthOrYearOff, BirthDates.Compare(D(1985, 3, 14), D(1986, 3, 14)));

    [Fact]
    public void Dates_far_apart_differ() => Assert.Equal(DateAgreement.Different, BirthDates.Compare(D(1985, 3, 14), D(1972, 8, 2)));

    [Theory]
    [InlineData("+90 (532) 123-45-67", "5321234567")]
    [InlineData("0090 532 1234567", "5321234567")]
    [InlineData("0532 123 45 67", "5321234567")]
    [InlineData("905321234567", "5321234567")]
    [InlineData("532 123 4567", "5321234567")]
    [InlineData("+86 139 1234 5678", "8613912345678")]
    [InlineData("12", "")]
    [InlineData(null, "")]
    public void Phones_are_normalised(string? input, string expected) => Assert.Equal(expected, PhoneNumbers.Normalise(input));

    [Theory]
    [InlineData("martha", "marhta", 0.961)]
    [InlineData("dwayne", "duane", 0.84)]
    [InlineData("abc", "abc", 1.0)]
    [InlineData("abc", "xyz", 0.0)]
    public void Jaro_winkler_matches_the_published_values(string a, string b, double expected) =>
        Assert.Equal(expected, JaroWinkler.Similarity(a, b), 3);

    [Theory]
    [InlineData("12345", "12345", true)]
    [InlineData("12345", "12335", true)]
    [InlineData("12345", "12354", true)]
    [InlineData("12345", "1234", true)]
    [InlineData("12345", "123456", true)]
    [InlineData("12345", "13254", false)]
    [InlineData("12345", "123", false)]
    public void One_edit(string a, string b, bool expected) => Assert.Equal(expected, EditDistance.WithinOne(a, b));

    [Fact]
    public void Swapped_names_are_compared_crosswise()
    {
        var a = new PreparedRecord(new PersonRecord("a") { GivenName = "Abdurehim", FamilyName = "Tursun" });
        var b = new PreparedRecord(new PersonRecord("b") { GivenName = "Tursun", FamilyName = "Abdurrahim" });
        var c = Comparer.Compare(a, b);
        Assert.True(c.Swapped);
        Assert.Equal(0, c.Level(0));
        Assert.Equal(0, c.Level(1));
    }
}
