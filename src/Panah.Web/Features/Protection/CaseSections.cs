using Panah.Data.Protection;

namespace Panah.Web.Features.Protection;

/// <summary>
/// The case page's working sections: plan and in-house services, referrals, transfers, notes and attachments, and
/// the partners and colleagues its forms offer. Each is read through its own store, which filters and audits.
/// </summary>
public sealed record CaseSections(
    CasePlanView Plan, List<ReferralView> Referrals, List<TransferView> Transfers, List<NoteView> Notes, List<AttachmentView> Attachments,
    List<Partner> Partners, List<TransferRecipient> Recipients, List<TracingView> Tracing)
{
    public static readonly CaseSections Empty = new(new CasePlanView([], [], false), [], [], [], [], [], [], []);

    public static async Task<CaseSections> LoadAsync(Guid id, CaseView view, IServiceProvider services, CancellationToken ct)
    {
        var plans = services.GetRequiredService<CasePlans>();
        var referrals = services.GetRequiredService<CaseReferrals>();
        var transfers = services.GetRequiredService<CaseTransfers>();
        var files = services.GetRequiredService<CaseFiles>();
        var partners = services.GetRequiredService<PartnerDirectory>();
        var tracing = services.GetRequiredService<TracingRequests>();
        var works = view.IsOwner || view.CanApprove;
        return new CaseSections(
            await plans.OfCaseAsync(id, ct) ?? Empty.Plan,
            await referrals.OfCaseAsync(id, ct) ?? [],
            await transfers.OfCaseAsync(id, ct) ?? [],
            await files.NotesAsync(id, ct) ?? [],
            await files.AttachmentsAsync(id, ct) ?? [],
            works ? (await partners.ListAsync(ct)).Where(p => p.Active).ToList() : [],
            works ? await transfers.RecipientsAsync(ct) : [],
            await tracing.OfCaseAsync(id, ct) ?? []);
    }

    public string PartnerName(int id) => Partners.FirstOrDefault(p => p.Id == id)?.Name ?? $"#{id}";
}
