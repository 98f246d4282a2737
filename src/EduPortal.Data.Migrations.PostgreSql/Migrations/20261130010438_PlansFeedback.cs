using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace EduPortal.Data.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class PlansFeedback : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CountyFeedbackAttachments");

            migrationBuilder.DropTable(
                name: "CountyFeedback");
        }
    }
}
