using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduPortal.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PageRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LabDayTallies",
                columns: table => new
                {
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Subject = table.Column<int>(type: "INTEGER", nullable: false),
                    Records = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LabDayTallies", x => new { x.CountyId, x.Day, x.Subject });
                });

            migrationBuilder.CreateTable(
                name: "LabExperimentTermTallies",
                columns: table => new
                {
                    TermStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    ExperimentId = table.Column<int>(type: "INTEGER", nullable: false),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Records = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LabExperimentTermTallies", x => new { x.TermStart, x.SchoolId, x.ExperimentId });
                });

            migrationBuilder.CreateTable(
                name: "LabTeacherTermTallies",
                columns: table => new
                {
                    TermStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    TeacherId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Records = table.Column<int>(type: "INTEGER", nullable: false),
                    LastLessonDate = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LabTeacherTermTallies", x => new { x.TermStart, x.SchoolId, x.TeacherId });
                });

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
        }
    }
}
