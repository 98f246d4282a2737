using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EduPortal.Data.Points;

/// <summary>
/// The SQL of migration <c>DailyPrefixSums</c> (issue 16), kept here so a test runs the same statements on a filled
/// table. Frozen with that migration: a later change to the day rows needs a migration of its own, not an edit here.
/// </summary>
public static class PointDayPrefixSql
{
    private const string Sums = """
        SUM("Points") OVER (PARTITION BY "TeacherId", "Year" ORDER BY "Day" ROWS UNBOUNDED PRECEDING) AS "CumPoints",
        SUM("SpaceBuilding") OVER (PARTITION BY "TeacherId", "Year" ORDER BY "Day" ROWS UNBOUNDED PRECEDING) AS "CumSpaceBuilding",
        SUM("TeachingApplication") OVER (PARTITION BY "TeacherId", "Year" ORDER BY "Day" ROWS UNBOUNDED PRECEDING) AS "CumTeachingApplication",
        SUM("Interaction") OVER (PARTITION BY "TeacherId", "Year" ORDER BY "Day" ROWS UNBOUNDED PRECEDING) AS "CumInteraction",
        SUM("TeacherTraining") OVER (PARTITION BY "TeacherId", "Year" ORDER BY "Day" ROWS UNBOUNDED PRECEDING) AS "CumTeacherTraining",
        SUM("CampusManagement") OVER (PARTITION BY "TeacherId", "Year" ORDER BY "Day" ROWS UNBOUNDED PRECEDING) AS "CumCampusManagement",
        SUM("SignInDays") OVER (PARTITION BY "TeacherId", "Year" ORDER BY "Day" ROWS UNBOUNDED PRECEDING) AS "CumSignInDays"
        """;

    private const string Set = """
        "CumPoints" = s."CumPoints", "CumSpaceBuilding" = s."CumSpaceBuilding", "CumTeachingApplication" = s."CumTeachingApplication",
        "CumInteraction" = s."CumInteraction", "CumTeacherTraining" = s."CumTeacherTraining", "CumCampusManagement" = s."CumCampusManagement",
        "CumSignInDays" = s."CumSignInDays"
        """;

    /// <summary>
    /// Fills the year-to-date sums of every day row already stored (an existing install's rows were written before the
    /// columns existed), so no reader finds zeros: SQLite (3.33 and later) and PostgreSQL.
    /// </summary>
    public const string Fill = "UPDATE \"PointTeacherDays\" AS d SET " + Set + " FROM (SELECT \"TeacherId\", \"Year\", \"Day\", " + Sums
        + " FROM \"PointTeacherDays\") AS s WHERE d.\"TeacherId\" = s.\"TeacherId\" AND d.\"Year\" = s.\"Year\" AND d.\"Day\" = s.\"Day\"";

    /// <summary><see cref="Fill"/> in SQL Server's UPDATE … FROM form.</summary>
    public const string FillSqlServer = "UPDATE d SET " + Set + " FROM \"PointTeacherDays\" AS d INNER JOIN (SELECT \"TeacherId\", \"Year\", \"Day\", " + Sums
        + " FROM \"PointTeacherDays\") AS s ON d.\"TeacherId\" = s.\"TeacherId\" AND d.\"Year\" = s.\"Year\" AND d.\"Day\" = s.\"Day\"";

    /// <summary>
    /// SQLite: the table rebuilt <c>WITHOUT ROWID</c> (EF cannot declare it), its rows copied in key order. The key's
    /// B-tree then holds each row: a lookup by (teacher, year, day) reads one B-tree, and a row written is one entry.
    /// </summary>
    public const string SqliteWithoutRowid = """
        CREATE TABLE "PointTeacherDays_new" (
            "TeacherId" TEXT NOT NULL,
            "Year" INTEGER NOT NULL,
            "Day" TEXT NOT NULL,
            "Points" INTEGER NOT NULL,
            "SpaceBuilding" INTEGER NOT NULL,
            "TeachingApplication" INTEGER NOT NULL,
            "Interaction" INTEGER NOT NULL,
            "TeacherTraining" INTEGER NOT NULL,
            "CampusManagement" INTEGER NOT NULL,
            "SignInDays" INTEGER NOT NULL,
            "CumPoints" INTEGER NOT NULL,
            "CumSpaceBuilding" INTEGER NOT NULL,
            "CumTeachingApplication" INTEGER NOT NULL,
            "CumInteraction" INTEGER NOT NULL,
            "CumTeacherTraining" INTEGER NOT NULL,
            "CumCampusManagement" INTEGER NOT NULL,
            "CumSignInDays" INTEGER NOT NULL,
            CONSTRAINT "PK_PointTeacherDays" PRIMARY KEY ("TeacherId", "Year", "Day")
        ) WITHOUT ROWID;
        INSERT INTO "PointTeacherDays_new" ("TeacherId", "Year", "Day", "Points", "SpaceBuilding", "TeachingApplication", "Interaction",
            "TeacherTraining", "CampusManagement", "SignInDays", "CumPoints", "CumSpaceBuilding", "CumTeachingApplication", "CumInteraction",
            "CumTeacherTraining", "CumCampusManagement", "CumSignInDays")
        SELECT "TeacherId", "Year", "Day", "Points", "SpaceBuilding", "TeachingApplication", "Interaction",
            "TeacherTraining", "CampusManagement", "SignInDays", "CumPoints", "CumSpaceBuilding", "CumTeachingApplication", "CumInteraction",
            "CumTeacherTraining", "CumCampusManagement", "CumSignInDays"
        FROM "PointTeacherDays" ORDER BY "TeacherId", "Year", "Day";
        DROP TABLE "PointTeacherDays";
        ALTER TABLE "PointTeacherDays_new" RENAME TO "PointTeacherDays";
        """;

    /// <summary>The fill statement of the database's provider.</summary>
    public static string FillFor(DatabaseFacade database) => database.IsSqlServer() ? FillSqlServer : Fill;
}
