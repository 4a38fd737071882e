using Panah.Core.Food.Monitoring;

namespace Panah.Core.Tests.Food.Monitoring;

public sealed class PdmSampleSizeTests
{
    // Worked by hand: n0 = 1.96² × 0.5 × 0.5 / 0.05² = 384.16; n = n0 / (1 + (n0 − 1)/N), rounded up; × 1.5 rounded up, at most N.
    [Theory]
    [InlineData(10_000, 369.98, 370, 555)]
    [InlineData(50_000, 381.24, 382, 573)]
    [InlineData(1_000, 277.74, 278, 417)]
    [InlineData(500, 217.49, 218, 327)]
    [InlineData(100, 79.51, 80, 100)]
    [InlineData(1, 1, 1, 1)]
    public void Cochran_with_finite_population_correction_and_non_response(int population, double corrected, int roundedUp, int size)
    {
        var s = PdmSampleSize.For(population, new PdmSampleOptions());
        Assert.Equal(384.16, s.N0, 9);
        Assert.Equal(corrected, s.Corrected, 2);
        Assert.Equal(roundedUp, s.CorrectedRoundedUp);
        Assert.Equal(size, s.Size);
    }

    [Fact]
    public void Options_change_the_size()
    {
        // z = 2.576 (99 %): n0 = 663.5776; N = 10,000 → 622.34 → 623; × 1.5 = 934.5 → 935.
        var s = PdmSampleSize.For(10_000, new PdmSampleOptions(Z: 2.576));
        Assert.Equal(663.5776, s.N0, 9);
        Assert.Equal(623, s.CorrectedRoundedUp);
        Assert.Equal(935, s.Size);
        Assert.Equal(370, PdmSampleSize.For(10_000, new PdmSampleOptions(NonResponseInflation: 1)).Size);
    }

    [Fact]
    public void No_collecting_households_means_no_sample()
    {
        Assert.Equal(0, PdmSampleSize.For(0, new PdmSampleOptions()).Size);
    }

    [Fact]
    public void The_working_shows_the_numbers()
    {
        Assert.Equal(
            "n0 = z²·p(1−p)/e² = 1.96² × 0.5 × 0.5 / 0.05² = 384.16; n = n0 / (1 + (n0 − 1)/N) = 384.16 / (1 + 383.16/10000) = 369.98 → 370; 370 × 1.5 = 555 → 555",
            PdmSampleSize.For(10_000, new PdmSampleOptions()).Working());
    }
}
