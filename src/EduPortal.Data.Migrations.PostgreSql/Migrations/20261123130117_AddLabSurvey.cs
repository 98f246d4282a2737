using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace EduPortal.Data.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class AddLabSurvey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SurveyRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(200)", unicode: false, maxLength: 200, nullable: false),
                    OrgName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OpenedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    OpenedByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyRounds_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SchoolSurveys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    SchoolPath = table.Column<string>(type: "character varying(200)", unicode: false, maxLength: 200, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    SchoolName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    LabLeadName = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    LabLeadPhone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AdminName = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    AdminPhone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StudentCount = table.Column<int>(type: "integer", nullable: true),
                    ClassCount = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Revision = table.Column<Guid>(type: "uuid", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReturnComment = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SchoolSurveys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SchoolSurveys_OrgUnits_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SchoolSurveys_SurveyRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "SurveyRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyReminders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    SchoolPath = table.Column<string>(type: "character varying(200)", unicode: false, maxLength: 200, nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SentById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    SentByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    SentByOrg = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyReminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyReminders_OrgUnits_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveyReminders_SurveyRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "SurveyRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SchoolSurveyRows",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Subject = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Teachers = table.Column<int>(type: "integer", nullable: true),
                    FullTime = table.Column<int>(type: "integer", nullable: true),
                    LabRooms = table.Column<int>(type: "integer", nullable: true),
                    SchoolSurveyId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SchoolSurveyRows", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SchoolSurveyRows_SchoolSurveys_SchoolSurveyId",
                        column: x => x.SchoolSurveyId,
                        principalTable: "SchoolSurveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyHistory",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SchoolSurveyId = table.Column<int>(type: "integer", nullable: false),
                    Action = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SnapshotJson = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyHistory_SchoolSurveys_SchoolSurveyId",
                        column: x => x.SchoolSurveyId,
                        principalTable: "SchoolSurveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SchoolSurveyRows_SchoolSurveyId",
                table: "SchoolSurveyRows",
                column: "SchoolSurveyId");

            migrationBuilder.CreateIndex(
                name: "IX_SchoolSurveys_RoundId_SchoolId",
                table: "SchoolSurveys",
                columns: new[] { "RoundId", "SchoolId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SchoolSurveys_SchoolId",
                table: "SchoolSurveys",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_SchoolSurveys_SchoolPath",
                table: "SchoolSurveys",
                column: "SchoolPath");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyHistory_SchoolSurveyId",
                table: "SurveyHistory",
                column: "SchoolSurveyId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyReminders_RoundId",
                table: "SurveyReminders",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyReminders_SchoolId_SentAt",
                table: "SurveyReminders",
                columns: new[] { "SchoolId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyRounds_OrgPath",
                table: "SurveyRounds",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyRounds_OrgUnitId",
                table: "SurveyRounds",
                column: "OrgUnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SchoolSurveyRows");

            migrationBuilder.DropTable(
                name: "SurveyHistory");

            migrationBuilder.DropTable(
                name: "SurveyReminders");

            migrationBuilder.DropTable(
                name: "SchoolSurveys");

            migrationBuilder.DropTable(
                name: "SurveyRounds");
        }
    }
}
