using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduPortal.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SmartboardUse : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SmartboardLessons",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    SchoolPath = table.Column<string>(type: "TEXT", unicode: false, maxLength: 200, nullable: false),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    ClassroomId = table.Column<int>(type: "INTEGER", nullable: true),
                    ClassroomName = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    TaughtOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Periods = table.Column<int>(type: "INTEGER", nullable: false),
                    TeacherId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    TeacherName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SmartboardLessons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SmartboardLessons_Classrooms_ClassroomId",
                        column: x => x.ClassroomId,
                        principalTable: "Classrooms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_SmartboardLessons_OrgUnits_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SmartboardLessons_ClassroomId",
                table: "SmartboardLessons",
                column: "ClassroomId");

            migrationBuilder.CreateIndex(
                name: "IX_SmartboardLessons_CountyId_TaughtOn",
                table: "SmartboardLessons",
                columns: new[] { "CountyId", "TaughtOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SmartboardLessons_SchoolId_TaughtOn",
                table: "SmartboardLessons",
                columns: new[] { "SchoolId", "TaughtOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SmartboardLessons_SchoolPath",
                table: "SmartboardLessons",
                column: "SchoolPath");

            migrationBuilder.CreateIndex(
                name: "IX_SmartboardLessons_TeacherId_TaughtOn",
                table: "SmartboardLessons",
                columns: new[] { "TeacherId", "TaughtOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SmartboardLessons");
        }
    }
}
