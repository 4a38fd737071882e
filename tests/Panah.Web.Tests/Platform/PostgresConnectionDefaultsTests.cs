using Npgsql;
using Panah.Data;

namespace Panah.Web.Tests.Platform;

/// <summary>Panah's PostgreSQL connection defaults (no reset on close, automatic preparation), and the operator's word over them.</summary>
public sealed class PostgresConnectionDefaultsTests
{
    private static NpgsqlConnectionStringBuilder Built(string given) =>
        new(new PanahDataOptions { Provider = DatabaseProvider.Postgres, ConnectionString = given }.PostgresConnectionString());

    [Fact]
    public void Unnamed_keywords_get_Panahs_defaults_and_the_rest_is_kept()
    {
        var b = Built("Host=db.internal;Port=5433;Database=panah;Username=panah;Password=s3cret;Maximum Pool Size=40");
        Assert.True(b.NoResetOnClose);
        Assert.Equal(64, b.MaxAutoPrepare);
        Assert.Equal(2, b.AutoPrepareMinUsages);
        Assert.Equal(("db.internal", 5433, "panah", "panah", "s3cret", 40), (b.Host, b.Port, b.Database, b.Username, b.Password, b.MaxPoolSize));
    }

    [Theory]
    [InlineData("Host=h;No Reset On Close=false;Max Auto Prepare=0")]
    [InlineData("Host=h;NoResetOnClose=false;MaxAutoPrepare=0")]
    [InlineData("Host=h;no reset on close=False;max auto prepare=0")]
    public void What_the_operator_names_wins_in_any_spelling(string given)
    {
        var b = Built(given);
        Assert.False(b.NoResetOnClose);
        Assert.Equal(0, b.MaxAutoPrepare);
        Assert.Equal(2, b.AutoPrepareMinUsages);
    }
}
