using EduPortal.Domain.Bulletins;
using EduPortal.Web.Infrastructure.Bulletins;
using static EduPortal.Web.Infrastructure.Bulletins.BulletinTables;

namespace EduPortal.Web.Features.CloudSpaces;

/// <summary>云空间建设达标情况: the compliance rate the dashboard reads (<see cref="CloudSpaceComplianceMetric"/>) per unit, as of the week's Sunday.</summary>
public sealed class CloudSpacesBulletinSection(CloudSpaceComplianceMetric source) : IBulletinSection
{
    public string Key => "cloudspaces.compliance";
    public string Title => "云空间建设达标情况";
    public int Order => 50;

    public async Task<BulletinSectionData> BuildAsync(BulletinScope scope, BulletinWeek week, CancellationToken cancellationToken)
    {
        var reading = await source.ReadAsync(scope.Unit, week.Sunday, cancellationToken);
        return new BulletinSectionData(Key, Title, Order, $"{ScopeSentence(reading)}。",
            [UnitTable(reading, scope.UnitsWord, "合格教师空间", "已开通学校教师")], [UnitChart(reading, scope.UnitsWord)]);
    }
}
