using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduPortal.Data.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Circulars : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CircularNumberCounters",
                columns: table => new
                {
                    IssuerUnitId = table.Column<int>(type: "int", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    LastNumber = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CircularNumberCounters", x => new { x.IssuerUnitId, x.Year });
                    table.ForeignKey(
                        name: "FK_CircularNumberCounters_OrgUnits_IssuerUnitId",
                        column: x => x.IssuerUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Circulars",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    IssuerUnitId = table.Column<int>(type: "int", nullable: false),
                    IssuerName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    IssuerPath = table.Column<string>(type: "varchar(200)", unicode: false, maxLength: 200, nullable: false),
                    IssuerKind = table.Column<int>(type: "int", nullable: false),
                    DocumentPrefix = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Year = table.Column<int>(type: "int", nullable: true),
                    Number = table.Column<int>(type: "int", nullable: true),
                    DocumentNumber = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    Title = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    BodyMarkdown = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: false),
                    ContactName = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    ContactPhone = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: true),
                    Status = table.Column<int>(type: "int", nullable: false),
                    IsGenerated = table.Column<bool>(type: "bit", nullable: false),
                    ForTeachers = table.Column<bool>(type: "bit", nullable: false),
                    SelectedUnitIds = table.Column<string>(type: "varchar(4000)", unicode: false, maxLength: 4000, nullable: false),
                    SelectedKinds = table.Column<int>(type: "int", nullable: false),
                    ReplyMode = table.Column<int>(type: "int", nullable: false),
                    ReplyDueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedByName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    PublishedByName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: true),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    WithdrawnByName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Circulars", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Circulars_OrgUnits_IssuerUnitId",
                        column: x => x.IssuerUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CircularAttachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    StoredPath = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    ContentType = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CircularId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CircularAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CircularAttachments_Circulars_CircularId",
                        column: x => x.CircularId,
                        principalTable: "Circulars",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CircularMilestones",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Label = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    IsDeadline = table.Column<bool>(type: "bit", nullable: false),
                    CircularId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CircularMilestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CircularMilestones_Circulars_CircularId",
                        column: x => x.CircularId,
                        principalTable: "Circulars",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CircularRecipients",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    UnitId = table.Column<int>(type: "int", nullable: false),
                    UnitName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    UnitPath = table.Column<string>(type: "varchar(200)", unicode: false, maxLength: 200, nullable: false),
                    UnitKind = table.Column<int>(type: "int", nullable: false),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    AcknowledgedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    AcknowledgedByName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: true),
                    ReplyText = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    ReplyFilePath = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    ReplyFileName = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: true),
                    ReplyContentType = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    RepliedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    RepliedByName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: true),
                    CircularId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CircularRecipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CircularRecipients_Circulars_CircularId",
                        column: x => x.CircularId,
                        principalTable: "Circulars",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CircularReminders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ByName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    UnitCount = table.Column<int>(type: "int", nullable: false),
                    CircularId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CircularReminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CircularReminders_Circulars_CircularId",
                        column: x => x.CircularId,
                        principalTable: "Circulars",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CircularAttachments_CircularId",
                table: "CircularAttachments",
                column: "CircularId");

            migrationBuilder.CreateIndex(
                name: "IX_CircularMilestones_CircularId",
                table: "CircularMilestones",
                column: "CircularId");

            migrationBuilder.CreateIndex(
                name: "IX_CircularRecipients_CircularId_UnitId",
                table: "CircularRecipients",
                columns: new[] { "CircularId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CircularRecipients_UnitId_AcknowledgedAt",
                table: "CircularRecipients",
                columns: new[] { "UnitId", "AcknowledgedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CircularReminders_CircularId",
                table: "CircularReminders",
                column: "CircularId");

            migrationBuilder.CreateIndex(
                name: "IX_Circulars_IssuerUnitId_Year_Number",
                table: "Circulars",
                columns: new[] { "IssuerUnitId", "Year", "Number" },
                unique: true,
                filter: "[Year] IS NOT NULL AND [Number] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Circulars_Status_PublishedAt",
                table: "Circulars",
                columns: new[] { "Status", "PublishedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CircularAttachments");

            migrationBuilder.DropTable(
                name: "CircularMilestones");

            migrationBuilder.DropTable(
                name: "CircularNumberCounters");

            migrationBuilder.DropTable(
                name: "CircularRecipients");

            migrationBuilder.DropTable(
                name: "CircularReminders");

            migrationBuilder.DropTable(
                name: "Circulars");
        }
    }
}
