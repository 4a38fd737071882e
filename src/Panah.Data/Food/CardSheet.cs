using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Panah.Data.Audit;
using PdfSharp.Pdf;

namespace Panah.Data.Food;

/// <summary>Which cards a sheet prints: the active cards of an office's households and/or of a cycle's.</summary>
public sealed record CardSheetRequest(int? OfficeId, int? CycleId);

/// <summary>The words printed on every card, in the staff member's language (the code and number are the same in every language).</summary>
public sealed record CardSheetLabels(string Title, string Household, string Number, string DefaultProgramme);

/// <summary>One card as printed: nothing about the household but its code.</summary>
public sealed record PrintedCard(Guid Id, string Number, string HouseholdCode);

/// <summary>
/// The PDF sheet of food cards: ten credit-card-sized cards (85.6 × 54 mm) per A4 page with cut marks, each with
/// the household code, the card number, a QR code of its signed token and the programme's name; no name or other
/// personal data. The export is audited (ids and counts only).
/// </summary>
public sealed class CardSheet(PanahDbContext db, CardTokens tokens, AuditLog audit, IConfiguration configuration)
{
    public const int CardsPerPage = CardLayout.PerPage;

    /// <summary>Writes the sheet to <paramref name="output"/> (a file or a buffer); returns how many cards it holds (0: nothing written).</summary>
    public async Task<int> WriteAsync(Stream output, CardSheetRequest request, CardSheetLabels labels, CancellationToken ct)
    {
        CardFonts.Install(configuration);
        var cards = Cards(request);
        var count = await cards.CountAsync(ct);
        if (count == 0)
        {
            return 0;
        }
        var programme = request.CycleId is { } cycle
            ? await db.DistributionCycles.Where(c => c.Id == cycle).Select(c => c.Programme!.Name).SingleOrDefaultAsync(ct)
            : null;
        await audit.SaveAsync(db, new AuditEvent("food.card.sheet", "food-card", null, $"office={request.OfficeId} cycle={request.CycleId} count={count}"), ct);

        using var document = new PdfDocument();
        document.Info.Title = labels.Title;
        document.Options.CompressContentStreams = true;
        var layout = new CardLayout(document, labels, programme ?? labels.DefaultProgramme);
        var placed = 0;
        // One query read as it goes: rows are not held beyond the page being drawn.
        var ordered = cards.OrderBy(c => c.Code).ThenBy(c => c.Number).Select(c => new PrintedCard(c.Id, c.Number, c.Code));
        await foreach (var card in ordered.AsAsyncEnumerable().WithCancellation(ct))
        {
            layout.Place(placed++, card, tokens.Sign(card.Id));
        }
        layout.Finish();
        // Straight to the caller's stream (the CLI's file, the page's buffer), not through one more copy of the sheet.
        await document.SaveAsync(output, closeStream: false);
        return placed;
    }

    /// <summary>Built by member initialisation, which EF can order by (a constructor projection it cannot).</summary>
    private sealed class Row
    {
        public Guid Id { get; init; }
        public string Number { get; init; } = "";
        public string Code { get; init; } = "";
    }

    private IQueryable<Row> Cards(CardSheetRequest request)
    {
        var cards = db.FoodCards.AsNoTracking().Where(c => c.Status == CardStatus.Active);
        if (request.OfficeId is { } office)
        {
            cards = cards.Where(c => c.FieldOfficeId == office);
        }
        if (request.CycleId is { } cycle)
        {
            cards = cards.Where(c => db.Entitlements.Any(e => e.CycleId == cycle && e.HouseholdId == c.HouseholdId));
        }
        return cards.Join(db.Households, c => c.HouseholdId, h => h.Id, (c, h) => new Row { Id = c.Id, Number = c.Number, Code = h.Code });
    }
}
