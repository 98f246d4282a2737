using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace EduPortal.Data.Migrations.PostgreSql.Migrations
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlatformName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Source = table.Column<string>(type: "character varying(40)", unicode: false, maxLength: 40, nullable: false),
                    KeyHash = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    KeyPrefix = table.Column<string>(type: "character varying(10)", unicode: false, maxLength: 10, nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IssuedByName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevokedByName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointApiKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PointAwards",
                columns: table => new
                {
                    EventId = table.Column<long>(type: "bigint", nullable: false),
                    TeacherId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Points = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointAwards", x => x.EventId);
                });

            migrationBuilder.CreateTable(
                name: "PointDirtyTeachers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TeacherId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointDirtyTeachers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PointEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TeacherId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Type = table.Column<string>(type: "character varying(40)", unicode: false, maxLength: 40, nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Source = table.Column<string>(type: "character varying(40)", unicode: false, maxLength: 40, nullable: false),
                    ExternalId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: true),
                    SecondaryQuantity = table.Column<int>(type: "integer", nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RequestedByName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    TeachersDone = table.Column<int>(type: "integer", nullable: false),
                    TeachersTotal = table.Column<int>(type: "integer", nullable: false),
                    EventsDone = table.Column<long>(type: "bigint", nullable: false),
                    Failure = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointRecomputeRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PointRuleSetVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    PointsPerHour = table.Column<int>(type: "integer", nullable: false),
                    RulesJson = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointRuleSetVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PointTeacherTotals",
                columns: table => new
                {
                    TeacherId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Total = table.Column<int>(type: "integer", nullable: false),
                    SpaceBuilding = table.Column<int>(type: "integer", nullable: false),
                    TeachingApplication = table.Column<int>(type: "integer", nullable: false),
                    Interaction = table.Column<int>(type: "integer", nullable: false),
                    TeacherTraining = table.Column<int>(type: "integer", nullable: false),
                    CampusManagement = table.Column<int>(type: "integer", nullable: false),
                    EventCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointTeacherTotals", x => new { x.TeacherId, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "PointTeacherWeeks",
                columns: table => new
                {
                    TeacherId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    WeekStart = table.Column<DateOnly>(type: "date", nullable: false),
                    Points = table.Column<int>(type: "integer", nullable: false)
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
