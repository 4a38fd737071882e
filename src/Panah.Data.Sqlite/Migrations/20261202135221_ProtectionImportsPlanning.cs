using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Panah.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ProtectionImportsPlanning : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ImportedSubmissions",
                columns: table => new
                {
                    IdentityHash = table.Column<byte[]>(type: "BLOB", maxLength: 16, nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportedSubmissions", x => x.IdentityHash);
                });

            migrationBuilder.CreateTable(
                name: "Partners",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Services = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    DeskEmail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DeskPhone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Partners", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProtectionTeams",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FieldOfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    SupervisorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProtectionTeams", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProtectionTeams_AspNetUsers_SupervisorId",
                        column: x => x.SupervisorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ProtectionTeams_FieldOffices_FieldOfficeId",
                        column: x => x.FieldOfficeId,
                        principalTable: "FieldOffices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProtectionCases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    Risk = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: true),
                    FieldOfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    AssessmentRequestedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    CasePlanAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ReopenedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    OpenServices = table.Column<int>(type: "INTEGER", nullable: false),
                    ServicesProvided = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportingConsent = table.Column<bool>(type: "INTEGER", nullable: false),
                    NameHidden = table.Column<bool>(type: "INTEGER", nullable: false),
                    DataKeyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sealed = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProtectionCases", x => x.Id);
                    table.CheckConstraint("CK_ProtectionCases_Services", "\"OpenServices\" >= 0 AND \"ServicesProvided\" >= 0");
                    table.ForeignKey(
                        name: "FK_ProtectionCases_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProtectionCases_DataKeys_DataKeyId",
                        column: x => x.DataKeyId,
                        principalTable: "DataKeys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProtectionCases_FieldOffices_FieldOfficeId",
                        column: x => x.FieldOfficeId,
                        principalTable: "FieldOffices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProtectionCases_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProtectionCases_ProtectionTeams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "ProtectionTeams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ProtectionTeamMembers",
                columns: table => new
                {
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    StaffUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProtectionTeamMembers", x => new { x.TeamId, x.StaffUserId });
                    table.ForeignKey(
                        name: "FK_ProtectionTeamMembers_AspNetUsers_StaffUserId",
                        column: x => x.StaffUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProtectionTeamMembers_ProtectionTeams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "ProtectionTeams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseAccess",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StaffUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Reason = table.Column<int>(type: "INTEGER", nullable: false),
                    GrantedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseAccess", x => new { x.CaseId, x.StaffUserId, x.Reason });
                    table.ForeignKey(
                        name: "FK_CaseAccess_AspNetUsers_StaffUserId",
                        column: x => x.StaffUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseAccess_ProtectionCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "ProtectionCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseApprovals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Subject = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    SealedComments = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseApprovals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseApprovals_ProtectionCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "ProtectionCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BestInterests = table.Column<bool>(type: "INTEGER", nullable: false),
                    BidRequired = table.Column<int>(type: "INTEGER", nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Sealed = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseAssessments_ProtectionCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "ProtectionCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Size = table.Column<int>(type: "INTEGER", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    SealedName = table.Column<byte[]>(type: "BLOB", nullable: false),
                    SealedContent = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseAttachments_ProtectionCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "ProtectionCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WrittenBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    WrittenAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Sealed = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseNotes_ProtectionCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "ProtectionCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseReferrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Service = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    SharedFields = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ReferredBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReferredAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ConsentOverriddenBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Sealed = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseReferrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseReferrals_Partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "Partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseReferrals_ProtectionCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "ProtectionCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseTasks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    DoneAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseTasks_ProtectionCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "ProtectionCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseTransfers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ToId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ConsentOverriddenBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Sealed = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseTransfers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseTransfers_AspNetUsers_ToId",
                        column: x => x.ToId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseTransfers_ProtectionCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "ProtectionCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseAccess_StaffUserId",
                table: "CaseAccess",
                column: "StaffUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseApprovals_CaseId_Status",
                table: "CaseApprovals",
                columns: new[] { "CaseId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseAssessments_CaseId",
                table: "CaseAssessments",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseAttachments_CaseId_UploadedAt",
                table: "CaseAttachments",
                columns: new[] { "CaseId", "UploadedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseNotes_CaseId_WrittenAt",
                table: "CaseNotes",
                columns: new[] { "CaseId", "WrittenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseReferrals_CaseId",
                table: "CaseReferrals",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseReferrals_PartnerId",
                table: "CaseReferrals",
                column: "PartnerId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseTasks_CaseId_DoneAt_DueAt",
                table: "CaseTasks",
                columns: new[] { "CaseId", "DoneAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseTransfers_CaseId",
                table: "CaseTransfers",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseTransfers_ToId",
                table: "CaseTransfers",
                column: "ToId");

            migrationBuilder.CreateIndex(
                name: "IX_Partners_Name",
                table: "Partners",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProtectionCases_Code",
                table: "ProtectionCases",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProtectionCases_DataKeyId",
                table: "ProtectionCases",
                column: "DataKeyId");

            migrationBuilder.CreateIndex(
                name: "IX_ProtectionCases_FieldOfficeId",
                table: "ProtectionCases",
                column: "FieldOfficeId");

            migrationBuilder.CreateIndex(
                name: "IX_ProtectionCases_OwnerId",
                table: "ProtectionCases",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_ProtectionCases_PersonId",
                table: "ProtectionCases",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ProtectionCases_TeamId",
                table: "ProtectionCases",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_ProtectionTeamMembers_StaffUserId",
                table: "ProtectionTeamMembers",
                column: "StaffUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ProtectionTeams_FieldOfficeId",
                table: "ProtectionTeams",
                column: "FieldOfficeId");

            migrationBuilder.CreateIndex(
                name: "IX_ProtectionTeams_Name",
                table: "ProtectionTeams",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProtectionTeams_SupervisorId",
                table: "ProtectionTeams",
                column: "SupervisorId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseAccess");

            migrationBuilder.DropTable(
                name: "CaseApprovals");

            migrationBuilder.DropTable(
                name: "CaseAssessments");

            migrationBuilder.DropTable(
                name: "CaseAttachments");

            migrationBuilder.DropTable(
                name: "CaseNotes");

            migrationBuilder.DropTable(
                name: "CaseReferrals");

            migrationBuilder.DropTable(
                name: "CaseTasks");

            migrationBuilder.DropTable(
                name: "CaseTransfers");

            migrationBuilder.DropTable(
                name: "ImportedSubmissions");

            migrationBuilder.DropTable(
                name: "ProtectionTeamMembers");

            migrationBuilder.DropTable(
                name: "Partners");

            migrationBuilder.DropTable(
                name: "ProtectionCases");

            migrationBuilder.DropTable(
                name: "ProtectionTeams");
        }
    }
}
