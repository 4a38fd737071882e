using Panah.Data.Protection;

namespace Panah.Web.Features.Protection;

/// <summary>
/// The case page's working sections: plan and in-house services, referrals, transfers, notes and attachments, and
/// the partners and colleagues its forms offer, from the case row the page read (one audited read, one DPO alert).
/// </summary>
public sealed record CaseSections(
    CasePlanView Plan, List<ReferralView> Referrals, List<TransferView> Transfers, List<NoteView> Notes, List<AttachmentView> Attachments,
    List<Partner> Partners, List<TransferRecipient> Recipients, List<TracingView> Tracing)
{
    public static readonly CaseSections Empty = new(new CasePlanView([], [], false), [], [], [], [], [], [], []);

    public static async Task<CaseSections> LoadAsync(ProtectionCase row, byte[] key, CaseView view, IServiceProvider services, CancellationToken ct)
    {
        var plans = services.GetRequiredService<CasePlans>();
        var referrals = services.GetRequiredService<CaseReferrals>();
        var transfers = services.GetRequiredService<CaseTransfers>();
        var files = services.GetRequiredService<CaseFiles>();
        var partners = services.GetRequiredService<PartnerDirectory>();
        var tracing = services.GetRequiredService<TracingRequests>();
        var works = view.IsOwner || view.CanApprove;
        return new CaseSections(
            await plans.ViewAsync(row, key, ct),
            await referrals.ViewAsync(row, key, ct),
            await transfers.ViewAsync(row, key, ct),
            await files.NotesOfAsync(row, key, ct),
            await files.AttachmentsOfAsync(row, key, ct),
            works ? (await partners.ListAsync(ct)).Where(p => p.Active).ToList() : [],
            works ? await transfers.RecipientsAsync(ct) : [],
            await tracing.ViewAsync(row, key, ct));
    }

    public string PartnerName(int id) => Partners.FirstOrDefault(p => p.Id == id)?.Name ?? $"#{id}";
}
