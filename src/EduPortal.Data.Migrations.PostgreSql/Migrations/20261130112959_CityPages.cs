using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduPortal.Data.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class CityPages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_RepairTickets_OpenFigures",
                table: "RepairTickets",
                columns: new[] { "CountyId", "SchoolId", "TownshipId", "State", "TierDeadline", "RaisedAt", "EverOverdue", "RepairMinutes" },
                filter: "\"State\" IN (1, 2, 3)");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_OrgUnitId_SubjectsText_Status_Employment_Regist~",
                table: "AspNetUsers",
                columns: new[] { "OrgUnitId", "SubjectsText", "Status", "Employment", "RegisteredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RepairTickets_OpenFigures",
                table: "RepairTickets");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_OrgUnitId_SubjectsText_Status_Employment_Regist~",
                table: "AspNetUsers");
        }
    }
}
