using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Panah.Data.Food;
using Panah.Web.Features.Food.Redeem;

namespace Panah.Web.Features.Food.Distribute;

/// <summary>
/// The distribution point on a phone: pick the point once (kept in a cookie of this session, never in the URL), scan
/// or type a card, see who may collect and what is due, pick who collected, confirm. Everything is posted, so no
/// card number or person reaches a URL; the form carries an idempotency key, so a double tap or a retry redeems once.
/// </summary>
public sealed class IndexModel(CardDues dues, Redemptions redemptions, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>Only the point's id: checked against the clerk's points on every request.</summary>
    public const string PointCookie = "panah.point";

    public IReadOnlyList<PointView> Points { get; private set; } = [];
    public PointView? Point { get; private set; }
    public CardDue? Due { get; private set; }

    /// <summary>The first entitlement still due: what this visit collects.</summary>
    public DueEntitlement? Collecting => Due?.Due.FirstOrDefault();

    /// <summary>What happened to the last confirmation (a collection, or when and where it had already happened).</summary>
    public string? Outcome { get; private set; }
    public bool Collected { get; private set; }

    [BindProperty] public int? PointId { get; set; }
    [BindProperty] public string? Card { get; set; }
    [BindProperty] public Guid? EntitlementId { get; set; }
    [BindProperty] public Guid? CollectedBy { get; set; }
    [BindProperty] public string? Key { get; set; }

    /// <summary>A fresh key for the confirmation form: the same form posted twice carries the same key.</summary>
    public string NewKey { get; } = Guid.NewGuid().ToString();

    public async Task OnGetAsync(CancellationToken ct) => await LoadPointAsync(ct);

    public async Task<IActionResult> OnPostPointAsync(CancellationToken ct)
    {
        await LoadPointAsync(ct);
        var chosen = Points.FirstOrDefault(p => p.Id == PointId);
        if (chosen is null)
        {
            ModelState.AddModelError(nameof(PointId), l["Distribute.ChoosePoint"]);
            return Page();
        }
        Response.Cookies.Append(PointCookie, chosen.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), new CookieOptions
        {
            HttpOnly = true, Secure = true, SameSite = SameSiteMode.Strict, IsEssential = true, Path = "/Food/Distribute",
        });
        return RedirectToPage();
    }

    public IActionResult OnPostChangePoint()
    {
        Response.Cookies.Delete(PointCookie, new CookieOptions { Path = "/Food/Distribute", Secure = true });
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostLookupAsync(CancellationToken ct)
    {
        if (await LoadPointAsync(ct) is not null)
        {
            await LookUpAsync(ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRedeemAsync(CancellationToken ct)
    {
        if (await LoadPointAsync(ct) is not { } point)
        {
            return Page();
        }
        if (string.IsNullOrWhiteSpace(Card) || EntitlementId is null || string.IsNullOrWhiteSpace(Key) || Key.Length > RedeemApi.MaxKeyLength)
        {
            ModelState.AddModelError(nameof(Card), l["Distribute.LookUpFirst"]);
            return Page();
        }
        if (CollectedBy is null)
        {
            ModelState.AddModelError(nameof(CollectedBy), l["Distribute.PickCollector"]);
            await LookUpAsync(ct);
            return Page();
        }
        var outcome = await redemptions.RedeemAsync(new RedemptionRequest(EntitlementId.Value, CollectedBy.Value, null, point.Id, Card, Key), ct);
        switch (outcome)
        {
            case RedemptionOutcome.Redeemed r:
                Collected = true;
                Outcome = l["Distribute.Recorded", r.Redemption.Point, RedeemMapping.When(r.Redemption.At)];
                Card = null;
                break;
            case RedemptionOutcome.AlreadyCollected c:
                Outcome = l["Redemption.CollectedAt", c.Last.Point, c.Last.Clerk ?? "", RedeemMapping.When(c.Last.At)];
                break;
            case RedemptionOutcome.Refused r:
                ModelState.AddModelError(nameof(Card), l[r.Code]);
                break;
            case RedemptionOutcome.Invalid i:
                ModelState.AddModelError(i.Field == "collectedBy" ? nameof(CollectedBy) : nameof(Card), l[i.Code]);
                break;
            default:
                ModelState.AddModelError(nameof(Card), l["Distribute.CardNotFound"]);
                break;
        }
        return Page();
    }

    private async Task LookUpAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Card) || Card.Length > 2000)
        {
            ModelState.AddModelError(nameof(Card), l["Distribute.CardRequired"]);
            return;
        }
        Due = await dues.FindAsync(Card, ct);
        if (Due is null)
        {
            ModelState.AddModelError(nameof(Card), l["Distribute.CardNotFound"]);
        }
    }

    /// <summary>The points the clerk may choose, and the one chosen earlier in this session if it is still theirs.</summary>
    private async Task<PointView?> LoadPointAsync(CancellationToken ct)
    {
        Points = await redemptions.PointsAsync(ct);
        var remembered = Request.Cookies[PointCookie];
        Point = Points.FirstOrDefault(p => p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == remembered);
        if (Point is null && Request.Method == HttpMethods.Post && !string.Equals(Request.Query["handler"], "Point", StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(nameof(PointId), l["Distribute.ChoosePoint"]);
        }
        return Point;
    }
}
