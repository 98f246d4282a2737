using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduPortal.Data.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Plans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MetricSnapshots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MetricKey = table.Column<string>(type: "varchar(80)", unicode: false, maxLength: 80, nullable: false),
                    OrgUnitId = table.Column<int>(type: "int", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Value = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: true),
                    TakenAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    OwnerUnitId = table.Column<int>(type: "int", nullable: false),
                    OwnerName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    OwnerPath = table.Column<string>(type: "varchar(200)", unicode: false, maxLength: 200, nullable: false),
                    OwnerKind = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    DocumentNumber = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
                name: "PlanLeaders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Role = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Post = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    PlanId = table.Column<int>(type: "int", nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Duty = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    PlanId = table.Column<int>(type: "int", nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SchoolId = table.Column<int>(type: "int", nullable: false),
                    SchoolName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    LeaderName = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Post = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    PlanId = table.Column<int>(type: "int", nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PlanId = table.Column<int>(type: "int", nullable: false),
                    PlanOwnerUnitId = table.Column<int>(type: "int", nullable: false),
                    PlanOwnerPath = table.Column<string>(type: "varchar(200)", unicode: false, maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    MetricKey = table.Column<string>(type: "varchar(80)", unicode: false, maxLength: 80, nullable: false),
                    Unit = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Direction = table.Column<int>(type: "int", nullable: false),
                    ScopeUnitId = table.Column<int>(type: "int", nullable: false),
                    ScopeName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    ScopePath = table.Column<string>(type: "varchar(200)", unicode: false, maxLength: 200, nullable: false),
                    Baseline = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PlanId = table.Column<int>(type: "int", nullable: false),
                    PlanOwnerUnitId = table.Column<int>(type: "int", nullable: false),
                    PlanOwnerPath = table.Column<string>(type: "varchar(200)", unicode: false, maxLength: 200, nullable: false),
                    ParentTaskId = table.Column<int>(type: "int", nullable: true),
                    IsBrokenDown = table.Column<bool>(type: "bit", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Period = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ResponsibleUnitId = table.Column<int>(type: "int", nullable: false),
                    ResponsibleUnitName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    ResponsibleUnitPath = table.Column<string>(type: "varchar(200)", unicode: false, maxLength: 200, nullable: false),
                    ResponsibleUnitKind = table.Column<int>(type: "int", nullable: false),
                    ResponsiblePeople = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    SupervisingOffice = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Progress = table.Column<int>(type: "int", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CompletionSummary = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true)
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
                name: "PlanTargetSteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Value = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    PlanTargetId = table.Column<int>(type: "int", nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    StoredPath = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    ContentType = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    UploadedByName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    PlanTaskId = table.Column<int>(type: "int", nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Text = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    AuthorName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    PlanTaskId = table.Column<int>(type: "int", nullable: false)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
                name: "PlanTargets");

            migrationBuilder.DropTable(
                name: "PlanTasks");

            migrationBuilder.DropTable(
                name: "Plans");
        }
    }
}
