using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduPortal.Data.Migrations.Sqlite.Migrations
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    SchoolPath = table.Column<string>(type: "TEXT", unicode: false, maxLength: 200, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EntryDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    FileKey = table.Column<string>(type: "TEXT", unicode: false, maxLength: 200, nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    RecordedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CountyUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    CountyName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    CountyPath = table.Column<string>(type: "TEXT", unicode: false, maxLength: 200, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Practices = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Highlights = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Suggestions = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Problems = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SubmittedByName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Reply = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RepliedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RepliedByName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    HandledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    HandledByName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    SchoolPath = table.Column<string>(type: "TEXT", unicode: false, maxLength: 200, nullable: false),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    ClassroomId = table.Column<int>(type: "INTEGER", nullable: true),
                    ClassroomName = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    TaughtOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Periods = table.Column<int>(type: "INTEGER", nullable: false),
                    TeacherId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    TeacherName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Organiser = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Hours = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: false),
                    OwnerOrgId = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerPath = table.Column<string>(type: "TEXT", unicode: false, maxLength: 200, nullable: false),
                    RecordedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StoredPath = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UploadedByName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    CountyFeedbackId = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TrainingId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    SchoolName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    SchoolPath = table.Column<string>(type: "TEXT", unicode: false, maxLength: 200, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Hours = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: false)
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
