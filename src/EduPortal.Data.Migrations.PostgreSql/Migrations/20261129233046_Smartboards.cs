using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace EduPortal.Data.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Smartboards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Classrooms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    SchoolPath = table.Column<string>(type: "character varying(200)", unicode: false, maxLength: 200, nullable: false),
                    CountyId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    SchoolClassId = table.Column<int>(type: "integer", nullable: true),
                    ResponsibleUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ResponsibleName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Notes = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Classrooms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Classrooms_AspNetUsers_ResponsibleUserId",
                        column: x => x.ResponsibleUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Classrooms_OrgUnits_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Classrooms_SchoolClasses_SchoolClassId",
                        column: x => x.SchoolClassId,
                        principalTable: "SchoolClasses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SchoolNetworkProfiles",
                columns: table => new
                {
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    SchoolPath = table.Column<string>(type: "character varying(200)", unicode: false, maxLength: 200, nullable: false),
                    CountyId = table.Column<int>(type: "integer", nullable: false),
                    BandwidthMbps = table.Column<int>(type: "integer", nullable: true),
                    Access = table.Column<int>(type: "integer", nullable: false),
                    Tier = table.Column<int>(type: "integer", nullable: false),
                    Provider = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedByName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SchoolNetworkProfiles", x => x.SchoolId);
                    table.ForeignKey(
                        name: "FK_SchoolNetworkProfiles_OrgUnits_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TechnicianPosts",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(200)", unicode: false, maxLength: 200, nullable: false),
                    FullTime = table.Column<bool>(type: "boolean", nullable: false),
                    Duty = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedByName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TechnicianPosts", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_TechnicianPosts_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TechnicianPosts_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Devices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    SchoolPath = table.Column<string>(type: "character varying(200)", unicode: false, maxLength: 200, nullable: false),
                    CountyId = table.Column<int>(type: "integer", nullable: false),
                    ClassroomId = table.Column<int>(type: "integer", nullable: true),
                    AssetTag = table.Column<string>(type: "character varying(40)", unicode: false, maxLength: 40, nullable: false),
                    Type = table.Column<int>(type: "integer", nullable: false),
                    Brand = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Model = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    SerialNumber = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Funding = table.Column<int>(type: "integer", nullable: false),
                    PurchaseDate = table.Column<DateOnly>(type: "date", nullable: true),
                    PurchaseValue = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    InstallDate = table.Column<DateOnly>(type: "date", nullable: true),
                    WarrantyEnd = table.Column<DateOnly>(type: "date", nullable: true),
                    Notes = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Devices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Devices_Classrooms_ClassroomId",
                        column: x => x.ClassroomId,
                        principalTable: "Classrooms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Devices_OrgUnits_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DeviceEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DeviceId = table.Column<long>(type: "bigint", nullable: false),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    FromStatus = table.Column<int>(type: "integer", nullable: true),
                    ToStatus = table.Column<int>(type: "integer", nullable: true),
                    ActorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Note = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeviceEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeviceEvents_Devices_DeviceId",
                        column: x => x.DeviceId,
                        principalTable: "Devices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DeviceTransfers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DeviceId = table.Column<long>(type: "bigint", nullable: false),
                    CountyId = table.Column<int>(type: "integer", nullable: false),
                    FromSchoolId = table.Column<int>(type: "integer", nullable: false),
                    FromSchoolPath = table.Column<string>(type: "character varying(200)", unicode: false, maxLength: 200, nullable: false),
                    FromSchoolName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FromAssetTag = table.Column<string>(type: "character varying(40)", unicode: false, maxLength: 40, nullable: false),
                    ToSchoolId = table.Column<int>(type: "integer", nullable: true),
                    ToSchoolPath = table.Column<string>(type: "character varying(200)", unicode: false, maxLength: 200, nullable: true),
                    ToSchoolName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ToAssetTag = table.Column<string>(type: "character varying(40)", unicode: false, maxLength: 40, nullable: true),
                    State = table.Column<int>(type: "integer", nullable: false),
                    OfferNote = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OfferedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OfferedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    OfferedByName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    RequestNote = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RequestedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    RequestedByName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ClosedByName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeviceTransfers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeviceTransfers_Devices_DeviceId",
                        column: x => x.DeviceId,
                        principalTable: "Devices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Classrooms_CountyId_SchoolId",
                table: "Classrooms",
                columns: new[] { "CountyId", "SchoolId" });

            migrationBuilder.CreateIndex(
                name: "IX_Classrooms_ResponsibleUserId",
                table: "Classrooms",
                column: "ResponsibleUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Classrooms_SchoolClassId",
                table: "Classrooms",
                column: "SchoolClassId",
                unique: true,
                filter: "\"SchoolClassId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Classrooms_SchoolId_Name",
                table: "Classrooms",
                columns: new[] { "SchoolId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Classrooms_SchoolPath",
                table: "Classrooms",
                column: "SchoolPath");

            migrationBuilder.CreateIndex(
                name: "IX_DeviceEvents_DeviceId_At",
                table: "DeviceEvents",
                columns: new[] { "DeviceId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Devices_ClassroomId",
                table: "Devices",
                column: "ClassroomId");

            migrationBuilder.CreateIndex(
                name: "IX_Devices_CountyId_SchoolId_Status_Type",
                table: "Devices",
                columns: new[] { "CountyId", "SchoolId", "Status", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_Devices_SchoolId_AssetTag",
                table: "Devices",
                columns: new[] { "SchoolId", "AssetTag" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Devices_SchoolId_ClassroomId_AssetTag",
                table: "Devices",
                columns: new[] { "SchoolId", "ClassroomId", "AssetTag" });

            migrationBuilder.CreateIndex(
                name: "IX_Devices_SchoolPath",
                table: "Devices",
                column: "SchoolPath");

            migrationBuilder.CreateIndex(
                name: "IX_Devices_Status_Type_ClassroomId",
                table: "Devices",
                columns: new[] { "Status", "Type", "ClassroomId" });

            migrationBuilder.CreateIndex(
                name: "IX_DeviceTransfers_CountyId_State_OfferedAt",
                table: "DeviceTransfers",
                columns: new[] { "CountyId", "State", "OfferedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DeviceTransfers_DeviceId_OfferedAt",
                table: "DeviceTransfers",
                columns: new[] { "DeviceId", "OfferedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DeviceTransfers_OneOpenPerDevice",
                table: "DeviceTransfers",
                column: "DeviceId",
                unique: true,
                filter: "\"State\" IN (1, 2)");

            migrationBuilder.CreateIndex(
                name: "IX_SchoolNetworkProfiles_CountyId",
                table: "SchoolNetworkProfiles",
                column: "CountyId");

            migrationBuilder.CreateIndex(
                name: "IX_SchoolNetworkProfiles_SchoolPath",
                table: "SchoolNetworkProfiles",
                column: "SchoolPath");

            migrationBuilder.CreateIndex(
                name: "IX_TechnicianPosts_OrgPath",
                table: "TechnicianPosts",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_TechnicianPosts_OrgUnitId_FullTime",
                table: "TechnicianPosts",
                columns: new[] { "OrgUnitId", "FullTime" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeviceEvents");

            migrationBuilder.DropTable(
                name: "DeviceTransfers");

            migrationBuilder.DropTable(
                name: "SchoolNetworkProfiles");

            migrationBuilder.DropTable(
                name: "TechnicianPosts");

            migrationBuilder.DropTable(
                name: "Devices");

            migrationBuilder.DropTable(
                name: "Classrooms");
        }
    }
}
