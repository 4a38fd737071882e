using Panah.Core.Protection;

namespace Panah.Core.Tests.Protection;

public sealed class CaseloadBandsTests
{
    [Theory]
    [InlineData(0, CaseloadBand.Under10)]
    [InlineData(9, CaseloadBand.Under10)]
    [InlineData(10, CaseloadBand.From10To19)]
    [InlineData(19, CaseloadBand.From10To19)]
    [InlineData(20, CaseloadBand.From20To29)]
    [InlineData(29, CaseloadBand.From20To29)]
    [InlineData(30, CaseloadBand.From30)]
    [InlineData(85, CaseloadBand.From30)]
    public void Open_cases_fall_in_the_reported_bands(int open, CaseloadBand expected) => Assert.Equal(expected, CaseloadBands.Of(open));
}
