using Panah.Core.Food;

namespace Panah.Core.Tests.Food;

public sealed class CardNumberTests
{
    /// <summary>Numbers from fixed bytes, so a failure names the number it failed on.</summary>
    public static TheoryData<string> Numbers()
    {
        var data = new TheoryData<string>();
        var random = new Random(8);
        for (var i = 0; i < 40; i++)
        {
            var bytes = new byte[CardNumber.RandomLength];
            random.NextBytes(bytes);
            data.Add(CardNumber.Create(bytes));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Numbers))]
    public void A_new_number_reads_back_as_itself(string number)
    {
        Assert.Matches("^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]$", number);
        Assert.True(CardNumber.TryNormalize(number, out var normalized));
        Assert.Equal(number, normalized);
        Assert.True(CardNumber.TryNormalize(" " + number.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant() + " ", out normalized));
        Assert.Equal(number, normalized);
    }

    [Theory]
    [MemberData(nameof(Numbers))]
    public void Every_single_wrong_character_is_caught(string number)
    {
        var chars = number.Replace("-", "", StringComparison.Ordinal).ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            foreach (var other in CardNumber.Alphabet.Where(c => c != chars[i]))
            {
                var typo = (char[])chars.Clone();
                typo[i] = other;
                Assert.False(CardNumber.TryNormalize(new string(typo), out _), $"{new string(typo)} passed for {number}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Numbers))]
    public void Every_swap_of_two_neighbours_is_caught(string number)
    {
        var chars = number.Replace("-", "", StringComparison.Ordinal).ToCharArray();
        for (var i = 0; i + 1 < chars.Length; i++)
        {
            if (chars[i] == chars[i + 1])
            {
                continue;
            }
            var swapped = (char[])chars.Clone();
            (swapped[i], swapped[i + 1]) = (swapped[i + 1], swapped[i]);
            Assert.False(CardNumber.TryNormalize(new string(swapped), out _), $"{new string(swapped)} passed for {number}");
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("7F3K-9Q2M")]
    [InlineData("7F3K-9Q2M-XX")]
    [InlineData("0F3K-9Q2M-X")]
    [InlineData("OF3K-9Q2M-X")]
    [InlineData("1F3K-9Q2M-X")]
    [InlineData("IF3K-9Q2M-X")]
    [InlineData("7F3K_9Q2M_X")]
    public void Malformed_input_is_not_a_number(string? input) => Assert.False(CardNumber.TryNormalize(input, out _));

    [Fact]
    public void Numbers_are_spread_over_the_whole_alphabet()
    {
        var random = new Random(3);
        var seen = new HashSet<char>();
        for (var i = 0; i < 200; i++)
        {
            var bytes = new byte[CardNumber.RandomLength];
            random.NextBytes(bytes);
            seen.UnionWith(CardNumber.Create(bytes).Replace("-", "", StringComparison.Ordinal));
        }
        Assert.Equal(CardNumber.Alphabet.Length, seen.Count);
    }
}
