using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace EduPortal.Data.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class SmartboardTickets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RepairDeadlineSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CountyId = table.Column<int>(type: "integer", nullable: false),
                    SchoolDays = table.Column<int>(type: "integer", nullable: false),
                    TownshipDays = table.Column<int>(type: "integer", nullable: false),
                    BureauDays = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RepairDeadlineSettings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RepairDeadlineSettings_OrgUnits_CountyId",
                        column: x => x.CountyId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RepairTickets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DeviceId = table.Column<long>(type: "bigint", nullable: false),
                    AssetTag = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DeviceName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ClassroomName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    SchoolName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    SchoolPath = table.Column<string>(type: "character varying(200)", unicode: false, maxLength: 200, nullable: false),
                    TownshipId = table.Column<int>(type: "integer", nullable: true),
                    CountyId = table.Column<int>(type: "integer", nullable: false),
                    ReporterId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ReporterName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    HeadTeacherId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Fault = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    PhotoKey = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    State = table.Column<int>(type: "integer", nullable: false),
                    Tier = table.Column<int>(type: "integer", nullable: false),
                    TierSince = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TierDeadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AssigneeId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    AssigneeName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    EverOverdue = table.Column<bool>(type: "boolean", nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    TotalCost = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    RepairMinutes = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RepairTickets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RepairTickets_OrgUnits_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SafetyInspections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    SchoolName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    SchoolPath = table.Column<string>(type: "character varying(200)", unicode: false, maxLength: 200, nullable: false),
                    InspectedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    InspectorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    InspectorName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Notes = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SafetyInspections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SafetyInspections_OrgUnits_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SchoolPolicies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    SchoolPath = table.Column<string>(type: "character varying(200)", unicode: false, maxLength: 200, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Department = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ResponsiblePerson = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    AdoptedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SchoolPolicies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SchoolPolicies_OrgUnits_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WorkingCalendarYears",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Holidays = table.Column<List<DateOnly>>(type: "date[]", nullable: false),
                    MakeUpDays = table.Column<List<DateOnly>>(type: "date[]", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkingCalendarYears", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RepairSteps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TicketId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Tier = table.Column<int>(type: "integer", nullable: false),
                    ActorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ActorName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Note = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: true),
                    Parts = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Cost = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RepairSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RepairSteps_RepairTickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "RepairTickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SafetyFindings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InspectionId = table.Column<int>(type: "integer", nullable: false),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    SchoolPath = table.Column<string>(type: "character varying(200)", unicode: false, maxLength: 200, nullable: false),
                    Item = table.Column<int>(type: "integer", nullable: false),
                    Problem = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    RectifyBy = table.Column<DateOnly>(type: "date", nullable: false),
                    ResponsiblePerson = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    IsRectified = table.Column<bool>(type: "boolean", nullable: false),
                    SignOffNote = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    SignOffPhotoKey = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    SignedOffById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    SignedOffByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    SignedOffAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RemindedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SafetyFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SafetyFindings_SafetyInspections_InspectionId",
                        column: x => x.InspectionId,
                        principalTable: "SafetyInspections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RepairDeadlineSettings_CountyId",
                table: "RepairDeadlineSettings",
                column: "CountyId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RepairSteps_TicketId",
                table: "RepairSteps",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_RepairTickets_CountyId_ClosedAt",
                table: "RepairTickets",
                columns: new[] { "CountyId", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RepairTickets_CountyId_RaisedAt",
                table: "RepairTickets",
                columns: new[] { "CountyId", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RepairTickets_CountyId_State_Tier_TierDeadline",
                table: "RepairTickets",
                columns: new[] { "CountyId", "State", "Tier", "TierDeadline" });

            migrationBuilder.CreateIndex(
                name: "IX_RepairTickets_DeviceId_State",
                table: "RepairTickets",
                columns: new[] { "DeviceId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_RepairTickets_HeadTeacherId_State",
                table: "RepairTickets",
                columns: new[] { "HeadTeacherId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_RepairTickets_ReporterId_State",
                table: "RepairTickets",
                columns: new[] { "ReporterId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_RepairTickets_SchoolId_ClosedAt",
                table: "RepairTickets",
                columns: new[] { "SchoolId", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RepairTickets_SchoolId_State_Tier_TierDeadline",
                table: "RepairTickets",
                columns: new[] { "SchoolId", "State", "Tier", "TierDeadline" });

            migrationBuilder.CreateIndex(
                name: "IX_RepairTickets_State_TierDeadline",
                table: "RepairTickets",
                columns: new[] { "State", "TierDeadline" });

            migrationBuilder.CreateIndex(
                name: "IX_RepairTickets_TownshipId_ClosedAt",
                table: "RepairTickets",
                columns: new[] { "TownshipId", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RepairTickets_TownshipId_State_Tier_TierDeadline",
                table: "RepairTickets",
                columns: new[] { "TownshipId", "State", "Tier", "TierDeadline" });

            migrationBuilder.CreateIndex(
                name: "IX_SafetyFindings_InspectionId",
                table: "SafetyFindings",
                column: "InspectionId");

            migrationBuilder.CreateIndex(
                name: "IX_SafetyFindings_IsRectified_RectifyBy",
                table: "SafetyFindings",
                columns: new[] { "IsRectified", "RectifyBy" });

            migrationBuilder.CreateIndex(
                name: "IX_SafetyFindings_SchoolPath_IsRectified_RectifyBy",
                table: "SafetyFindings",
                columns: new[] { "SchoolPath", "IsRectified", "RectifyBy" });

            migrationBuilder.CreateIndex(
                name: "IX_SafetyInspections_SchoolId",
                table: "SafetyInspections",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_SafetyInspections_SchoolPath_InspectedOn",
                table: "SafetyInspections",
                columns: new[] { "SchoolPath", "InspectedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SchoolPolicies_SchoolId_Kind",
                table: "SchoolPolicies",
                columns: new[] { "SchoolId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SchoolPolicies_SchoolPath",
                table: "SchoolPolicies",
                column: "SchoolPath");

            migrationBuilder.CreateIndex(
                name: "IX_WorkingCalendarYears_Year",
                table: "WorkingCalendarYears",
                column: "Year",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RepairDeadlineSettings");

            migrationBuilder.DropTable(
                name: "RepairSteps");

            migrationBuilder.DropTable(
                name: "SafetyFindings");

            migrationBuilder.DropTable(
                name: "SchoolPolicies");

            migrationBuilder.DropTable(
                name: "WorkingCalendarYears");

            migrationBuilder.DropTable(
                name: "RepairTickets");

            migrationBuilder.DropTable(
                name: "SafetyInspections");
        }
    }
}
