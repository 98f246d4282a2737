using EduPortal.Domain.Surveys;

namespace EduPortal.Domain.Tests.Surveys;

public sealed class SurveyTitlesTests
{
    [Theory]
    [InlineData("2026-02-01", "2026年春季")]
    [InlineData("2026-07-31", "2026年春季")]
    [InlineData("2026-08-01", "2026年秋季")]
    [InlineData("2026-11-30", "2026年秋季")]
    [InlineData("2026-12-31", "2026年秋季")]
    [InlineData("2027-01-01", "2026年秋季")]
    [InlineData("2027-01-31", "2026年秋季")]
    [InlineData("2027-02-01", "2027年春季")]
    public void Spring_runs_February_to_July_and_autumn_August_to_January_of_the_year_it_starts(string date, string term)
    {
        Assert.Equal(term, SurveyTitles.TermName(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void The_demo_round_is_named_after_the_bureau_place_and_the_term()
    {
        Assert.Equal("东溪区中小学实验教学情况调查（2026年秋季）", SurveyTitles.LabSurvey("东溪区教育局", new DateOnly(2026, 11, 30)));
        Assert.Equal("西岭县中小学实验教学情况调查（2027年春季）", SurveyTitles.LabSurvey("西岭县", new DateOnly(2027, 3, 2)));
    }
}
