using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduPortal.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ScaleAndLeftovers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PointTeacherMonths_Year_Month_TeacherId_Points_SpaceBuilding_TeachingApplication_Interaction_TeacherTraining_CampusManagement",
                table: "PointTeacherMonths");

            migrationBuilder.DropIndex(
                name: "IX_PointTeacherDays_Year_Day_TeacherId_Points_SpaceBuilding_TeachingApplication_Interaction_TeacherTraining_CampusManagement",
                table: "PointTeacherDays");

            migrationBuilder.AddColumn<int>(
                name: "SignInDays",
                table: "PointTeacherMonths",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "SignInDays",
                table: "PointTeacherDays",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "PublishFailure",
                table: "Bulletins",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_RepairTickets_OpenFigures",
                table: "RepairTickets",
                columns: new[] { "CountyId", "SchoolId", "TownshipId", "State", "TierDeadline", "RaisedAt", "EverOverdue", "RepairMinutes" },
                filter: "\"State\" IN (1, 2, 3)");

            migrationBuilder.CreateIndex(
                name: "IX_PointTeacherMonths_Year_Month_TeacherId_Points_SpaceBuilding_TeachingApplication_Interaction_TeacherTraining_CampusManagement_SignInDays",
                table: "PointTeacherMonths",
                columns: new[] { "Year", "Month", "TeacherId", "Points", "SpaceBuilding", "TeachingApplication", "Interaction", "TeacherTraining", "CampusManagement", "SignInDays" });

            migrationBuilder.CreateIndex(
                name: "IX_PointTeacherDays_Year_Day_TeacherId_Points_SpaceBuilding_TeachingApplication_Interaction_TeacherTraining_CampusManagement_SignInDays",
                table: "PointTeacherDays",
                columns: new[] { "Year", "Day", "TeacherId", "Points", "SpaceBuilding", "TeachingApplication", "Interaction", "TeacherTraining", "CampusManagement", "SignInDays" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_OrgUnitId_SubjectsText_Status_Employment_RegisteredAt",
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
                name: "IX_PointTeacherMonths_Year_Month_TeacherId_Points_SpaceBuilding_TeachingApplication_Interaction_TeacherTraining_CampusManagement_SignInDays",
                table: "PointTeacherMonths");

            migrationBuilder.DropIndex(
                name: "IX_PointTeacherDays_Year_Day_TeacherId_Points_SpaceBuilding_TeachingApplication_Interaction_TeacherTraining_CampusManagement_SignInDays",
                table: "PointTeacherDays");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_OrgUnitId_SubjectsText_Status_Employment_RegisteredAt",
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
                name: "IX_PointTeacherMonths_Year_Month_TeacherId_Points_SpaceBuilding_TeachingApplication_Interaction_TeacherTraining_CampusManagement",
                table: "PointTeacherMonths",
                columns: new[] { "Year", "Month", "TeacherId", "Points", "SpaceBuilding", "TeachingApplication", "Interaction", "TeacherTraining", "CampusManagement" });

            migrationBuilder.CreateIndex(
                name: "IX_PointTeacherDays_Year_Day_TeacherId_Points_SpaceBuilding_TeachingApplication_Interaction_TeacherTraining_CampusManagement",
                table: "PointTeacherDays",
                columns: new[] { "Year", "Day", "TeacherId", "Points", "SpaceBuilding", "TeachingApplication", "Interaction", "TeacherTraining", "CampusManagement" });
        }
    }
}
