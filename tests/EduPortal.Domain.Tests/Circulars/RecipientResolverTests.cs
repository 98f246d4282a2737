using EduPortal.Domain.Circulars;
using static EduPortal.Domain.Tests.Circulars.CircularFixtures;

namespace EduPortal.Domain.Tests.Circulars;

public sealed class RecipientResolverTests
{
    private static IReadOnlyList<string> Names(RecipientSelection selection) =>
        RecipientResolver.Resolve(selection, CountySubtree).Select(u => u.Name).ToList();

    [Fact]
    public void Circular_000s_salutation_townships_junior_and_county_direct_schools_resolves_to_those_units_only()
    {
        // circular 000: "各中心校、初中、区直学校："
        var names = Names(new RecipientSelection([], RecipientKinds.Townships | RecipientKinds.JuniorSchools | RecipientKinds.CountyDirectSchools));

        Assert.Equal(["桃源镇中心校", "桃源镇初级中学", "东溪区第二中学", "东溪区第一高级中学", "东溪区实验学校"], names);
        Assert.DoesNotContain("桃源镇杏林小学", names);
    }

    [Fact]
    public void County_direct_schools_are_the_schools_whose_parent_is_the_county_not_a_township()
    {
        Assert.Equal(["东溪区第二中学", "东溪区第一高级中学", "东溪区实验学校"], Names(new RecipientSelection([], RecipientKinds.CountyDirectSchools)));
    }

    [Fact]
    public void A_stage_kind_matches_combined_stages_that_include_it()
    {
        Assert.Equal(["桃源镇杏林小学", "东溪区实验学校"], Names(new RecipientSelection([], RecipientKinds.PrimarySchools)));
        Assert.Equal(["东溪区第一高级中学"], Names(new RecipientSelection([], RecipientKinds.SeniorSchools)));
    }

    [Fact]
    public void Units_chosen_one_by_one_join_the_kinds_without_duplicates()
    {
        var names = Names(new RecipientSelection([12, 14], RecipientKinds.JuniorSchools));

        Assert.Equal(["桃源镇杏林小学", "桃源镇初级中学", "东溪区第二中学", "东溪区实验学校"], names);
    }

    [Fact]
    public void A_unit_id_outside_the_issuers_subtree_never_becomes_a_recipient_and_is_reported()
    {
        var selection = new RecipientSelection([14, 999], RecipientKinds.None);

        Assert.Equal(["东溪区第二中学"], Names(selection));
        Assert.Equal([999], RecipientResolver.Outside(selection, CountySubtree));
    }

    [Fact]
    public void Counties_kind_matches_no_school()
    {
        Assert.Empty(Names(new RecipientSelection([], RecipientKinds.Counties)));
    }
}
