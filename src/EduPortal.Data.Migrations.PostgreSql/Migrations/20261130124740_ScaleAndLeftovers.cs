using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduPortal.Data.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ScaleAndLeftovers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PointTeacherMonths_Year_Month_TeacherId_Points_SpaceBuildin~",
                table: "PointTeacherMonths");

            migrationBuilder.DropIndex(
                name: "IX_PointTeacherDays_Year_Day_TeacherId_Points_SpaceBuilding_Te~",
                table: "PointTeacherDays");

            migrationBuilder.AddColumn<int>(
                name: "SignInDays",
                table: "PointTeacherMonths",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "SignInDays",
                table: "PointTeacherDays",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "PublishFailure",
                table: "Bulletins",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_RepairTickets_OpenFigures",
                table: "RepairTickets",
                columns: new[] { "CountyId", "SchoolId", "TownshipId", "State", "TierDeadline", "RaisedAt", "EverOverdue", "RepairMinutes" },
                filter: "\"State\" IN (1, 2, 3)");

            migrationBuilder.CreateIndex(
                name: "IX_PointTeacherMonths_Year_Month_TeacherId_Points_SpaceBuildin~",
                table: "PointTeacherMonths",
                columns: new[] { "Year", "Month", "TeacherId", "Points", "SpaceBuilding", "TeachingApplication", "Interaction", "TeacherTraining", "CampusManagement", "SignInDays" });

            migrationBuilder.CreateIndex(
                name: "IX_PointTeacherDays_Year_Day_TeacherId_Points_SpaceBuilding_Te~",
                table: "PointTeacherDays",
                columns: new[] { "Year", "Day", "TeacherId", "Points", "SpaceBuilding", "TeachingApplication", "Interaction", "TeacherTraining", "CampusManagement", "SignInDays" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_OrgUnitId_SubjectsText_Status_Employment_Regist~",
                table: "AspNetUsers",
                columns: new[] { "OrgUnitId", "SubjectsText", "Status", "Employment", "RegisteredAt" });

            // Existing day and month rows have no sign-in days yet: mark every teacher-year with points for the drain job
            // (every minute), which rebuilds them with their sign-in days (cloud-space compliance ⑦ reads them).
            migrationBuilder.Sql("INSERT INTO \"PointDirtyTeachers\" (\"TeacherId\", \"Year\") SELECT \"TeacherId\", \"Year\" FROM \"PointTeacherTotals\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RepairTickets_OpenFigures",
                table: "RepairTickets");

            migrationBuilder.DropIndex(
                name: "IX_PointTeacherMonths_Year_Month_TeacherId_Points_SpaceBuildin~",
                table: "PointTeacherMonths");

            migrationBuilder.DropIndex(
                name: "IX_PointTeacherDays_Year_Day_TeacherId_Points_SpaceBuilding_Te~",
                table: "PointTeacherDays");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_OrgUnitId_SubjectsText_Status_Employment_Regist~",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "SignInDays",
                table: "PointTeacherMonths");

            migrationBuilder.DropColumn(
                name: "SignInDays",
                table: "PointTeacherDays");

            migrationBuilder.DropColumn(
                name: "PublishFailure",
                table: "Bulletins");

            migrationBuilder.CreateIndex(
                name: "IX_PointTeacherMonths_Year_Month_TeacherId_Points_SpaceBuildin~",
                table: "PointTeacherMonths",
                columns: new[] { "Year", "Month", "TeacherId", "Points", "SpaceBuilding", "TeachingApplication", "Interaction", "TeacherTraining", "CampusManagement" });

            migrationBuilder.CreateIndex(
                name: "IX_PointTeacherDays_Year_Day_TeacherId_Points_SpaceBuilding_Te~",
                table: "PointTeacherDays",
                columns: new[] { "Year", "Day", "TeacherId", "Points", "SpaceBuilding", "TeachingApplication", "Interaction", "TeacherTraining", "CampusManagement" });
        }
    }
}
