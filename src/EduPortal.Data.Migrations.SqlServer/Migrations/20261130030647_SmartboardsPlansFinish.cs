using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduPortal.Data.Migrations.SqlServer.Migrations
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SchoolId = table.Column<int>(type: "int", nullable: false),
                    SchoolPath = table.Column<string>(type: "varchar(200)", unicode: false, maxLength: 200, nullable: false),
                    CountyId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    TeacherId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    TeacherName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Topic = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ClassroomId = table.Column<int>(type: "int", nullable: true),
                    ClassroomName = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Notes = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    EvidenceLink = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    RecordedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    RecordedByName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CountyId = table.Column<int>(type: "int", nullable: false),
                    CountyPath = table.Column<string>(type: "varchar(200)", unicode: false, maxLength: 200, nullable: false),
                    CountyName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Period = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    OpenedByName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ResultsRecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    SchoolId = table.Column<int>(type: "int", nullable: false),
                    SchoolPath = table.Column<string>(type: "varchar(200)", unicode: false, maxLength: 200, nullable: false),
                    TownshipId = table.Column<int>(type: "int", nullable: true),
                    CountyId = table.Column<int>(type: "int", nullable: false),
                    Tickets = table.Column<int>(type: "int", nullable: false),
                    Overdue = table.Column<int>(type: "int", nullable: false),
                    Repaired = table.Column<int>(type: "int", nullable: false),
                    RepairMinutes = table.Column<long>(type: "bigint", nullable: false),
                    RepeatDevices = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RepairFigureSnapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CompetitionEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CompetitionId = table.Column<int>(type: "int", nullable: false),
                    SchoolId = table.Column<int>(type: "int", nullable: false),
                    SchoolName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    SchoolPath = table.Column<string>(type: "varchar(200)", unicode: false, maxLength: 200, nullable: false),
                    TeacherId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    TeacherName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    LessonTitle = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    EnteredByName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    EnteredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Award = table.Column<int>(type: "int", nullable: true)
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
