using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Panah.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ClassesMatchNodesIncrementalRunsStockStripes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_StockBalances",
                table: "StockBalances");

            migrationBuilder.AddColumn<short>(
                name: "Stripe",
                table: "StockBalances",
                type: "smallint",
                nullable: false,
                defaultValue: (short)0);

            migrationBuilder.AddColumn<int>(
                name: "Compared",
                table: "DuplicateRuns",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "Incremental",
                table: "DuplicateRuns",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Model",
                table: "DuplicateRuns",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReadAt",
                table: "DuplicateRuns",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddPrimaryKey(
                name: "PK_StockBalances",
                table: "StockBalances",
                columns: new[] { "LocationId", "CommodityId", "Batch", "Stripe" });

            migrationBuilder.CreateTable(
                name: "ClassApplications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    FieldOfficeId = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    PlacementScore = table.Column<int>(type: "integer", nullable: true),
                    SiteOfficeId = table.Column<int>(type: "integer", nullable: true),
                    TimeOfDay = table.Column<int>(type: "integer", nullable: true),
                    WomenOnly = table.Column<bool>(type: "boolean", nullable: false),
                    CrecheChildren = table.Column<int>(type: "integer", nullable: false),
                    ResidencePermitNeedsTurkish = table.Column<bool>(type: "boolean", nullable: false),
                    WorkNeedsTurkish = table.Column<bool>(type: "boolean", nullable: false),
                    IsWoman = table.Column<bool>(type: "boolean", nullable: false),
                    WomanHeadOfHousehold = table.Column<bool>(type: "boolean", nullable: false),
                    RepeatsLevel = table.Column<bool>(type: "boolean", nullable: false),
                    AppliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClassApplications", x => x.Id);
                    table.CheckConstraint("CK_ClassApplications_Creche", "\"CrecheChildren\" >= 0");
                    table.ForeignKey(
                        name: "FK_ClassApplications_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ClassApplications_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Courses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    GuidedHours = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Courses", x => x.Id);
                    table.CheckConstraint("CK_Courses_GuidedHours", "\"GuidedHours\" > 0");
                });

            migrationBuilder.CreateTable(
                name: "HouseholdMergeFoodChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HouseholdDuplicateId = table.Column<Guid>(type: "uuid", nullable: false),
                    Change = table.Column<int>(type: "integer", nullable: false),
                    RowId = table.Column<Guid>(type: "uuid", nullable: false),
                    StatusBefore = table.Column<int>(type: "integer", nullable: false),
                    ReasonBefore = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    FieldOfficeBefore = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HouseholdMergeFoodChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HouseholdMergeFoodChanges_HouseholdDuplicates_HouseholdDupl~",
                        column: x => x.HouseholdDuplicateId,
                        principalTable: "HouseholdDuplicates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MatchIndexChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatchIndexChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ClassSections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CourseId = table.Column<int>(type: "integer", nullable: false),
                    FieldOfficeId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TeacherId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    MinimumToOpen = table.Column<int>(type: "integer", nullable: false),
                    WomenOnly = table.Column<bool>(type: "boolean", nullable: false),
                    CrechePlaces = table.Column<int>(type: "integer", nullable: false),
                    TimeOfDay = table.Column<int>(type: "integer", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClassSections", x => x.Id);
                    table.CheckConstraint("CK_ClassSections_Capacity", "\"Capacity\" > 0 AND \"MinimumToOpen\" >= 0 AND \"CrechePlaces\" >= 0");
                    table.CheckConstraint("CK_ClassSections_Dates", "\"EndsOn\" >= \"StartsOn\"");
                    table.ForeignKey(
                        name: "FK_ClassSections_AspNetUsers_TeacherId",
                        column: x => x.TeacherId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ClassSections_Courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "Courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ClassSections_FieldOffices_FieldOfficeId",
                        column: x => x.FieldOfficeId,
                        principalTable: "FieldOffices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ClassSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SectionId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    StartsAt = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    Hours = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClassSessions", x => x.Id);
                    table.CheckConstraint("CK_ClassSessions_Hours", "\"Hours\" > 0");
                    table.ForeignKey(
                        name: "FK_ClassSessions_ClassSections_SectionId",
                        column: x => x.SectionId,
                        principalTable: "ClassSections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Enrolments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SectionId = table.Column<int>(type: "integer", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    FieldOfficeId = table.Column<int>(type: "integer", nullable: false),
                    SeatNumber = table.Column<int>(type: "integer", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CrecheChildren = table.Column<int>(type: "integer", nullable: false),
                    OfferedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OfferDeadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EnrolledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Enrolments", x => x.Id);
                    table.CheckConstraint("CK_Enrolments_Seat", "\"SeatNumber\" IS NULL OR \"SeatNumber\" > 0");
                    table.ForeignKey(
                        name: "FK_Enrolments_ClassApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "ClassApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Enrolments_ClassSections_SectionId",
                        column: x => x.SectionId,
                        principalTable: "ClassSections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Enrolments_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AttendanceMarks",
                columns: table => new
                {
                    SessionId = table.Column<int>(type: "integer", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    SectionId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    FieldOfficeId = table.Column<int>(type: "integer", nullable: false),
                    Mark = table.Column<int>(type: "integer", nullable: false),
                    MarkedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    MarkedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttendanceMarks", x => new { x.SessionId, x.EnrolmentId });
                    table.ForeignKey(
                        name: "FK_AttendanceMarks_ClassSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "ClassSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AttendanceMarks_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Certificates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    SectionId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    FieldOfficeId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    VerificationToken = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    HolderInitials = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    RevokedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Certificates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Certificates_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExamResults",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    SectionId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    FieldOfficeId = table.Column<int>(type: "integer", nullable: false),
                    Skill = table.Column<int>(type: "integer", nullable: false),
                    Attempt = table.Column<int>(type: "integer", nullable: false),
                    Score = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    MaxScore = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    TakenOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExamResults", x => x.Id);
                    table.CheckConstraint("CK_ExamResults_Score", "\"Score\" >= 0 AND \"MaxScore\" > 0 AND \"Score\" <= \"MaxScore\" AND \"Attempt\" >= 1");
                    table.ForeignKey(
                        name: "FK_ExamResults_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FollowUps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    SectionId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    FieldOfficeId = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<int>(type: "integer", nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DoneAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Outcome = table.Column<int>(type: "integer", nullable: true),
                    DoneBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUps_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceMarks_EnrolmentId",
                table: "AttendanceMarks",
                column: "EnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_EnrolmentId",
                table: "Certificates",
                column: "EnrolmentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_Number",
                table: "Certificates",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_VerificationToken",
                table: "Certificates",
                column: "VerificationToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ClassApplications_FieldOfficeId_Level_Status",
                table: "ClassApplications",
                columns: new[] { "FieldOfficeId", "Level", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ClassApplications_HouseholdId",
                table: "ClassApplications",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_ClassApplications_PersonId",
                table: "ClassApplications",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ClassSections_CourseId",
                table: "ClassSections",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_ClassSections_FieldOfficeId_Status",
                table: "ClassSections",
                columns: new[] { "FieldOfficeId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ClassSections_TeacherId",
                table: "ClassSections",
                column: "TeacherId");

            migrationBuilder.CreateIndex(
                name: "IX_ClassSessions_SectionId_Date_StartsAt",
                table: "ClassSessions",
                columns: new[] { "SectionId", "Date", "StartsAt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Courses_Name",
                table: "Courses",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_ApplicationId",
                table: "Enrolments",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_HouseholdId",
                table: "Enrolments",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_PersonId",
                table: "Enrolments",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_SectionId_SeatNumber",
                table: "Enrolments",
                columns: new[] { "SectionId", "SeatNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExamResults_EnrolmentId_Skill_Attempt",
                table: "ExamResults",
                columns: new[] { "EnrolmentId", "Skill", "Attempt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_EnrolmentId",
                table: "FollowUps",
                column: "EnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_SectionId_DoneAt",
                table: "FollowUps",
                columns: new[] { "SectionId", "DoneAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdMergeFoodChanges_HouseholdDuplicateId",
                table: "HouseholdMergeFoodChanges",
                column: "HouseholdDuplicateId");

            migrationBuilder.CreateIndex(
                name: "IX_MatchIndexChanges_At",
                table: "MatchIndexChanges",
                column: "At");

            // The change feed that keeps every app node's match index current (trigger and NOTIFY on PostgreSQL).
            Panah.Data.Matching.MatchIndexSql.Up(migrationBuilder, postgres: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Panah.Data.Matching.MatchIndexSql.Down(migrationBuilder, postgres: true);

            migrationBuilder.DropTable(
                name: "AttendanceMarks");

            migrationBuilder.DropTable(
                name: "Certificates");

            migrationBuilder.DropTable(
                name: "ExamResults");

            migrationBuilder.DropTable(
                name: "FollowUps");

            migrationBuilder.DropTable(
                name: "HouseholdMergeFoodChanges");

            migrationBuilder.DropTable(
                name: "MatchIndexChanges");

            migrationBuilder.DropTable(
                name: "ClassSessions");

            migrationBuilder.DropTable(
                name: "Enrolments");

            migrationBuilder.DropTable(
                name: "ClassApplications");

            migrationBuilder.DropTable(
                name: "ClassSections");

            migrationBuilder.DropTable(
                name: "Courses");

            migrationBuilder.DropPrimaryKey(
                name: "PK_StockBalances",
                table: "StockBalances");

            migrationBuilder.DropColumn(
                name: "Stripe",
                table: "StockBalances");

            migrationBuilder.DropColumn(
                name: "Compared",
                table: "DuplicateRuns");

            migrationBuilder.DropColumn(
                name: "Incremental",
                table: "DuplicateRuns");

            migrationBuilder.DropColumn(
                name: "Model",
                table: "DuplicateRuns");

            migrationBuilder.DropColumn(
                name: "ReadAt",
                table: "DuplicateRuns");

            migrationBuilder.AddPrimaryKey(
                name: "PK_StockBalances",
                table: "StockBalances",
                columns: new[] { "LocationId", "CommodityId", "Batch" });
        }
    }
}
