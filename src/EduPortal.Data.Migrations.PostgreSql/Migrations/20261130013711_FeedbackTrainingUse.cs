using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace EduPortal.Data.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class FeedbackTrainingUse : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ArchiveDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    SchoolPath = table.Column<string>(type: "character varying(200)", unicode: false, maxLength: 200, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EntryDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Content = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    FileKey = table.Column<string>(type: "character varying(200)", unicode: false, maxLength: 200, nullable: true),
                    FileName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    RecordedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    RecordedByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArchiveDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ArchiveDocuments_OrgUnits_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CountyFeedback",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CountyUnitId = table.Column<int>(type: "integer", nullable: false),
                    CountyName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    CountyPath = table.Column<string>(type: "character varying(200)", unicode: false, maxLength: 200, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Practices = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Highlights = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Suggestions = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Problems = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SubmittedByName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Reply = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RepliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RepliedByName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    HandledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    HandledByName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CountyFeedback", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CountyFeedback_OrgUnits_CountyUnitId",
                        column: x => x.CountyUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SmartboardLessons",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    SchoolPath = table.Column<string>(type: "character varying(200)", unicode: false, maxLength: 200, nullable: false),
                    CountyId = table.Column<int>(type: "integer", nullable: false),
                    ClassroomId = table.Column<int>(type: "integer", nullable: true),
                    ClassroomName = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Subject = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    TaughtOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Periods = table.Column<int>(type: "integer", nullable: false),
                    TeacherId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    TeacherName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SmartboardLessons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SmartboardLessons_Classrooms_ClassroomId",
                        column: x => x.ClassroomId,
                        principalTable: "Classrooms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_SmartboardLessons_OrgUnits_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrainingRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Organiser = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Hours = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: false),
                    OwnerOrgId = table.Column<int>(type: "integer", nullable: false),
                    OwnerPath = table.Column<string>(type: "character varying(200)", unicode: false, maxLength: 200, nullable: false),
                    RecordedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    RecordedByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingRecords_OrgUnits_OwnerOrgId",
                        column: x => x.OwnerOrgId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CountyFeedbackAttachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StoredPath = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    FileName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UploadedByName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CountyFeedbackId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CountyFeedbackAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CountyFeedbackAttachments_CountyFeedback_CountyFeedbackId",
                        column: x => x.CountyFeedbackId,
                        principalTable: "CountyFeedback",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrainingAttendances",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TrainingId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    SchoolName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    SchoolPath = table.Column<string>(type: "character varying(200)", unicode: false, maxLength: 200, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Hours = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingAttendances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingAttendances_OrgUnits_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrainingAttendances_TrainingRecords_TrainingId",
                        column: x => x.TrainingId,
                        principalTable: "TrainingRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ArchiveDocuments_SchoolId_Kind_EntryDate",
                table: "ArchiveDocuments",
                columns: new[] { "SchoolId", "Kind", "EntryDate" });

            migrationBuilder.CreateIndex(
                name: "IX_CountyFeedback_CountyUnitId_Year_Month",
                table: "CountyFeedback",
                columns: new[] { "CountyUnitId", "Year", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CountyFeedback_Year_Month",
                table: "CountyFeedback",
                columns: new[] { "Year", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_CountyFeedbackAttachments_CountyFeedbackId",
                table: "CountyFeedbackAttachments",
                column: "CountyFeedbackId");

            migrationBuilder.CreateIndex(
                name: "IX_SmartboardLessons_ClassroomId",
                table: "SmartboardLessons",
                column: "ClassroomId");

            migrationBuilder.CreateIndex(
                name: "IX_SmartboardLessons_CountyId_TaughtOn",
                table: "SmartboardLessons",
                columns: new[] { "CountyId", "TaughtOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SmartboardLessons_SchoolId_TaughtOn",
                table: "SmartboardLessons",
                columns: new[] { "SchoolId", "TaughtOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SmartboardLessons_SchoolPath",
                table: "SmartboardLessons",
                column: "SchoolPath");

            migrationBuilder.CreateIndex(
                name: "IX_SmartboardLessons_TeacherId_TaughtOn",
                table: "SmartboardLessons",
                columns: new[] { "TeacherId", "TaughtOn" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingAttendances_SchoolId",
                table: "TrainingAttendances",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingAttendances_SchoolPath_HeldOn",
                table: "TrainingAttendances",
                columns: new[] { "SchoolPath", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingAttendances_TrainingId_UserId",
                table: "TrainingAttendances",
                columns: new[] { "TrainingId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingAttendances_UserId_HeldOn",
                table: "TrainingAttendances",
                columns: new[] { "UserId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingRecords_OwnerOrgId",
                table: "TrainingRecords",
                column: "OwnerOrgId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingRecords_OwnerPath_HeldOn",
                table: "TrainingRecords",
                columns: new[] { "OwnerPath", "HeldOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ArchiveDocuments");

            migrationBuilder.DropTable(
                name: "CountyFeedbackAttachments");

            migrationBuilder.DropTable(
                name: "SmartboardLessons");

            migrationBuilder.DropTable(
                name: "TrainingAttendances");

            migrationBuilder.DropTable(
                name: "CountyFeedback");

            migrationBuilder.DropTable(
                name: "TrainingRecords");
        }
    }
}
