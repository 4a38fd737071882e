using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Panah.Data.Entities;

namespace Panah.Data.Imports;

public enum ImportJobStatus
{
    Uploaded = 1,
    DryRunning = 2,
    DryRunDone = 3,
    Committing = 4,
    Done = 5,
    Failed = 6,
    Cancelled = 7,
}

/// <summary>
/// One uploaded import file and where its dry run or commit stands. The file itself lives under the data directory,
/// encrypted under the job's own data key (<see cref="ImportUploads"/>), until the job is done or cancelled; its name,
/// which may name people, is sealed under the same key. <see cref="Processed"/> counts submissions whose batch has
/// committed, so a restart resumes after the last of them. Counts, states and the mapping only, in clear.
/// </summary>
public sealed class ImportJob
{
    public Guid Id { get; set; }
    public int FieldOfficeId { get; set; }

    /// <summary>The officer who uploaded it; null for the CLI (its audit entries name the operator).</summary>
    public string? StaffUserId { get; set; }

    public Guid DataKeyId { get; set; }
    public DataKey? Key { get; set; }
    public required byte[] SealedFileName { get; set; }

    /// <summary>"xlsx" or "csv": how the stored file is read.</summary>
    public required string Format { get; set; }

    /// <summary>The form the file came from (<see cref="ImportForms.KeyOf"/>): its mapping is remembered under this key.</summary>
    public required string FormKey { get; set; }

    public ImportJobStatus Status { get; set; }
    public int RowsTotal { get; set; }
    public int Processed { get; set; }
    public int Ok { get; set; }
    public int Errors { get; set; }
    public int Duplicates { get; set; }
    public int Skipped { get; set; }
    public required string MappingJson { get; set; }

    /// <summary>The file's columns as <see cref="ImportColumn"/>s in JSON: header names (the form's questions), no answers.</summary>
    public required string ColumnsJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Why a job failed: an exception's type name, never a value from the file.</summary>
    public string? Failure { get; set; }
}

/// <summary>One line of a job's last run (dry run or commit): which submission, which row, what became of it; no values from the file.</summary>
public sealed class ImportJobRow
{
    public long Id { get; set; }
    public Guid JobId { get; set; }

    /// <summary>The submission's place in the file, from 0.</summary>
    public int Submission { get; set; }

    public required string Sheet { get; set; }
    public int Row { get; set; }
    public ImportOutcome Outcome { get; set; }
    public string? Field { get; set; }
    public string? Reason { get; set; }
    public string? CandidateHouseholdCode { get; set; }
}

/// <summary>A form's mapping, remembered for the next file of the same form; column names and answers only.</summary>
public sealed class ImportMappingRecord
{
    public required string FormKey { get; set; }
    public required string MappingJson { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> e)
    {
        e.HasIndex(x => new { x.FieldOfficeId, x.CreatedAt });
        e.HasIndex(x => x.Status);
        e.Property(x => x.StaffUserId).HasMaxLength(450);
        e.Property(x => x.Format).HasMaxLength(8);
        e.Property(x => x.FormKey).HasMaxLength(64);
        e.Property(x => x.Failure).HasMaxLength(200);
        e.Property(x => x.MappingJson).HasMaxLength(64_000);
        e.Property(x => x.ColumnsJson).HasMaxLength(64_000);
        // Two processors (two nodes, or a restart racing the old one) cannot both commit the same batch.
        e.Property(x => x.Processed).IsConcurrencyToken();
        e.HasOne<FieldOffice>().WithMany().HasForeignKey(x => x.FieldOfficeId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Key).WithMany().HasForeignKey(x => x.DataKeyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ImportJobRowConfiguration : IEntityTypeConfiguration<ImportJobRow>
{
    public void Configure(EntityTypeBuilder<ImportJobRow> e)
    {
        e.HasIndex(x => new { x.JobId, x.Submission });
        e.Property(x => x.Sheet).HasMaxLength(100);
        e.Property(x => x.Field).HasMaxLength(100);
        e.Property(x => x.Reason).HasMaxLength(100);
        e.Property(x => x.CandidateHouseholdCode).HasMaxLength(20);
        e.HasOne<ImportJob>().WithMany().HasForeignKey(x => x.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ImportMappingRecordConfiguration : IEntityTypeConfiguration<ImportMappingRecord>
{
    public void Configure(EntityTypeBuilder<ImportMappingRecord> e)
    {
        e.ToTable("ImportMappings");
        e.HasKey(x => x.FormKey);
        e.Property(x => x.FormKey).HasMaxLength(64);
        e.Property(x => x.MappingJson).HasMaxLength(64_000);
    }
}
