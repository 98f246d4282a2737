using EduPortal.Domain.Bulletins;
using EduPortal.Web.Infrastructure.Bulletins;
using static EduPortal.Web.Infrastructure.Bulletins.BulletinTables;

namespace EduPortal.Web.Features.Surveys;

/// <summary>
/// 教师实名注册情况 per school (circular 000 §二 第二阶段: 4月21日前完成…注册…进行通报): the registration rate the dashboard
/// reads (<see cref="TeacherRegistrationRateSource"/>: registered serving teachers of surveyed subjects over the teachers the
/// school's latest submitted survey counts), as of the week's Sunday.
/// </summary>
public sealed class RegistrationBulletinSection(TeacherRegistrationRateSource source) : IBulletinSection
{
    public string Key => "surveys.registration";
    public string Title => "教师实名注册情况";
    public int Order => 10;

    public async Task<BulletinSectionData> BuildAsync(BulletinScope scope, BulletinWeek week, CancellationToken cancellationToken)
    {
        var reading = await source.ReadAsync(scope.Unit, week.Sunday, cancellationToken);
        var schools = await source.ReadSchoolsAsync(scope.Unit, week.Sunday, cancellationToken);
        var noSurvey = schools.Count(s => s.Value.Value is null);
        var lowest = schools.Where(s => s.Value.Value is not null).OrderBy(s => s.Value.Value).ThenBy(s => s.School.Path, StringComparer.Ordinal)
            .Take(MaxRows).Select(s => (IReadOnlyList<string>)[s.School.Name, Number(s.Value.Numerator), Number(s.Value.Denominator), Number(s.Value.Value, "%")]).ToList();
        var tables = new List<BulletinTable>
        {
            UnitTable(reading, scope.UnitsWord, "已注册教师", "调查任课教师"),
        };
        // The units' table names schools only when every unit under the scope is one (a county without township centres).
        if (reading.Units.Count != schools.Count)
        {
            tables.Add(new BulletinTable("注册率最低的学校", ["学校", "已注册教师", "调查任课教师", "注册率"], lowest) { NumericColumns = [1, 2, 3] });
        }
        var summary = $"{ScopeSentence(reading)}。" + (noSurvey > 0 ? $"另有 {noSurvey} 所学校尚未提交调查表，无法计算注册率。" : "");
        return new BulletinSectionData(Key, Title, Order, summary, tables, [UnitChart(reading, scope.UnitsWord)]);
    }
}

/// <summary>实验教学调查填报情况: the completion rate of the latest round reaching the unit (<see cref="SurveyCompletionRateSource"/>) and the schools still missing.</summary>
public sealed class SurveyCompletionBulletinSection(SurveyCompletionRateSource source) : IBulletinSection
{
    public string Key => "surveys.completion";
    public string Title => "实验教学调查填报情况";
    public int Order => 40;

    public async Task<BulletinSectionData> BuildAsync(BulletinScope scope, BulletinWeek week, CancellationToken cancellationToken)
    {
        var reading = await source.ReadAsync(scope.Unit, week.Sunday, cancellationToken);
        if (reading.Scope.Denominator is null or 0)
        {
            return BulletinSectionData.Empty(Key, Title, Order, "本期无进行中的调查。");
        }
        var missing = (await source.ReadSchoolsAsync(scope.Unit, week.Sunday, cancellationToken))
            .Where(s => s.Value.Denominator > 0 && s.Value.Numerator == 0).Select(s => s.School.Name).ToList();
        var tables = new List<BulletinTable>
        {
            UnitTable(reading, scope.UnitsWord, "已提交学校", "应填报学校"),
            new("尚未提交的学校", ["学校"], missing.Take(MaxRows).Select(n => (IReadOnlyList<string>)[n]).ToList())
            {
                Note = missing.Count > MaxRows ? $"共 {missing.Count} 所，仅列出前 {MaxRows} 所" : null,
            },
        };
        return new BulletinSectionData(Key, Title, Order, $"{ScopeSentence(reading)}，尚有 {missing.Count} 所学校未提交。", tables, [UnitChart(reading, scope.UnitsWord)]);
    }
}
