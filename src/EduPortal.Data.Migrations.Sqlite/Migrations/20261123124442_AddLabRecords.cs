using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduPortal.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddLabRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LabExperiments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OwnerOrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerPath = table.Column<string>(type: "TEXT", unicode: false, maxLength: 200, nullable: false),
                    Subject = table.Column<int>(type: "INTEGER", nullable: false),
                    Grade = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LabExperiments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LabExperiments_OrgUnits_OwnerOrgUnitId",
                        column: x => x.OwnerOrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LabInactivityFlags",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WeekStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    SchoolPath = table.Column<string>(type: "TEXT", unicode: false, maxLength: 200, nullable: false),
                    Weeks = table.Column<int>(type: "INTEGER", nullable: false),
                    LastLessonDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FlaggedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LabInactivityFlags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LabInactivityFlags_OrgUnits_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LabRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TeacherId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    TeacherName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    SchoolName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SchoolPath = table.Column<string>(type: "TEXT", unicode: false, maxLength: 200, nullable: false),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Subject = table.Column<int>(type: "INTEGER", nullable: true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: true),
                    ExperimentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ClassId = table.Column<int>(type: "INTEGER", nullable: true),
                    ClassName = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Grade = table.Column<int>(type: "INTEGER", nullable: true),
                    LessonDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Period = table.Column<int>(type: "INTEGER", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Shown = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReportedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ReportedByName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    ReportReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ReviewerName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    ReviewerLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    ReviewComment = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LabRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LabRecords_LabExperiments_ExperimentId",
                        column: x => x.ExperimentId,
                        principalTable: "LabExperiments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LabRecords_OrgUnits_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LabMedia",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecordId = table.Column<long>(type: "INTEGER", nullable: false),
                    Slot = table.Column<int>(type: "INTEGER", nullable: false),
                    FileKey = table.Column<string>(type: "TEXT", unicode: false, maxLength: 120, nullable: false),
                    ThumbnailKey = table.Column<string>(type: "TEXT", unicode: false, maxLength: 120, nullable: true),
                    ContentType = table.Column<string>(type: "TEXT", unicode: false, maxLength: 60, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    DurationSeconds = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LabMedia", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LabMedia_LabRecords_RecordId",
                        column: x => x.RecordId,
                        principalTable: "LabRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LabRecordTransitions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecordId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    From = table.Column<int>(type: "INTEGER", nullable: true),
                    To = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", unicode: false, maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LabRecordTransitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LabRecordTransitions_LabRecords_RecordId",
                        column: x => x.RecordId,
                        principalTable: "LabRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LabExperiments_OwnerOrgUnitId_Code",
                table: "LabExperiments",
                columns: new[] { "OwnerOrgUnitId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LabExperiments_Subject_Grade_OwnerPath",
                table: "LabExperiments",
                columns: new[] { "Subject", "Grade", "OwnerPath" });

            migrationBuilder.CreateIndex(
                name: "IX_LabInactivityFlags_SchoolId",
                table: "LabInactivityFlags",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_LabInactivityFlags_SchoolPath",
                table: "LabInactivityFlags",
                column: "SchoolPath");

            migrationBuilder.CreateIndex(
                name: "IX_LabInactivityFlags_WeekStart_SchoolId",
                table: "LabInactivityFlags",
                columns: new[] { "WeekStart", "SchoolId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LabMedia_FileKey",
                table: "LabMedia",
                column: "FileKey");

            migrationBuilder.CreateIndex(
                name: "IX_LabMedia_RecordId_Slot",
                table: "LabMedia",
                columns: new[] { "RecordId", "Slot" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LabRecords_CountyId_Shown_LessonDate_SchoolId_TeacherId_Subject_ExperimentId",
                table: "LabRecords",
                columns: new[] { "CountyId", "Shown", "LessonDate", "SchoolId", "TeacherId", "Subject", "ExperimentId" });

            migrationBuilder.CreateIndex(
                name: "IX_LabRecords_ExperimentId",
                table: "LabRecords",
                column: "ExperimentId");

            migrationBuilder.CreateIndex(
                name: "IX_LabRecords_OneDraftPerTeacher",
                table: "LabRecords",
                column: "TeacherId",
                unique: true,
                filter: "\"State\" = 0");

            migrationBuilder.CreateIndex(
                name: "IX_LabRecords_SchoolId_Shown_PublishedAt",
                table: "LabRecords",
                columns: new[] { "SchoolId", "Shown", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LabRecords_Shown_CountyId_Subject_PublishedAt",
                table: "LabRecords",
                columns: new[] { "Shown", "CountyId", "Subject", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LabRecords_Shown_LessonDate_SchoolId_TeacherId_Subject_ExperimentId",
                table: "LabRecords",
                columns: new[] { "Shown", "LessonDate", "SchoolId", "TeacherId", "Subject", "ExperimentId" });

            migrationBuilder.CreateIndex(
                name: "IX_LabRecords_Shown_PublishedAt_Id",
                table: "LabRecords",
                columns: new[] { "Shown", "PublishedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_LabRecords_Shown_SchoolId_LessonDate",
                table: "LabRecords",
                columns: new[] { "Shown", "SchoolId", "LessonDate" });

            migrationBuilder.CreateIndex(
                name: "IX_LabRecords_State_SchoolPath",
                table: "LabRecords",
                columns: new[] { "State", "SchoolPath" });

            migrationBuilder.CreateIndex(
                name: "IX_LabRecords_TeacherId_State",
                table: "LabRecords",
                columns: new[] { "TeacherId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_LabRecordTransitions_RecordId_At",
                table: "LabRecordTransitions",
                columns: new[] { "RecordId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LabInactivityFlags");

            migrationBuilder.DropTable(
                name: "LabMedia");

            migrationBuilder.DropTable(
                name: "LabRecordTransitions");

            migrationBuilder.DropTable(
                name: "LabRecords");

            migrationBuilder.DropTable(
                name: "LabExperiments");
        }
    }
}
