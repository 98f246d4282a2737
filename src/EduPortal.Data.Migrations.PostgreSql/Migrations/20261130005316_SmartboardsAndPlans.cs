using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace EduPortal.Data.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class SmartboardsAndPlans : Migration
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
                name: "MetricSnapshots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MetricKey = table.Column<string>(type: "character varying(80)", unicode: false, maxLength: 80, nullable: false),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    TakenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MetricSnapshots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MetricSnapshots_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Plans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OwnerUnitId = table.Column<int>(type: "integer", nullable: false),
                    OwnerName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    OwnerPath = table.Column<string>(type: "character varying(200)", unicode: false, maxLength: 200, nullable: false),
                    OwnerKind = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DocumentNumber = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Plans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Plans_OrgUnits_OwnerUnitId",
                        column: x => x.OwnerUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

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
                name: "PlanLeaders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Role = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Post = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    PlanId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanLeaders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanLeaders_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanOffices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Duty = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    PlanId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanOffices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanOffices_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanSchoolLeads",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    SchoolName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    LeaderName = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Post = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    PlanId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanSchoolLeads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanSchoolLeads_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanTargets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanId = table.Column<int>(type: "integer", nullable: false),
                    PlanOwnerUnitId = table.Column<int>(type: "integer", nullable: false),
                    PlanOwnerPath = table.Column<string>(type: "character varying(200)", unicode: false, maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    MetricKey = table.Column<string>(type: "character varying(80)", unicode: false, maxLength: 80, nullable: false),
                    Unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Direction = table.Column<int>(type: "integer", nullable: false),
                    ScopeUnitId = table.Column<int>(type: "integer", nullable: false),
                    ScopeName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    ScopePath = table.Column<string>(type: "character varying(200)", unicode: false, maxLength: 200, nullable: false),
                    Baseline = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    BaselineDate = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanTargets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanTargets_OrgUnits_ScopeUnitId",
                        column: x => x.ScopeUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlanTargets_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanTasks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanId = table.Column<int>(type: "integer", nullable: false),
                    PlanOwnerUnitId = table.Column<int>(type: "integer", nullable: false),
                    PlanOwnerPath = table.Column<string>(type: "character varying(200)", unicode: false, maxLength: 200, nullable: false),
                    ParentTaskId = table.Column<int>(type: "integer", nullable: true),
                    IsBrokenDown = table.Column<bool>(type: "boolean", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Period = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ResponsibleUnitId = table.Column<int>(type: "integer", nullable: false),
                    ResponsibleUnitName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    ResponsibleUnitPath = table.Column<string>(type: "character varying(200)", unicode: false, maxLength: 200, nullable: false),
                    ResponsibleUnitKind = table.Column<int>(type: "integer", nullable: false),
                    ResponsiblePeople = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SupervisingOffice = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Progress = table.Column<int>(type: "integer", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CompletionSummary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanTasks_OrgUnits_ResponsibleUnitId",
                        column: x => x.ResponsibleUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlanTasks_PlanTasks_ParentTaskId",
                        column: x => x.ParentTaskId,
                        principalTable: "PlanTasks",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_PlanTasks_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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

            migrationBuilder.CreateTable(
                name: "PlanTargetSteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    PlanTargetId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanTargetSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanTargetSteps_PlanTargets_PlanTargetId",
                        column: x => x.PlanTargetId,
                        principalTable: "PlanTargets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanTaskEvidence",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StoredPath = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    FileName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UploadedByName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PlanTaskId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanTaskEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanTaskEvidence_PlanTasks_PlanTaskId",
                        column: x => x.PlanTaskId,
                        principalTable: "PlanTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanTaskNotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PlanTaskId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanTaskNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanTaskNotes_PlanTasks_PlanTaskId",
                        column: x => x.PlanTaskId,
                        principalTable: "PlanTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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
                name: "IX_MetricSnapshots_MetricKey_OrgUnitId_Date",
                table: "MetricSnapshots",
                columns: new[] { "MetricKey", "OrgUnitId", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MetricSnapshots_OrgUnitId",
                table: "MetricSnapshots",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanLeaders_PlanId",
                table: "PlanLeaders",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanOffices_PlanId",
                table: "PlanOffices",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_Plans_OwnerPath",
                table: "Plans",
                column: "OwnerPath");

            migrationBuilder.CreateIndex(
                name: "IX_Plans_OwnerUnitId",
                table: "Plans",
                column: "OwnerUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanSchoolLeads_PlanId",
                table: "PlanSchoolLeads",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanTargets_PlanId",
                table: "PlanTargets",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanTargets_PlanOwnerPath",
                table: "PlanTargets",
                column: "PlanOwnerPath");

            migrationBuilder.CreateIndex(
                name: "IX_PlanTargets_ScopeUnitId",
                table: "PlanTargets",
                column: "ScopeUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanTargetSteps_PlanTargetId",
                table: "PlanTargetSteps",
                column: "PlanTargetId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanTaskEvidence_PlanTaskId",
                table: "PlanTaskEvidence",
                column: "PlanTaskId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanTaskNotes_PlanTaskId",
                table: "PlanTaskNotes",
                column: "PlanTaskId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanTasks_ParentTaskId",
                table: "PlanTasks",
                column: "ParentTaskId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanTasks_PlanId",
                table: "PlanTasks",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanTasks_PlanOwnerPath",
                table: "PlanTasks",
                column: "PlanOwnerPath");

            migrationBuilder.CreateIndex(
                name: "IX_PlanTasks_ResponsibleUnitId_DueDate",
                table: "PlanTasks",
                columns: new[] { "ResponsibleUnitId", "DueDate" });

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
                name: "IX_SchoolNetworkProfiles_CountyId",
                table: "SchoolNetworkProfiles",
                column: "CountyId");

            migrationBuilder.CreateIndex(
                name: "IX_SchoolNetworkProfiles_SchoolPath",
                table: "SchoolNetworkProfiles",
                column: "SchoolPath");

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
                name: "IX_TechnicianPosts_OrgPath",
                table: "TechnicianPosts",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_TechnicianPosts_OrgUnitId_FullTime",
                table: "TechnicianPosts",
                columns: new[] { "OrgUnitId", "FullTime" });

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
                name: "DeviceEvents");

            migrationBuilder.DropTable(
                name: "DeviceTransfers");

            migrationBuilder.DropTable(
                name: "MetricSnapshots");

            migrationBuilder.DropTable(
                name: "PlanLeaders");

            migrationBuilder.DropTable(
                name: "PlanOffices");

            migrationBuilder.DropTable(
                name: "PlanSchoolLeads");

            migrationBuilder.DropTable(
                name: "PlanTargetSteps");

            migrationBuilder.DropTable(
                name: "PlanTaskEvidence");

            migrationBuilder.DropTable(
                name: "PlanTaskNotes");

            migrationBuilder.DropTable(
                name: "RepairDeadlineSettings");

            migrationBuilder.DropTable(
                name: "RepairSteps");

            migrationBuilder.DropTable(
                name: "SafetyFindings");

            migrationBuilder.DropTable(
                name: "SchoolNetworkProfiles");

            migrationBuilder.DropTable(
                name: "SchoolPolicies");

            migrationBuilder.DropTable(
                name: "TechnicianPosts");

            migrationBuilder.DropTable(
                name: "WorkingCalendarYears");

            migrationBuilder.DropTable(
                name: "Devices");

            migrationBuilder.DropTable(
                name: "PlanTargets");

            migrationBuilder.DropTable(
                name: "PlanTasks");

            migrationBuilder.DropTable(
                name: "RepairTickets");

            migrationBuilder.DropTable(
                name: "SafetyInspections");

            migrationBuilder.DropTable(
                name: "Classrooms");

            migrationBuilder.DropTable(
                name: "Plans");
        }
    }
}
