using Microsoft.EntityFrameworkCore;
using Panah.Data.Alerts;
using Panah.Data.Audit;

namespace Panah.Data.Budgets;

/// <summary>Who is reading, as a budget sees it: the staff account, its roles, and the API token if the read came with one.</summary>
public sealed record Reader(string StaffUserId, IReadOnlyList<string> Roles, Guid? TokenId, bool IsService);

/// <summary>
/// Per-account budgets of person records shown, per hour and per day. A read that would cross one is refused, the
/// account is blocked and the data protection officer alerted once; the block stays until the officer lifts it.
/// </summary>
public sealed class ReadBudgets(PanahDbContext db, WindowCounters counters, ReadBudgetOptions options, AlertLog alerts, AuditLog audit, TimeProvider clock)
{
    public const string AlertKind = "budget.exceeded";
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    /// <summary>One allowance being counted: the counter, its limit, and how an alert names it.</summary>
    private sealed record Limit(CounterWindow Counter, int Allowed, string Detail);

    /// <summary>Counts <paramref name="people"/> records shown to <paramref name="reader"/>; throws if that crosses a budget or the account is blocked.</summary>
    public async Task SpendAsync(Reader reader, int people, CancellationToken ct = default)
    {
        if (await db.ReadBlocks.AnyAsync(b => b.StaffUserId == reader.StaffUserId && b.LiftedAt == null, ct))
        {
            throw new ReadBudgetExceededException();
        }
        var limits = await LimitsAsync(reader, ct);
        var totals = await counters.AddAsync(limits.Select(l => l.Counter).ToList(), people, ct);
        var crossed = limits.Where((l, i) => totals[i] > l.Allowed).FirstOrDefault();
        if (crossed is null)
        {
            return;
        }
        if (await BlockAsync(reader.StaffUserId, crossed.Detail, ct))
        {
            await alerts.RaiseAsync(AlertKind, reader.StaffUserId, crossed.Detail, ct);
        }
        throw new ReadBudgetExceededException();
    }

    /// <summary>The allowance of an account: a service account's grant, else its role's (or the service default).</summary>
    public async Task<ReadAllowance> AllowanceAsync(string staffUserId, IReadOnlyList<string> roles, bool isService, CancellationToken ct = default)
    {
        if (!isService)
        {
            return options.ForRoles(roles);
        }
        var grant = await db.ServiceReadBudgets.AsNoTracking().FirstOrDefaultAsync(g => g.StaffUserId == staffUserId, ct);
        return grant is null ? options.Service : new ReadAllowance(grant.PerHour, grant.PerDay);
    }

    /// <summary>People shown to the account in the current hour and day.</summary>
    public async Task<(long Hour, long Day)> UsageAsync(string staffUserId, CancellationToken ct = default)
    {
        var totals = await counters.ReadAsync([Counter(staffUserId, "hour", Hour), Counter(staffUserId, "day", Day)], ct);
        return (totals[0], totals[1]);
    }

    /// <summary>Ends an open block and starts the account's counts afresh; false if it was not blocked.</summary>
    public async Task<bool> LiftAsync(string staffUserId, string liftedBy, CancellationToken ct = default)
    {
        var block = await db.ReadBlocks.FirstOrDefaultAsync(b => b.StaffUserId == staffUserId && b.LiftedAt == null, ct);
        if (block is null)
        {
            return false;
        }
        block.LiftedAt = clock.GetUtcNow();
        block.LiftedBy = liftedBy;
        var prefix = $"read:{staffUserId}:";
        await db.WindowCounters.Where(c => c.Key.StartsWith(prefix)).ExecuteDeleteAsync(ct);
        await audit.SaveAsync(db, new AuditEvent("budget.lift", "staff", staffUserId), ct);
        return true;
    }

    /// <summary>Sets a service account's budget (false if the account is not a service account).</summary>
    public async Task<bool> GrantAsync(string staffUserId, ReadAllowance allowance, string grantedBy, CancellationToken ct = default)
    {
        if (!await db.Users.AnyAsync(u => u.Id == staffUserId && u.IsServiceAccount, ct))
        {
            return false;
        }
        var grant = await db.ServiceReadBudgets.FirstOrDefaultAsync(g => g.StaffUserId == staffUserId, ct);
        if (grant is null)
        {
            grant = new ServiceReadBudget { StaffUserId = staffUserId, GrantedBy = grantedBy };
            db.ServiceReadBudgets.Add(grant);
        }
        grant.PerHour = allowance.PerHour;
        grant.PerDay = allowance.PerDay;
        grant.GrantedAt = clock.GetUtcNow();
        grant.GrantedBy = grantedBy;
        await audit.SaveAsync(db, new AuditEvent("budget.grant", "staff", staffUserId, $"hour={allowance.PerHour} day={allowance.PerDay}"), ct);
        return true;
    }

    private async Task<List<Limit>> LimitsAsync(Reader reader, CancellationToken ct)
    {
        var account = await AllowanceAsync(reader.StaffUserId, reader.Roles, reader.IsService, ct);
        var limits = new List<Limit>
        {
            new(Counter(reader.StaffUserId, "hour", Hour), account.PerHour, $"hour limit={account.PerHour}"),
            new(Counter(reader.StaffUserId, "day", Day), account.PerDay, $"day limit={account.PerDay}"),
        };
        // A person's token has a smaller budget of its own, on top of the person's; a service account's budget is its tokens'.
        if (reader is { TokenId: { } token, IsService: false })
        {
            limits.Add(new(Counter(reader.StaffUserId, $"token:{token}:hour", Hour), options.Token.PerHour, $"hour limit={options.Token.PerHour} token={token}"));
            limits.Add(new(Counter(reader.StaffUserId, $"token:{token}:day", Day), options.Token.PerDay, $"day limit={options.Token.PerDay} token={token}"));
        }
        return limits;
    }

    private static CounterWindow Counter(string staffUserId, string name, TimeSpan length) => new($"read:{staffUserId}:{name}", length);

    /// <summary>Opens the account's block; true only for the one request that opened it, so the alert is raised once per block.</summary>
    private async Task<bool> BlockAsync(string staffUserId, string detail, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var opened = await db.Database.SqlQuery<string>($"""
            INSERT INTO "ReadBlocks" ("StaffUserId", "BlockedAt", "Detail", "LiftedAt", "LiftedBy") VALUES ({staffUserId}, {now}, {detail}, NULL, NULL)
            ON CONFLICT ("StaffUserId") DO UPDATE SET "BlockedAt" = excluded."BlockedAt", "Detail" = excluded."Detail", "LiftedAt" = NULL, "LiftedBy" = NULL
            WHERE "ReadBlocks"."LiftedAt" IS NOT NULL
            RETURNING "StaffUserId" AS "Value"
            """).ToListAsync(ct);
        return opened.Count == 1;
    }
}
