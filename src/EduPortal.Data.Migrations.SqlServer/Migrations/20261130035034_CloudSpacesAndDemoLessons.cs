using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduPortal.Data.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class CloudSpacesAndDemoLessons : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AwardRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    CountyId = table.Column<int>(type: "int", nullable: false),
                    CountyPath = table.Column<string>(type: "varchar(200)", unicode: false, maxLength: 200, nullable: false),
                    CountyName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    NominationStart = table.Column<DateOnly>(type: "date", nullable: false),
                    NominationEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    ReviewStart = table.Column<DateOnly>(type: "date", nullable: false),
                    ReviewEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    CommendationStart = table.Column<DateOnly>(type: "date", nullable: false),
                    CommendationEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    DeepFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    DeepTo = table.Column<DateOnly>(type: "date", nullable: false),
                    CommentBelow = table.Column<int>(type: "int", nullable: false),
                    TrimFromExperts = table.Column<int>(type: "int", nullable: false),
                    FirstPrizes = table.Column<int>(type: "int", nullable: false),
                    SecondPrizes = table.Column<int>(type: "int", nullable: false),
                    ThirdPrizes = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    DeepComputedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    PublishedByName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AwardRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AwardRounds_OrgUnits_CountyId",
                        column: x => x.CountyId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CloudSpaceTerms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SchoolId = table.Column<int>(type: "int", nullable: false),
                    SchoolPath = table.Column<string>(type: "varchar(200)", unicode: false, maxLength: 200, nullable: false),
                    Start = table.Column<DateOnly>(type: "date", nullable: false),
                    End = table.Column<DateOnly>(type: "date", nullable: false),
                    Thresholds_ArticleOriginalPercent = table.Column<int>(type: "int", nullable: false),
                    Thresholds_Courseware = table.Column<int>(type: "int", nullable: false),
                    Thresholds_LessonPlans = table.Column<int>(type: "int", nullable: false),
                    Thresholds_Videos = table.Column<int>(type: "int", nullable: false),
                    Thresholds_OtherResources = table.Column<int>(type: "int", nullable: false),
                    Thresholds_ResourceOriginalPercent = table.Column<int>(type: "int", nullable: false),
                    Thresholds_Photos = table.Column<int>(type: "int", nullable: false),
                    Thresholds_Albums = table.Column<int>(type: "int", nullable: false),
                    Thresholds_HomepageModules = table.Column<int>(type: "int", nullable: false),
                    Thresholds_Apps = table.Column<int>(type: "int", nullable: false),
                    Thresholds_LoginsPerWeek = table.Column<int>(type: "int", nullable: false),
                    Thresholds_Points = table.Column<int>(type: "int", nullable: false),
                    FirstPlaces = table.Column<int>(type: "int", nullable: false),
                    SecondPlaces = table.Column<int>(type: "int", nullable: false),
                    ThirdPlaces = table.Column<int>(type: "int", nullable: false),
                    OpenedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    AwardedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CloudSpaceTerms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CloudSpaceTerms_OrgUnits_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DemoLessons",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SchoolId = table.Column<int>(type: "int", nullable: false),
                    SchoolPath = table.Column<string>(type: "varchar(200)", unicode: false, maxLength: 200, nullable: false),
                    CountyId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    TeacherId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    TeacherName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Topic = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ClassroomId = table.Column<int>(type: "int", nullable: true),
                    ClassroomName = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Notes = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    EvidenceLink = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    RecordedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    RecordedByName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DemoLessons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DemoLessons_Classrooms_ClassroomId",
                        column: x => x.ClassroomId,
                        principalTable: "Classrooms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_DemoLessons_OrgUnits_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LessonCompetitions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CountyId = table.Column<int>(type: "int", nullable: false),
                    CountyPath = table.Column<string>(type: "varchar(200)", unicode: false, maxLength: 200, nullable: false),
                    CountyName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Period = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    OpenedByName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ResultsRecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LessonCompetitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LessonCompetitions_OrgUnits_CountyId",
                        column: x => x.CountyId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RepairFigureSnapshots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    SchoolId = table.Column<int>(type: "int", nullable: false),
                    SchoolPath = table.Column<string>(type: "varchar(200)", unicode: false, maxLength: 200, nullable: false),
                    TownshipId = table.Column<int>(type: "int", nullable: true),
                    CountyId = table.Column<int>(type: "int", nullable: false),
                    Tickets = table.Column<int>(type: "int", nullable: false),
                    Overdue = table.Column<int>(type: "int", nullable: false),
                    Repaired = table.Column<int>(type: "int", nullable: false),
                    RepairMinutes = table.Column<long>(type: "bigint", nullable: false),
                    RepeatDevices = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RepairFigureSnapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AwardEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RoundId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    SchoolId = table.Column<int>(type: "int", nullable: false),
                    SchoolPath = table.Column<string>(type: "varchar(200)", unicode: false, maxLength: 200, nullable: false),
                    SchoolName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    TeacherId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    TeacherName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: true),
                    SpaceUrl = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    Note = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    NominatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    NominatedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    NominatedByName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: true),
                    Score = table.Column<decimal>(type: "decimal(12,2)", precision: 12, scale: 2, nullable: true),
                    TieBreak = table.Column<decimal>(type: "decimal(12,2)", precision: 12, scale: 2, nullable: false),
                    Rank = table.Column<int>(type: "int", nullable: true),
                    Tier = table.Column<int>(type: "int", nullable: false),
                    TiedAtBoundary = table.Column<bool>(type: "bit", nullable: false),
                    OverrideTier = table.Column<int>(type: "int", nullable: true),
                    OverrideNote = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AwardEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AwardEntries_AwardRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "AwardRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AwardEntries_OrgUnits_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CloudSpaceAwards",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TermId = table.Column<int>(type: "int", nullable: false),
                    TeacherId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    TeacherName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Rank = table.Column<int>(type: "int", nullable: false),
                    Qualified = table.Column<bool>(type: "bit", nullable: false),
                    Points = table.Column<int>(type: "int", nullable: false),
                    Exceeded = table.Column<int>(type: "int", nullable: false),
                    RuleTier = table.Column<int>(type: "int", nullable: false),
                    TiedAtBoundary = table.Column<bool>(type: "bit", nullable: false),
                    Tier = table.Column<int>(type: "int", nullable: false),
                    OverrideNote = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    OverriddenByName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: true),
                    OverriddenAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CloudSpaceAwards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CloudSpaceAwards_CloudSpaceTerms_TermId",
                        column: x => x.TermId,
                        principalTable: "CloudSpaceTerms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CloudSpaceManualEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TermId = table.Column<int>(type: "int", nullable: false),
                    TeacherId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    Target = table.Column<int>(type: "int", nullable: false),
                    Summary = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Evidence = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    EnteredById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    EnteredByName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    EnteredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CloudSpaceManualEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CloudSpaceManualEntries_CloudSpaceTerms_TermId",
                        column: x => x.TermId,
                        principalTable: "CloudSpaceTerms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CloudSpaceStatistics",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TermId = table.Column<int>(type: "int", nullable: false),
                    SchoolId = table.Column<int>(type: "int", nullable: false),
                    TeacherId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    Articles = table.Column<int>(type: "int", nullable: true),
                    OriginalArticles = table.Column<int>(type: "int", nullable: true),
                    ProfileConfirmed = table.Column<bool>(type: "bit", nullable: true),
                    Courseware = table.Column<int>(type: "int", nullable: true),
                    LessonPlans = table.Column<int>(type: "int", nullable: true),
                    Videos = table.Column<int>(type: "int", nullable: true),
                    OtherResources = table.Column<int>(type: "int", nullable: true),
                    OriginalResources = table.Column<int>(type: "int", nullable: true),
                    Photos = table.Column<int>(type: "int", nullable: true),
                    Albums = table.Column<int>(type: "int", nullable: true),
                    HeaderSet = table.Column<bool>(type: "bit", nullable: true),
                    BackgroundSet = table.Column<bool>(type: "bit", nullable: true),
                    HomepageModules = table.Column<int>(type: "int", nullable: true),
                    Apps = table.Column<int>(type: "int", nullable: true),
                    ManualTargets = table.Column<int>(type: "int", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CloudSpaceStatistics", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CloudSpaceStatistics_AspNetUsers_TeacherId",
                        column: x => x.TeacherId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CloudSpaceStatistics_CloudSpaceTerms_TermId",
                        column: x => x.TermId,
                        principalTable: "CloudSpaceTerms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CompetitionEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CompetitionId = table.Column<int>(type: "int", nullable: false),
                    SchoolId = table.Column<int>(type: "int", nullable: false),
                    SchoolName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    SchoolPath = table.Column<string>(type: "varchar(200)", unicode: false, maxLength: 200, nullable: false),
                    TeacherId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    TeacherName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    LessonTitle = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    EnteredByName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    EnteredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Award = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompetitionEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CompetitionEntries_LessonCompetitions_CompetitionId",
                        column: x => x.CompetitionId,
                        principalTable: "LessonCompetitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CompetitionEntries_OrgUnits_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AwardAssignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RoundId = table.Column<int>(type: "int", nullable: false),
                    EntryId = table.Column<int>(type: "int", nullable: false),
                    ExpertId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    ExpertName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    AssignedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    AssignedByName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AwardAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AwardAssignments_AwardEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "AwardEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AwardScores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RoundId = table.Column<int>(type: "int", nullable: false),
                    EntryId = table.Column<int>(type: "int", nullable: false),
                    ExpertId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    ExpertName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Layout = table.Column<int>(type: "int", nullable: false),
                    Application = table.Column<int>(type: "int", nullable: false),
                    Effect = table.Column<int>(type: "int", nullable: false),
                    Innovation = table.Column<int>(type: "int", nullable: false),
                    Comment = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    ScoredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AwardScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AwardScores_AwardEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "AwardEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AwardAssignments_EntryId_ExpertId",
                table: "AwardAssignments",
                columns: new[] { "EntryId", "ExpertId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AwardAssignments_ExpertId_RoundId",
                table: "AwardAssignments",
                columns: new[] { "ExpertId", "RoundId" });

            migrationBuilder.CreateIndex(
                name: "IX_AwardEntries_RoundId_Kind_SchoolId_TeacherId",
                table: "AwardEntries",
                columns: new[] { "RoundId", "Kind", "SchoolId", "TeacherId" });

            migrationBuilder.CreateIndex(
                name: "IX_AwardEntries_SchoolId",
                table: "AwardEntries",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_AwardEntries_SchoolPath",
                table: "AwardEntries",
                column: "SchoolPath");

            migrationBuilder.CreateIndex(
                name: "IX_AwardRounds_CountyId_Year",
                table: "AwardRounds",
                columns: new[] { "CountyId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_AwardRounds_CountyPath",
                table: "AwardRounds",
                column: "CountyPath");

            migrationBuilder.CreateIndex(
                name: "IX_AwardScores_EntryId_ExpertId",
                table: "AwardScores",
                columns: new[] { "EntryId", "ExpertId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AwardScores_RoundId",
                table: "AwardScores",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_CloudSpaceAwards_TermId_TeacherId",
                table: "CloudSpaceAwards",
                columns: new[] { "TermId", "TeacherId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CloudSpaceManualEntries_TermId_TeacherId",
                table: "CloudSpaceManualEntries",
                columns: new[] { "TermId", "TeacherId" });

            migrationBuilder.CreateIndex(
                name: "IX_CloudSpaceStatistics_TeacherId_TermId",
                table: "CloudSpaceStatistics",
                columns: new[] { "TeacherId", "TermId" });

            migrationBuilder.CreateIndex(
                name: "IX_CloudSpaceStatistics_TermId_TeacherId",
                table: "CloudSpaceStatistics",
                columns: new[] { "TermId", "TeacherId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CloudSpaceTerms_SchoolId_Start",
                table: "CloudSpaceTerms",
                columns: new[] { "SchoolId", "Start" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CloudSpaceTerms_Start_SchoolPath",
                table: "CloudSpaceTerms",
                columns: new[] { "Start", "SchoolPath" });

            migrationBuilder.CreateIndex(
                name: "IX_CompetitionEntries_CompetitionId_TeacherId",
                table: "CompetitionEntries",
                columns: new[] { "CompetitionId", "TeacherId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CompetitionEntries_SchoolId",
                table: "CompetitionEntries",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_DemoLessons_ClassroomId",
                table: "DemoLessons",
                column: "ClassroomId");

            migrationBuilder.CreateIndex(
                name: "IX_DemoLessons_CountyId_HeldOn",
                table: "DemoLessons",
                columns: new[] { "CountyId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DemoLessons_SchoolId_HeldOn",
                table: "DemoLessons",
                columns: new[] { "SchoolId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DemoLessons_SchoolPath",
                table: "DemoLessons",
                column: "SchoolPath");

            migrationBuilder.CreateIndex(
                name: "IX_LessonCompetitions_CountyId_Year_Period",
                table: "LessonCompetitions",
                columns: new[] { "CountyId", "Year", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LessonCompetitions_CountyPath",
                table: "LessonCompetitions",
                column: "CountyPath");

            migrationBuilder.CreateIndex(
                name: "IX_RepairFigureSnapshots_Day_CountyId",
                table: "RepairFigureSnapshots",
                columns: new[] { "Day", "CountyId" });

            migrationBuilder.CreateIndex(
                name: "IX_RepairFigureSnapshots_Day_SchoolId",
                table: "RepairFigureSnapshots",
                columns: new[] { "Day", "SchoolId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RepairFigureSnapshots_Day_TownshipId",
                table: "RepairFigureSnapshots",
                columns: new[] { "Day", "TownshipId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AwardAssignments");

            migrationBuilder.DropTable(
                name: "AwardScores");

            migrationBuilder.DropTable(
                name: "CloudSpaceAwards");

            migrationBuilder.DropTable(
                name: "CloudSpaceManualEntries");

            migrationBuilder.DropTable(
                name: "CloudSpaceStatistics");

            migrationBuilder.DropTable(
                name: "CompetitionEntries");

            migrationBuilder.DropTable(
                name: "DemoLessons");

            migrationBuilder.DropTable(
                name: "RepairFigureSnapshots");

            migrationBuilder.DropTable(
                name: "AwardEntries");

            migrationBuilder.DropTable(
                name: "CloudSpaceTerms");

            migrationBuilder.DropTable(
                name: "LessonCompetitions");

            migrationBuilder.DropTable(
                name: "AwardRounds");
        }
    }
}
