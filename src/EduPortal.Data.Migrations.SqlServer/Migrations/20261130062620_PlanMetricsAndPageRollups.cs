using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduPortal.Data.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class PlanMetricsAndPageRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LabDayTallies",
                columns: table => new
                {
                    CountyId = table.Column<int>(type: "int", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Subject = table.Column<int>(type: "int", nullable: false),
                    Records = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LabDayTallies", x => new { x.CountyId, x.Day, x.Subject });
                });

            migrationBuilder.CreateTable(
                name: "LabExperimentTermTallies",
                columns: table => new
                {
                    TermStart = table.Column<DateOnly>(type: "date", nullable: false),
                    SchoolId = table.Column<int>(type: "int", nullable: false),
                    ExperimentId = table.Column<int>(type: "int", nullable: false),
                    CountyId = table.Column<int>(type: "int", nullable: false),
                    Records = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LabExperimentTermTallies", x => new { x.TermStart, x.SchoolId, x.ExperimentId });
                });

            migrationBuilder.CreateTable(
                name: "LabTeacherTermTallies",
                columns: table => new
                {
                    TermStart = table.Column<DateOnly>(type: "date", nullable: false),
                    SchoolId = table.Column<int>(type: "int", nullable: false),
                    TeacherId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    CountyId = table.Column<int>(type: "int", nullable: false),
                    Records = table.Column<int>(type: "int", nullable: false),
                    LastLessonDate = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LabTeacherTermTallies", x => new { x.TermStart, x.SchoolId, x.TeacherId });
                });

            migrationBuilder.CreateTable(
                name: "PlanTargetEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PlanTargetId = table.Column<int>(type: "int", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Value = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    EvidenceNote = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    EvidenceLink = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    EnteredById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    EnteredByName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    EnteredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CorrectsEntryId = table.Column<int>(type: "int", nullable: true),
                    SupersededAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    SupersededByName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanTargetEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanTargetEntries_PlanTargetEntries_CorrectsEntryId",
                        column: x => x.CorrectsEntryId,
                        principalTable: "PlanTargetEntries",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_PlanTargetEntries_PlanTargets_PlanTargetId",
                        column: x => x.PlanTargetId,
                        principalTable: "PlanTargets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanTargetEntryFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PlanTargetEntryId = table.Column<int>(type: "int", nullable: false),
                    StoredPath = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    ContentType = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    UploadedByName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanTargetEntryFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanTargetEntryFiles_PlanTargetEntries_PlanTargetEntryId",
                        column: x => x.PlanTargetEntryId,
                        principalTable: "PlanTargetEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PlanTasks_ResponsibleUnitPath",
                table: "PlanTasks",
                column: "ResponsibleUnitPath");

            migrationBuilder.CreateIndex(
                name: "IX_PlanTargets_ScopePath",
                table: "PlanTargets",
                column: "ScopePath");

            migrationBuilder.CreateIndex(
                name: "IX_LabDayTallies_Day_Subject_Records",
                table: "LabDayTallies",
                columns: new[] { "Day", "Subject", "Records" });

            migrationBuilder.CreateIndex(
                name: "IX_LabExperimentTermTallies_TermStart_CountyId",
                table: "LabExperimentTermTallies",
                columns: new[] { "TermStart", "CountyId" });

            migrationBuilder.CreateIndex(
                name: "IX_LabTeacherTermTallies_TermStart_CountyId",
                table: "LabTeacherTermTallies",
                columns: new[] { "TermStart", "CountyId" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanTargetEntries_CorrectsEntryId",
                table: "PlanTargetEntries",
                column: "CorrectsEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanTargetEntries_PlanTargetId_Date",
                table: "PlanTargetEntries",
                columns: new[] { "PlanTargetId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanTargetEntryFiles_PlanTargetEntryId",
                table: "PlanTargetEntryFiles",
                column: "PlanTargetEntryId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LabDayTallies");

            migrationBuilder.DropTable(
                name: "LabExperimentTermTallies");

            migrationBuilder.DropTable(
                name: "LabTeacherTermTallies");

            migrationBuilder.DropTable(
                name: "PlanTargetEntryFiles");

            migrationBuilder.DropTable(
                name: "PlanTargetEntries");

            migrationBuilder.DropIndex(
                name: "IX_PlanTasks_ResponsibleUnitPath",
                table: "PlanTasks");

            migrationBuilder.DropIndex(
                name: "IX_PlanTargets_ScopePath",
                table: "PlanTargets");
        }
    }
}
