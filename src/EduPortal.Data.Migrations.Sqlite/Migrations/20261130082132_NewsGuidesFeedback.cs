using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduPortal.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NewsGuidesFeedback : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Guides",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Topic = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Audience = table.Column<int>(type: "INTEGER", nullable: false),
                    Markdown = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Guides", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NewsItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    SchoolPath = table.Column<string>(type: "TEXT", unicode: false, maxLength: 200, nullable: false),
                    SchoolName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    CountyId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewedByName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Recommendation = table.Column<int>(type: "INTEGER", nullable: false),
                    RecommendedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RecommendedByName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    FeaturedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CountyDecisionByName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewsItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NewsItems_OrgUnits_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "UserFeedback",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SenderId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    SenderName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    SenderUnitName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    SenderPath = table.Column<string>(type: "TEXT", unicode: false, maxLength: 200, nullable: false),
                    BureauPath = table.Column<string>(type: "TEXT", unicode: false, maxLength: 200, nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ScreenshotKey = table.Column<string>(type: "TEXT", unicode: false, maxLength: 200, nullable: true),
                    ScreenshotThumbnailKey = table.Column<string>(type: "TEXT", unicode: false, maxLength: 200, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Reply = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RepliedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RepliedByName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedByName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    SenderReadAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserFeedback", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NewsPhotos",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FileKey = table.Column<string>(type: "TEXT", unicode: false, maxLength: 200, nullable: false),
                    ThumbnailKey = table.Column<string>(type: "TEXT", unicode: false, maxLength: 200, nullable: true),
                    ContentType = table.Column<string>(type: "TEXT", unicode: false, maxLength: 60, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    NewsItemId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewsPhotos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NewsPhotos_NewsItems_NewsItemId",
                        column: x => x.NewsItemId,
                        principalTable: "NewsItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Guides_Topic",
                table: "Guides",
                column: "Topic",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NewsItems_AuthorId_SubmittedAt",
                table: "NewsItems",
                columns: new[] { "AuthorId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_NewsItems_CountyId_Recommendation",
                table: "NewsItems",
                columns: new[] { "CountyId", "Recommendation" });

            migrationBuilder.CreateIndex(
                name: "IX_NewsItems_SchoolId_Status_PublishedAt",
                table: "NewsItems",
                columns: new[] { "SchoolId", "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_NewsPhotos_NewsItemId",
                table: "NewsPhotos",
                column: "NewsItemId");

            migrationBuilder.CreateIndex(
                name: "IX_UserFeedback_BureauPath_Status",
                table: "UserFeedback",
                columns: new[] { "BureauPath", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_UserFeedback_SenderId_SentAt",
                table: "UserFeedback",
                columns: new[] { "SenderId", "SentAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Guides");

            migrationBuilder.DropTable(
                name: "NewsPhotos");

            migrationBuilder.DropTable(
                name: "UserFeedback");

            migrationBuilder.DropTable(
                name: "NewsItems");
        }
    }
}
