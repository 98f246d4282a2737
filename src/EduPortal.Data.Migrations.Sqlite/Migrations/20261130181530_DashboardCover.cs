using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduPortal.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DashboardCover : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_OrgUnitId_Status",
                table: "AspNetUsers");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_OrgUnitId_Status_Employment_Level_Id",
                table: "AspNetUsers",
                columns: new[] { "OrgUnitId", "Status", "Employment", "Level", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_OrgUnitId_Status_Employment_Level_Id",
                table: "AspNetUsers");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_OrgUnitId_Status",
                table: "AspNetUsers",
                columns: new[] { "OrgUnitId", "Status" });
        }
    }
}
