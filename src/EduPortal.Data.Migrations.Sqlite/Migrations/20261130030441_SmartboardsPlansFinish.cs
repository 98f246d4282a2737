using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduPortal.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SmartboardsPlansFinish : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DemoLessons",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    SchoolPath = table.Column<string>(type: "TEXT", unicode: false, maxLength: 200, nullable: false),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    TeacherId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    TeacherName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClassroomId = table.Column<int>(type: "INTEGER", nullable: true),
                    ClassroomName = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    EvidenceLink = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    RecordedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DemoLessons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DemoLessons_Classrooms_ClassroomId",
                        column: x => x.ClassroomId,
                        principalTable: "Classrooms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_DemoLessons_OrgUnits_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LessonCompetitions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    CountyPath = table.Column<string>(type: "TEXT", unicode: false, maxLength: 200, nullable: false),
                    CountyName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Period = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OpenedByName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ResultsRecordedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LessonCompetitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LessonCompetitions_OrgUnits_CountyId",
                        column: x => x.CountyId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RepairFigureSnapshots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    SchoolPath = table.Column<string>(type: "TEXT", unicode: false, maxLength: 200, nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: true),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Tickets = table.Column<int>(type: "INTEGER", nullable: false),
                    Overdue = table.Column<int>(type: "INTEGER", nullable: false),
                    Repaired = table.Column<int>(type: "INTEGER", nullable: false),
                    RepairMinutes = table.Column<long>(type: "INTEGER", nullable: false),
                    RepeatDevices = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RepairFigureSnapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CompetitionEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CompetitionId = table.Column<int>(type: "INTEGER", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    SchoolName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    SchoolPath = table.Column<string>(type: "TEXT", unicode: false, maxLength: 200, nullable: false),
                    TeacherId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    TeacherName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    LessonTitle = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EnteredByName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    EnteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Award = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompetitionEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CompetitionEntries_LessonCompetitions_CompetitionId",
                        column: x => x.CompetitionId,
                        principalTable: "LessonCompetitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CompetitionEntries_OrgUnits_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CompetitionEntries_CompetitionId_TeacherId",
                table: "CompetitionEntries",
                columns: new[] { "CompetitionId", "TeacherId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CompetitionEntries_SchoolId",
                table: "CompetitionEntries",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_DemoLessons_ClassroomId",
                table: "DemoLessons",
                column: "ClassroomId");

            migrationBuilder.CreateIndex(
                name: "IX_DemoLessons_CountyId_HeldOn",
                table: "DemoLessons",
                columns: new[] { "CountyId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DemoLessons_SchoolId_HeldOn",
                table: "DemoLessons",
                columns: new[] { "SchoolId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DemoLessons_SchoolPath",
                table: "DemoLessons",
                column: "SchoolPath");

            migrationBuilder.CreateIndex(
                name: "IX_LessonCompetitions_CountyId_Year_Period",
                table: "LessonCompetitions",
                columns: new[] { "CountyId", "Year", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LessonCompetitions_CountyPath",
                table: "LessonCompetitions",
                column: "CountyPath");

            migrationBuilder.CreateIndex(
                name: "IX_RepairFigureSnapshots_Day_CountyId",
                table: "RepairFigureSnapshots",
                columns: new[] { "Day", "CountyId" });

            migrationBuilder.CreateIndex(
                name: "IX_RepairFigureSnapshots_Day_SchoolId",
                table: "RepairFigureSnapshots",
                columns: new[] { "Day", "SchoolId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RepairFigureSnapshots_Day_TownshipId",
                table: "RepairFigureSnapshots",
                columns: new[] { "Day", "TownshipId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CompetitionEntries");

            migrationBuilder.DropTable(
                name: "DemoLessons");

            migrationBuilder.DropTable(
                name: "RepairFigureSnapshots");

            migrationBuilder.DropTable(
                name: "LessonCompetitions");
        }
    }
}
