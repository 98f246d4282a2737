using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace EduPortal.Data.Migrations.PostgreSql.Migrations
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    SchoolPath = table.Column<string>(type: "character varying(200)", unicode: false, maxLength: 200, nullable: false),
                    CountyId = table.Column<int>(type: "integer", nullable: false),
                    ClassroomId = table.Column<int>(type: "integer", nullable: true),
                    ClassroomName = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Subject = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    TaughtOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Periods = table.Column<int>(type: "integer", nullable: false),
                    TeacherId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    TeacherName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
