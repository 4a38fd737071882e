using Panah.Core.Education;

namespace Panah.Core.Tests.Education;

public sealed class PlacementBandsTests
{
    /// <summary>Both sides of every edge of Hitit TÖMER's bands, and the ends of the scale.</summary>
    [Theory]
    [InlineData(0, CefrLevel.A0)]
    [InlineData(29, CefrLevel.A0)]
    [InlineData(30, CefrLevel.A1)]
    [InlineData(49, CefrLevel.A1)]
    [InlineData(50, CefrLevel.A2)]
    [InlineData(59, CefrLevel.A2)]
    [InlineData(60, CefrLevel.B1)]
    [InlineData(69, CefrLevel.B1)]
    [InlineData(70, CefrLevel.B2)]
    [InlineData(79, CefrLevel.B2)]
    [InlineData(80, CefrLevel.C1)]
    [InlineData(89, CefrLevel.C1)]
    [InlineData(90, CefrLevel.C2)]
    [InlineData(100, CefrLevel.C2)]
    public void A_score_places_at_its_band(int score, CefrLevel expected) => Assert.Equal(expected, PlacementBands.Default.Place(score));

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void A_score_off_the_scale_is_refused(int score) => Assert.Throws<ArgumentOutOfRangeException>(() => PlacementBands.Default.Place(score));

    [Theory]
    [InlineData(null, CefrLevel.A1)]
    [InlineData(0, CefrLevel.A1)]
    [InlineData(29, CefrLevel.A1)]
    [InlineData(30, CefrLevel.A1)]
    [InlineData(50, CefrLevel.A2)]
    [InlineData(95, CefrLevel.C2)]
    public void A_beginner_or_someone_without_a_test_starts_in_A1(int? score, CefrLevel expected) => Assert.Equal(expected, PlacementBands.Default.CourseLevel(score));

    [Fact]
    public void Configured_bands_move_the_edges()
    {
        var bands = new PlacementBands([new(0, CefrLevel.A0), new(40, CefrLevel.A1), new(65, CefrLevel.A2)]);
        Assert.Equal(CefrLevel.A0, bands.Place(39));
        Assert.Equal(CefrLevel.A1, bands.Place(40));
        Assert.Equal(CefrLevel.A1, bands.Place(64));
        Assert.Equal(CefrLevel.A2, bands.Place(100));
    }

    [Fact]
    public void Bands_that_do_not_start_at_zero_or_do_not_rise_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new PlacementBands([new(10, CefrLevel.A0)]));
        Assert.Throws<ArgumentException>(() => new PlacementBands([new(0, CefrLevel.A0), new(50, CefrLevel.A2), new(40, CefrLevel.B1)]));
        Assert.Throws<ArgumentException>(() => new PlacementBands([new(0, CefrLevel.A1), new(50, CefrLevel.A1)]));
        Assert.Throws<ArgumentException>(() => new PlacementBands([]));
    }
}
