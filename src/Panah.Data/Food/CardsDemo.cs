using Microsoft.EntityFrameworkCore;
using Panah.Data.Demo;

namespace Panah.Data.Food;

/// <summary>The demo's food cards: one active card for every demo household, office by office.</summary>
public sealed class CardsDemo(PanahDbContext db, Access.AccessScope scope, CardIssuance issuance) : IDemoPart
{
    public int Order => 30;

    public string Name => "food cards";

    public async Task SeedAsync(CancellationToken ct)
    {
        // Seeding, not a staff member's request: every demo household, whichever office.
        scope.Everything("demo cards");
        foreach (var office in await db.FieldOffices.AsNoTracking().Select(o => o.Id).ToListAsync(ct))
        {
            await issuance.IssueMissingAsync(office, null, null, ct);
        }
    }
}
