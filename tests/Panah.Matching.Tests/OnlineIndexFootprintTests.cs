using System.Runtime.CompilerServices;

namespace Panah.Matching.Tests;

/// <summary>The long-lived index holds what it matches on, not the records it was given, and each repeated name once.</summary>
public sealed class OnlineIndexFootprintTests
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (OnlineIndex Index, WeakReference Given) IndexOne()
    {
        var record = new PersonRecord("1") { GivenName = "Abdurehim", FamilyName = "Tursun", Address = "Zeytinburnu Sokak 4", Phone = "0532 111 22 33" };
        var index = new OnlineIndex(MatchModel.Default);
        index.AddOrUpdate(record);
        return (index, new WeakReference(record));
    }

    [Fact]
    public void The_index_lets_go_of_the_records_it_was_given()
    {
        var (index, given) = IndexOne();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.False(given.IsAlive);
        Assert.Equal("1", index.Query(new PersonRecord("q") { GivenName = "Abdurrahim", FamilyName = "Tursun", Phone = "0532 111 22 33" })[0].Id);
    }

    [Fact]
    public void A_name_repeated_across_records_is_held_once()
    {
        var pool = new StringPool();
        var a = new PreparedRecord(new PersonRecord("1") { GivenName = new string("Abdurehim".AsSpan()), BirthPlace = new string("Kashgar".AsSpan()) }, pool);
        var b = new PreparedRecord(new PersonRecord("2") { GivenName = new string("Abdurehim".AsSpan()), BirthPlace = new string("Kashgar".AsSpan()) }, pool);
        Assert.Same(a.Given.Text, b.Given.Text);
        Assert.Same(a.Given.Key, b.Given.Key);
        Assert.Same(a.Place, b.Place);
    }
}
