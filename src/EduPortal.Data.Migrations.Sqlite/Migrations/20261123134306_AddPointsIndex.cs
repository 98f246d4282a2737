using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduPortal.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddPointsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PointApiKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlatformName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Source = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    KeyHash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    KeyPrefix = table.Column<string>(type: "TEXT", unicode: false, maxLength: 10, nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IssuedByName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedByName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointApiKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PointAwards",
                columns: table => new
                {
                    EventId = table.Column<long>(type: "INTEGER", nullable: false),
                    TeacherId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Points = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointAwards", x => x.EventId);
                });

            migrationBuilder.CreateTable(
                name: "PointDirtyTeachers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TeacherId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointDirtyTeachers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PointEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TeacherId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Type = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: true),
                    SecondaryQuantity = table.Column<int>(type: "INTEGER", nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PointEvents_AspNetUsers_TeacherId",
                        column: x => x.TeacherId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PointRecomputeRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestedByName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    TeachersDone = table.Column<int>(type: "INTEGER", nullable: false),
                    TeachersTotal = table.Column<int>(type: "INTEGER", nullable: false),
                    EventsDone = table.Column<long>(type: "INTEGER", nullable: false),
                    Failure = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointRecomputeRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PointRuleSetVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PointsPerHour = table.Column<int>(type: "INTEGER", nullable: false),
                    RulesJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointRuleSetVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PointTeacherTotals",
                columns: table => new
                {
                    TeacherId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    SpaceBuilding = table.Column<int>(type: "INTEGER", nullable: false),
                    TeachingApplication = table.Column<int>(type: "INTEGER", nullable: false),
                    Interaction = table.Column<int>(type: "INTEGER", nullable: false),
                    TeacherTraining = table.Column<int>(type: "INTEGER", nullable: false),
                    CampusManagement = table.Column<int>(type: "INTEGER", nullable: false),
                    EventCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointTeacherTotals", x => new { x.TeacherId, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "PointTeacherWeeks",
                columns: table => new
                {
                    TeacherId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    WeekStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Points = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointTeacherWeeks", x => new { x.TeacherId, x.Year, x.WeekStart });
                });

            migrationBuilder.CreateIndex(
                name: "IX_PointApiKeys_KeyHash",
                table: "PointApiKeys",
                column: "KeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PointAwards_TeacherId_Year_Day_Points",
                table: "PointAwards",
                columns: new[] { "TeacherId", "Year", "Day", "Points" });

            migrationBuilder.CreateIndex(
                name: "IX_PointEvents_Source_ExternalId",
                table: "PointEvents",
                columns: new[] { "Source", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PointEvents_TeacherId_OccurredAt",
                table: "PointEvents",
                columns: new[] { "TeacherId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PointRecomputeRuns_Year",
                table: "PointRecomputeRuns",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_PointRuleSetVersions_Year_Version",
                table: "PointRuleSetVersions",
                columns: new[] { "Year", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PointTeacherTotals_Year_Total",
                table: "PointTeacherTotals",
                columns: new[] { "Year", "Total" });

            migrationBuilder.CreateIndex(
                name: "IX_PointTeacherWeeks_Year_WeekStart_Points",
                table: "PointTeacherWeeks",
                columns: new[] { "Year", "WeekStart", "Points" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PointApiKeys");

            migrationBuilder.DropTable(
                name: "PointAwards");

            migrationBuilder.DropTable(
                name: "PointDirtyTeachers");

            migrationBuilder.DropTable(
                name: "PointEvents");

            migrationBuilder.DropTable(
                name: "PointRecomputeRuns");

            migrationBuilder.DropTable(
                name: "PointRuleSetVersions");

            migrationBuilder.DropTable(
                name: "PointTeacherTotals");

            migrationBuilder.DropTable(
                name: "PointTeacherWeeks");
        }
    }
}
