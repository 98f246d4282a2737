using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace EduPortal.Data.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class CloudSpaceAwards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AwardRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    CountyId = table.Column<int>(type: "integer", nullable: false),
                    CountyPath = table.Column<string>(type: "character varying(200)", unicode: false, maxLength: 200, nullable: false),
                    CountyName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    NominationStart = table.Column<DateOnly>(type: "date", nullable: false),
                    NominationEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    ReviewStart = table.Column<DateOnly>(type: "date", nullable: false),
                    ReviewEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    CommendationStart = table.Column<DateOnly>(type: "date", nullable: false),
                    CommendationEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    DeepFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    DeepTo = table.Column<DateOnly>(type: "date", nullable: false),
                    CommentBelow = table.Column<int>(type: "integer", nullable: false),
                    TrimFromExperts = table.Column<int>(type: "integer", nullable: false),
                    FirstPrizes = table.Column<int>(type: "integer", nullable: false),
                    SecondPrizes = table.Column<int>(type: "integer", nullable: false),
                    ThirdPrizes = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    DeepComputedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PublishedByName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AwardRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AwardRounds_OrgUnits_CountyId",
                        column: x => x.CountyId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AwardEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    SchoolPath = table.Column<string>(type: "character varying(200)", unicode: false, maxLength: 200, nullable: false),
                    SchoolName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    TeacherId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    TeacherName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    SpaceUrl = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    NominatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NominatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    NominatedByName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Score = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    TieBreak = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: true),
                    Tier = table.Column<int>(type: "integer", nullable: false),
                    TiedAtBoundary = table.Column<bool>(type: "boolean", nullable: false),
                    OverrideTier = table.Column<int>(type: "integer", nullable: true),
                    OverrideNote = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AwardEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AwardEntries_AwardRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "AwardRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AwardEntries_OrgUnits_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AwardAssignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    EntryId = table.Column<int>(type: "integer", nullable: false),
                    ExpertId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ExpertName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AssignedByName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AwardAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AwardAssignments_AwardEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "AwardEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AwardScores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    EntryId = table.Column<int>(type: "integer", nullable: false),
                    ExpertId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ExpertName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Layout = table.Column<int>(type: "integer", nullable: false),
                    Application = table.Column<int>(type: "integer", nullable: false),
                    Effect = table.Column<int>(type: "integer", nullable: false),
                    Innovation = table.Column<int>(type: "integer", nullable: false),
                    Comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ScoredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AwardScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AwardScores_AwardEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "AwardEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AwardAssignments_EntryId_ExpertId",
                table: "AwardAssignments",
                columns: new[] { "EntryId", "ExpertId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AwardAssignments_ExpertId_RoundId",
                table: "AwardAssignments",
                columns: new[] { "ExpertId", "RoundId" });

            migrationBuilder.CreateIndex(
                name: "IX_AwardEntries_RoundId_Kind_SchoolId_TeacherId",
                table: "AwardEntries",
                columns: new[] { "RoundId", "Kind", "SchoolId", "TeacherId" });

            migrationBuilder.CreateIndex(
                name: "IX_AwardEntries_SchoolId",
                table: "AwardEntries",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_AwardEntries_SchoolPath",
                table: "AwardEntries",
                column: "SchoolPath");

            migrationBuilder.CreateIndex(
                name: "IX_AwardRounds_CountyId_Year",
                table: "AwardRounds",
                columns: new[] { "CountyId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_AwardRounds_CountyPath",
                table: "AwardRounds",
                column: "CountyPath");

            migrationBuilder.CreateIndex(
                name: "IX_AwardScores_EntryId_ExpertId",
                table: "AwardScores",
                columns: new[] { "EntryId", "ExpertId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AwardScores_RoundId",
                table: "AwardScores",
                column: "RoundId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AwardAssignments");

            migrationBuilder.DropTable(
                name: "AwardScores");

            migrationBuilder.DropTable(
                name: "AwardEntries");

            migrationBuilder.DropTable(
                name: "AwardRounds");
        }
    }
}
