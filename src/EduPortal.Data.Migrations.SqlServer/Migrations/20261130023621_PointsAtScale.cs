using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduPortal.Data.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class PointsAtScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PointTeacherDays",
                columns: table => new
                {
                    TeacherId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Points = table.Column<int>(type: "int", nullable: false),
                    SpaceBuilding = table.Column<int>(type: "int", nullable: false),
                    TeachingApplication = table.Column<int>(type: "int", nullable: false),
                    Interaction = table.Column<int>(type: "int", nullable: false),
                    TeacherTraining = table.Column<int>(type: "int", nullable: false),
                    CampusManagement = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointTeacherDays", x => new { x.TeacherId, x.Year, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "PointTeacherMonths",
                columns: table => new
                {
                    TeacherId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Points = table.Column<int>(type: "int", nullable: false),
                    SpaceBuilding = table.Column<int>(type: "int", nullable: false),
                    TeachingApplication = table.Column<int>(type: "int", nullable: false),
                    Interaction = table.Column<int>(type: "int", nullable: false),
                    TeacherTraining = table.Column<int>(type: "int", nullable: false),
                    CampusManagement = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointTeacherMonths", x => new { x.TeacherId, x.Year, x.Month });
                });

            migrationBuilder.CreateIndex(
                name: "IX_PointTeacherDays_Year_Day_TeacherId_Points_SpaceBuilding_TeachingApplication_Interaction_TeacherTraining_CampusManagement",
                table: "PointTeacherDays",
                columns: new[] { "Year", "Day", "TeacherId", "Points", "SpaceBuilding", "TeachingApplication", "Interaction", "TeacherTraining", "CampusManagement" });

            migrationBuilder.CreateIndex(
                name: "IX_PointTeacherMonths_Year_Month_TeacherId_Points_SpaceBuilding_TeachingApplication_Interaction_TeacherTraining_CampusManagement",
                table: "PointTeacherMonths",
                columns: new[] { "Year", "Month", "TeacherId", "Points", "SpaceBuilding", "TeachingApplication", "Interaction", "TeacherTraining", "CampusManagement" });

            // Existing teacher-years get their date-range roll-ups from the drain job (it runs every minute).
            migrationBuilder.Sql("INSERT INTO \"PointDirtyTeachers\" (\"TeacherId\", \"Year\") SELECT \"TeacherId\", \"Year\" FROM \"PointTeacherTotals\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PointTeacherDays");

            migrationBuilder.DropTable(
                name: "PointTeacherMonths");
        }
    }
}
