using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace EduPortal.Data.Migrations.PostgreSql.Migrations
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    SchoolPath = table.Column<string>(type: "character varying(200)", unicode: false, maxLength: 200, nullable: false),
                    Start = table.Column<DateOnly>(type: "date", nullable: false),
                    End = table.Column<DateOnly>(type: "date", nullable: false),
                    Thresholds_ArticleOriginalPercent = table.Column<int>(type: "integer", nullable: false),
                    Thresholds_Courseware = table.Column<int>(type: "integer", nullable: false),
                    Thresholds_LessonPlans = table.Column<int>(type: "integer", nullable: false),
                    Thresholds_Videos = table.Column<int>(type: "integer", nullable: false),
                    Thresholds_OtherResources = table.Column<int>(type: "integer", nullable: false),
                    Thresholds_ResourceOriginalPercent = table.Column<int>(type: "integer", nullable: false),
                    Thresholds_Photos = table.Column<int>(type: "integer", nullable: false),
                    Thresholds_Albums = table.Column<int>(type: "integer", nullable: false),
                    Thresholds_HomepageModules = table.Column<int>(type: "integer", nullable: false),
                    Thresholds_Apps = table.Column<int>(type: "integer", nullable: false),
                    Thresholds_LoginsPerWeek = table.Column<int>(type: "integer", nullable: false),
                    Thresholds_Points = table.Column<int>(type: "integer", nullable: false),
                    FirstPlaces = table.Column<int>(type: "integer", nullable: false),
                    SecondPlaces = table.Column<int>(type: "integer", nullable: false),
                    ThirdPlaces = table.Column<int>(type: "integer", nullable: false),
                    OpenedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AwardedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TermId = table.Column<int>(type: "integer", nullable: false),
                    TeacherId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    TeacherName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: false),
                    Qualified = table.Column<bool>(type: "boolean", nullable: false),
                    Points = table.Column<int>(type: "integer", nullable: false),
                    Exceeded = table.Column<int>(type: "integer", nullable: false),
                    RuleTier = table.Column<int>(type: "integer", nullable: false),
                    TiedAtBoundary = table.Column<bool>(type: "boolean", nullable: false),
                    Tier = table.Column<int>(type: "integer", nullable: false),
                    OverrideNote = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    OverriddenByName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    OverriddenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TermId = table.Column<int>(type: "integer", nullable: false),
                    TeacherId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Target = table.Column<int>(type: "integer", nullable: false),
                    Summary = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Evidence = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    EnteredById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    EnteredByName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    EnteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TermId = table.Column<int>(type: "integer", nullable: false),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    TeacherId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Articles = table.Column<int>(type: "integer", nullable: true),
                    OriginalArticles = table.Column<int>(type: "integer", nullable: true),
                    ProfileConfirmed = table.Column<bool>(type: "boolean", nullable: true),
                    Courseware = table.Column<int>(type: "integer", nullable: true),
                    LessonPlans = table.Column<int>(type: "integer", nullable: true),
                    Videos = table.Column<int>(type: "integer", nullable: true),
                    OtherResources = table.Column<int>(type: "integer", nullable: true),
                    OriginalResources = table.Column<int>(type: "integer", nullable: true),
                    Photos = table.Column<int>(type: "integer", nullable: true),
                    Albums = table.Column<int>(type: "integer", nullable: true),
                    HeaderSet = table.Column<bool>(type: "boolean", nullable: true),
                    BackgroundSet = table.Column<bool>(type: "boolean", nullable: true),
                    HomepageModules = table.Column<int>(type: "integer", nullable: true),
                    Apps = table.Column<int>(type: "integer", nullable: true),
                    ManualTargets = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
