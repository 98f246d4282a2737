using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduPortal.Data.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class RecomputeStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_PointAwards",
                table: "PointAwards");

            migrationBuilder.DropIndex(
                name: "IX_PointAwards_TeacherId_Year_Day_Points",
                table: "PointAwards");

            migrationBuilder.AddPrimaryKey(
                name: "PK_PointAwards",
                table: "PointAwards",
                columns: new[] { "TeacherId", "Year", "EventId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_PointAwards",
                table: "PointAwards");

            migrationBuilder.AddPrimaryKey(
                name: "PK_PointAwards",
                table: "PointAwards",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_PointAwards_TeacherId_Year_Day_Points",
                table: "PointAwards",
                columns: new[] { "TeacherId", "Year", "Day", "Points" });
        }
    }
}
