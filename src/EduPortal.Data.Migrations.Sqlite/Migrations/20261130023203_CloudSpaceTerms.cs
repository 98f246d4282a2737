using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduPortal.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CloudSpaceTerms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CloudSpaceTerms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    SchoolPath = table.Column<string>(type: "TEXT", unicode: false, maxLength: 200, nullable: false),
                    Start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    End = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Thresholds_ArticleOriginalPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    Thresholds_Courseware = table.Column<int>(type: "INTEGER", nullable: false),
                    Thresholds_LessonPlans = table.Column<int>(type: "INTEGER", nullable: false),
                    Thresholds_Videos = table.Column<int>(type: "INTEGER", nullable: false),
                    Thresholds_OtherResources = table.Column<int>(type: "INTEGER", nullable: false),
                    Thresholds_ResourceOriginalPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    Thresholds_Photos = table.Column<int>(type: "INTEGER", nullable: false),
                    Thresholds_Albums = table.Column<int>(type: "INTEGER", nullable: false),
                    Thresholds_HomepageModules = table.Column<int>(type: "INTEGER", nullable: false),
                    Thresholds_Apps = table.Column<int>(type: "INTEGER", nullable: false),
                    Thresholds_LoginsPerWeek = table.Column<int>(type: "INTEGER", nullable: false),
                    Thresholds_Points = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstPlaces = table.Column<int>(type: "INTEGER", nullable: false),
                    SecondPlaces = table.Column<int>(type: "INTEGER", nullable: false),
                    ThirdPlaces = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AwardedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CloudSpaceTerms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CloudSpaceTerms_OrgUnits_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CloudSpaceAwards",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TermId = table.Column<int>(type: "INTEGER", nullable: false),
                    TeacherId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    TeacherName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    Qualified = table.Column<bool>(type: "INTEGER", nullable: false),
                    Points = table.Column<int>(type: "INTEGER", nullable: false),
                    Exceeded = table.Column<int>(type: "INTEGER", nullable: false),
                    RuleTier = table.Column<int>(type: "INTEGER", nullable: false),
                    TiedAtBoundary = table.Column<bool>(type: "INTEGER", nullable: false),
                    Tier = table.Column<int>(type: "INTEGER", nullable: false),
                    OverrideNote = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    OverriddenByName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    OverriddenAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CloudSpaceAwards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CloudSpaceAwards_CloudSpaceTerms_TermId",
                        column: x => x.TermId,
                        principalTable: "CloudSpaceTerms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CloudSpaceManualEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TermId = table.Column<int>(type: "INTEGER", nullable: false),
                    TeacherId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Target = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    EnteredById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    EnteredByName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    EnteredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CloudSpaceManualEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CloudSpaceManualEntries_CloudSpaceTerms_TermId",
                        column: x => x.TermId,
                        principalTable: "CloudSpaceTerms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CloudSpaceStatistics",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TermId = table.Column<int>(type: "INTEGER", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    TeacherId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Articles = table.Column<int>(type: "INTEGER", nullable: true),
                    OriginalArticles = table.Column<int>(type: "INTEGER", nullable: true),
                    ProfileConfirmed = table.Column<bool>(type: "INTEGER", nullable: true),
                    Courseware = table.Column<int>(type: "INTEGER", nullable: true),
                    LessonPlans = table.Column<int>(type: "INTEGER", nullable: true),
                    Videos = table.Column<int>(type: "INTEGER", nullable: true),
                    OtherResources = table.Column<int>(type: "INTEGER", nullable: true),
                    OriginalResources = table.Column<int>(type: "INTEGER", nullable: true),
                    Photos = table.Column<int>(type: "INTEGER", nullable: true),
                    Albums = table.Column<int>(type: "INTEGER", nullable: true),
                    HeaderSet = table.Column<bool>(type: "INTEGER", nullable: true),
                    BackgroundSet = table.Column<bool>(type: "INTEGER", nullable: true),
                    HomepageModules = table.Column<int>(type: "INTEGER", nullable: true),
                    Apps = table.Column<int>(type: "INTEGER", nullable: true),
                    ManualTargets = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CloudSpaceStatistics", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CloudSpaceStatistics_AspNetUsers_TeacherId",
                        column: x => x.TeacherId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CloudSpaceStatistics_CloudSpaceTerms_TermId",
                        column: x => x.TermId,
                        principalTable: "CloudSpaceTerms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CloudSpaceAwards_TermId_TeacherId",
                table: "CloudSpaceAwards",
                columns: new[] { "TermId", "TeacherId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CloudSpaceManualEntries_TermId_TeacherId",
                table: "CloudSpaceManualEntries",
                columns: new[] { "TermId", "TeacherId" });

            migrationBuilder.CreateIndex(
                name: "IX_CloudSpaceStatistics_TeacherId_TermId",
                table: "CloudSpaceStatistics",
                columns: new[] { "TeacherId", "TermId" });

            migrationBuilder.CreateIndex(
                name: "IX_CloudSpaceStatistics_TermId_TeacherId",
                table: "CloudSpaceStatistics",
                columns: new[] { "TermId", "TeacherId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CloudSpaceTerms_SchoolId_Start",
                table: "CloudSpaceTerms",
                columns: new[] { "SchoolId", "Start" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CloudSpaceTerms_Start_SchoolPath",
                table: "CloudSpaceTerms",
                columns: new[] { "Start", "SchoolPath" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CloudSpaceAwards");

            migrationBuilder.DropTable(
                name: "CloudSpaceManualEntries");

            migrationBuilder.DropTable(
                name: "CloudSpaceStatistics");

            migrationBuilder.DropTable(
                name: "CloudSpaceTerms");
        }
    }
}
