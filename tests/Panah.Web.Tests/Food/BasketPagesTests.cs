using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Food;

/// <summary>The basket builder and the commodity pages, as a browser without script uses them: every figure is the server's.</summary>
public abstract partial class BasketPagesTests(PanahApp app)
{
    private HttpClient? manager;

    private async Task<HttpClient> ManagerAsync() => manager ??= await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.ProgrammeManager));

    private async Task<Dictionary<string, int>> IdsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PanahDbContext>().Commodities.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Id);
    }

    private async Task<Dictionary<string, string>> RationFormAsync(string name, string staple, string oil)
    {
        var ids = await IdsAsync();
        var rows = new (string Code, string Grams)[] { (staple, "400"), ("beans", "60"), ("vegetable-oil", oil), ("csb", "50"), ("sugar", "15"), ("salt", "5") };
        var form = new Dictionary<string, string> { ["Input.Name"] = name, ["Input.Kind"] = "Ration" };
        for (var n = 0; n < rows.Length; n++)
        {
            form[$"Input.Rows[{n}].CommodityId"] = ids[rows[n].Code].ToString(System.Globalization.CultureInfo.InvariantCulture);
            form[$"Input.Rows[{n}].Quantity"] = rows[n].Grams;
        }
        return form;
    }

    [GeneratedRegex("data-rule=\"(\\w+)\" data-met=\"(yes|no)\"")]
    private static partial Regex Rule();

    private static Dictionary<string, string> Rules(string html) => Rule().Matches(html).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

    [Fact]
    public async Task A_manager_checks_the_wheat_ration_sees_fat_and_energy_fail_adds_oil_and_saves_a_ration_that_meets_it()
    {
        var client = await ManagerAsync();

        var check = await Html.PostFormAsync(client, "/Food/Baskets/Edit", await RationFormAsync("Wheat ration", "wheat-flour", "25"), "/Food/Baskets/Edit?handler=Check");
        var html = await check.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        Assert.Equal(new Dictionary<string, string> { ["energy"] = "no", ["protein"] = "yes", ["fat"] = "no" }, Rules(html));
        Assert.Contains("2,072 kcal", html, StringComparison.Ordinal);
        Assert.Contains("15.1%", html, StringComparison.Ordinal);
        Assert.Contains("✗ Not met", html, StringComparison.Ordinal);

        var save = await Html.PostFormAsync(client, "/Food/Baskets/Edit", await RationFormAsync("Wheat ration", "wheat-flour", "35"));
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        var saved = await (await client.GetAsync(save.Headers.Location!.ToString())).Content.ReadAsStringAsync();
        Assert.Equal(new Dictionary<string, string> { ["energy"] = "yes", ["protein"] = "yes", ["fat"] = "yes" }, Rules(saved));
        Assert.Contains("data-meets=\"yes\"", saved, StringComparison.Ordinal);
        Assert.Contains("id=\"sphere-chart\"", saved, StringComparison.Ordinal);
        Assert.Contains("Wheat ration", await (await client.GetAsync("/Food/Baskets")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quantity_that_is_not_a_number_is_a_form_error_on_its_row()
    {
        var client = await ManagerAsync();
        var form = await RationFormAsync("Broken", "maize-meal", "lots");

        var check = await Html.PostFormAsync(client, "/Food/Baskets/Edit", form, "/Food/Baskets/Edit?handler=Check");

        var html = await check.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        Assert.Contains("id=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Matches("id=\"row2-quantity\"[^>]*aria-invalid=\"true\"", html);
        Assert.DoesNotContain("data-rule=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_turkish_comma_decimal_is_read_as_a_decimal()
    {
        var client = await ManagerAsync();
        var form = await RationFormAsync("Comma", "maize-meal", "25,5");

        var html = await (await Html.PostFormAsync(client, "/Food/Baskets/Edit", form, "/Food/Baskets/Edit?handler=Check")).Content.ReadAsStringAsync();

        Assert.Contains("556 g", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kit_shows_its_contents_and_weight_per_household()
    {
        var client = await ManagerAsync();
        var ids = await IdsAsync();
        var form = new Dictionary<string, string>
        {
            ["Input.Name"] = "Winter kit", ["Input.Kind"] = "Kit",
            ["Input.Rows[0].CommodityId"] = ids["rice"].ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Rows[0].Quantity"] = "1",
            ["Input.Rows[1].CommodityId"] = ids["vegetable-oil"].ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Rows[1].Quantity"] = "1",
        };

        var html = await (await Html.PostFormAsync(client, "/Food/Baskets/Edit", form, "/Food/Baskets/Edit?handler=Check")).Content.ReadAsStringAsync();

        Assert.Contains("id=\"kit-contents\"", html, StringComparison.Ordinal);
        Assert.Contains("Total per household: 29.6 kg", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_commodity_edited_by_someone_else_meanwhile_is_not_overwritten()
    {
        var client = await ManagerAsync();
        var fields = new Dictionary<string, string>
        {
            ["Input.Code"] = "chickpeas", ["Input.Name"] = "Chickpeas", ["Input.Kcal"] = "364", ["Input.Protein"] = "19",
            ["Input.Fat"] = "6", ["Input.Unit"] = "kg", ["Input.PackGrams"] = "5000", ["Input.PackLabel"] = "5 kg bag",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await Html.PostFormAsync(client, "/Food/Baskets/Commodities", fields, "/Food/Baskets/Commodities?handler=Add")).StatusCode);
        var id = (await IdsAsync())["chickpeas"];
        var edit = $"/Food/Baskets/CommodityEdit?id={id}";

        var first = await Html.PostFormAsync(client, edit, new Dictionary<string, string>(fields) { ["Input.Kcal"] = "365", ["Version"] = "0" });
        var stale = await Html.PostFormAsync(client, edit, new Dictionary<string, string>(fields) { ["Input.Kcal"] = "999", ["Version"] = "0" });

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else changed this record", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(365, (await scope.ServiceProvider.GetRequiredService<PanahDbContext>().Commodities.SingleAsync(c => c.Id == id)).KcalPer100g);
    }

    [Fact]
    public async Task A_deactivated_commodity_is_no_longer_offered_in_the_builder()
    {
        var client = await ManagerAsync();
        var fields = new Dictionary<string, string>
        {
            ["Input.Code"] = "tea", ["Input.Name"] = "Black tea", ["Input.Kcal"] = "1", ["Input.Protein"] = "0",
            ["Input.Fat"] = "0", ["Input.Unit"] = "kg", ["Input.PackGrams"] = "500", ["Input.PackLabel"] = "500 g box",
        };
        await Html.PostFormAsync(client, "/Food/Baskets/Commodities", fields, "/Food/Baskets/Commodities?handler=Add");
        var id = (await IdsAsync())["tea"];
        Assert.Contains("Black tea", await (await client.GetAsync("/Food/Baskets/Edit")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var off = await Html.PostFormAsync(client, "/Food/Baskets/Commodities", new Dictionary<string, string>(), $"/Food/Baskets/Commodities?handler=Active&id={id}&version=0&active=false");

        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.DoesNotContain("Black tea", await (await client.GetAsync("/Food/Baskets/Edit")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Black tea", await (await client.GetAsync("/Food/Baskets/Commodities")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_food_hub_links_the_baskets_pages_for_the_manager_only()
    {
        var hub = await (await (await ManagerAsync()).GetAsync("/Food")).Content.ReadAsStringAsync();
        var clerk = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.DistributionClerk));
        var clerkHub = await (await clerk.GetAsync("/Food")).Content.ReadAsStringAsync();

        Assert.Contains("href=\"/Food/Baskets/Commodities\"", hub, StringComparison.Ordinal);
        Assert.Contains("href=\"/Food/Baskets\"", hub, StringComparison.Ordinal);
        Assert.DoesNotContain("/Food/Baskets", clerkHub, StringComparison.Ordinal);
    }
}

public sealed class SqliteBasketPagesTests(SqliteApp app) : BasketPagesTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresBasketPagesTests(PostgresApp app) : BasketPagesTests(app), IClassFixture<PostgresApp>;
