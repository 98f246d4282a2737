using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduPortal.Data.Migrations.Sqlite.Migrations
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", unicode: false, maxLength: 200, nullable: false),
                    OrgName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OpenedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    OpenedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    SchoolPath = table.Column<string>(type: "TEXT", unicode: false, maxLength: 200, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    SchoolName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    LabLeadName = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    LabLeadPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AdminName = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    AdminPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StudentCount = table.Column<int>(type: "INTEGER", nullable: true),
                    ClassCount = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Revision = table.Column<Guid>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReturnComment = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    SchoolPath = table.Column<string>(type: "TEXT", unicode: false, maxLength: 200, nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    SentByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    SentByOrg = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Teachers = table.Column<int>(type: "INTEGER", nullable: true),
                    FullTime = table.Column<int>(type: "INTEGER", nullable: true),
                    LabRooms = table.Column<int>(type: "INTEGER", nullable: true),
                    SchoolSurveyId = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SchoolSurveyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SnapshotJson = table.Column<string>(type: "TEXT", nullable: true)
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
