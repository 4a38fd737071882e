using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Panah.Core.Food.Monitoring;
using Panah.Data.Access;
using Panah.Data.Audit;
using Panah.Data.Crypto;
using Panah.Data.Registry;

namespace Panah.Data.Food;

public enum SurveyOutcome
{
    Saved = 1,

    /// <summary>No sample for the cycle, or the household is not in it (or not in the reader's scope).</summary>
    NotInSample = 2,
    AlreadySurveyed = 3,
    Invalid = 4,

    /// <summary>Valid, but not written: another row of the same batch was refused.</summary>
    Valid = 5,
}

public sealed record SurveyBatch(bool Written, IReadOnlyList<SurveyResult> Rows);

public sealed record SurveyResult(SurveyOutcome Outcome, Guid? Id = null, PdmScores? Scores = null, IReadOnlyList<PdmAnswerError>? Errors = null);

/// <summary>One survey to record: the sampled household (by id or code) and its answers.</summary>
public sealed record SurveyInput(Guid? HouseholdId, string? HouseholdCode, PdmAnswers Answers);

/// <summary>Records monitoring surveys: answers sealed under the household's data key, scores in clear as numbers.</summary>
public sealed class PdmSurveys(PanahDbContext db, AuditLog audit, ActingStaff staff, TimeProvider clock, RegistrySealer sealer, MonitoringOptions options)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public async Task<SurveyResult> SubmitAsync(int cycleId, SurveyInput input, CancellationToken ct = default) =>
        (await SubmitAllAsync(cycleId, [input], ct)).Rows[0];

    /// <summary>
    /// Checks every survey, then saves them in one transaction only if all are valid (all or nothing: an import
    /// with one bad row writes none, and its report lists every bad row). A row is <see cref="SurveyOutcome.Saved"/>
    /// only when <see cref="SurveyBatch.Written"/>. With <c>write</c> false it checks only (households in the sample,
    /// not yet surveyed, answers valid) and writes nothing.
    /// </summary>
    public async Task<SurveyBatch> SubmitAllAsync(int cycleId, IReadOnlyList<SurveyInput> inputs, CancellationToken ct = default, bool write = true)
    {
        var sample = await db.PdmSamples.AsNoTracking().Where(s => s.CycleId == cycleId).Select(s => new { s.Id }).FirstOrDefaultAsync(ct);
        var members = sample is null ? [] : await (
            from s in db.PdmSampleHouseholds
            where s.SampleId == sample.Id
            join h in db.Households on s.HouseholdId equals h.Id
            select new { h.Id, h.Code, h.FieldOfficeId, h.DataKeyId, Surveyed = db.PdmSurveys.Any(v => v.SampleId == sample.Id && v.HouseholdId == h.Id) })
            .ToListAsync(ct);
        var byId = members.ToDictionary(m => m.Id);
        var byCode = members.ToDictionary(m => m.Code, StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<Guid>();
        var results = new List<SurveyResult>();
        var pending = new List<(int Index, PdmSurvey Row, PdmAnswers Answers)>();
        foreach (var (input, index) in inputs.Select((x, i) => (x, i)))
        {
            var member = input.HouseholdId is { } id ? byId.GetValueOrDefault(id) : input.HouseholdCode is { } code ? byCode.GetValueOrDefault(code.Trim()) : null;
            var errors = PdmAnswersCheck.Check(input.Answers);
            if (member is null)
            {
                results.Add(new(SurveyOutcome.NotInSample));
            }
            else if (member.Surveyed || !seen.Add(member.Id))
            {
                results.Add(new(SurveyOutcome.AlreadySurveyed));
            }
            else if (errors.Count > 0)
            {
                results.Add(new(SurveyOutcome.Invalid, Errors: errors));
            }
            else
            {
                var scores = PdmScores.Of(input.Answers, options.Thresholds);
                var row = new PdmSurvey
                {
                    Id = Guid.CreateVersion7(), SampleId = sample!.Id, CycleId = cycleId, HouseholdId = member.Id, FieldOfficeId = member.FieldOfficeId,
                    EnumeratorId = staff.Id, At = clock.GetUtcNow(), DataKeyId = member.DataKeyId, Sealed = [],
                    Fcs = scores.Fcs, FcsCategory = (int?)scores.FcsCategory, Rcsi = scores.Rcsi, Hhs = scores.Hhs, Lcs = (int)scores.Lcs,
                    FoodShare = scores.FoodShare is { } share ? (double)share : null, Fes = scores.Fes, Cari = (int?)scores.Cari,
                };
                pending.Add((index, row, input.Answers));
                results.Add(new(SurveyOutcome.Saved, row.Id, scores));
            }
        }
        if (!write || results.Any(r => r.Outcome != SurveyOutcome.Saved))
        {
            return new(false, [.. results.Select(r => r.Outcome == SurveyOutcome.Saved ? r with { Outcome = SurveyOutcome.Valid, Id = null } : r)]);
        }
        var keyIds = pending.Select(p => p.Row.DataKeyId).Distinct().ToList();
        var keys = await db.DataKeys.Where(k => keyIds.Contains(k.Id)).ToDictionaryAsync(k => k.Id, ct);
        foreach (var (_, row, answers) in pending)
        {
            var key = sealer.OpenKey(keys[row.DataKeyId]);
            row.Sealed = FieldCipher.Seal(key, JsonSerializer.SerializeToUtf8Bytes(answers, Json), Context(row.Id));
            db.PdmSurveys.Add(row);
        }
        var events = pending.Select(p => new AuditEvent("pdm.survey.create", "household", p.Row.HouseholdId.ToString(), $"cycle={cycleId}")).ToList();
        try
        {
            await audit.SaveAsync(db, events, ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // Another enumerator saved one of these households first: the unique index decided.
            db.ChangeTracker.Clear();
            return new(false, [.. results.Select(_ => new SurveyResult(SurveyOutcome.AlreadySurveyed))]);
        }
        return new(true, results);
    }

    /// <summary>The answers of one survey, opened with its household's key (for the household's subject access report and tests).</summary>
    public async Task<PdmAnswers?> OpenAsync(Guid surveyId, CancellationToken ct = default)
    {
        var row = await db.PdmSurveys.AsNoTracking().FirstOrDefaultAsync(s => s.Id == surveyId, ct);
        if (row is null)
        {
            return null;
        }
        var key = sealer.OpenKey(await db.DataKeys.SingleAsync(k => k.Id == row.DataKeyId, ct));
        await audit.SaveAsync(db, new AuditEvent("pdm.survey.read", "household", row.HouseholdId.ToString()), ct);
        return JsonSerializer.Deserialize<PdmAnswers>(FieldCipher.Open(key, row.Sealed, Context(row.Id)), Json);
    }

    private static byte[] Context(Guid id) => Encoding.ASCII.GetBytes($"pdm-survey:{id:N}");
}
