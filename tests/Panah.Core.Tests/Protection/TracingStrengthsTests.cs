using Panah.Core.Protection;

namespace Panah.Core.Tests.Protection;

public sealed class TracingStrengthsTests
{
    [Theory]
    [InlineData(0.99, TracingStrength.Strong)]
    [InlineData(0.84, TracingStrength.Strong)]
    [InlineData(0.8, TracingStrength.Strong)]
    [InlineData(0.79, TracingStrength.Moderate)]
    [InlineData(0.5, TracingStrength.Moderate)]
    [InlineData(0.49, TracingStrength.Weak)]
    [InlineData(0.2, TracingStrength.Weak)]
    public void A_probability_reads_as_a_strength(double probability, TracingStrength expected) => Assert.Equal(expected, TracingStrengths.Of(probability));
}
