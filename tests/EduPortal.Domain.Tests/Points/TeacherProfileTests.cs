using EduPortal.Domain.Points;

namespace EduPortal.Domain.Tests.Points;

/// <summary>信息完善 (circular 001 附件2): avatar, a contact, the school and a known subject, all four.</summary>
public sealed class TeacherProfileTests
{
    private static readonly TeacherProfile Complete = new("avatars/t1.png", "13800000001", 12, "数学");

    [Fact]
    public void A_profile_with_all_four_items_is_complete()
    {
        Assert.True(Complete.IsComplete);
    }

    [Fact]
    public void A_profile_missing_any_one_item_is_not_complete()
    {
        Assert.False((Complete with { AvatarKey = null }).IsComplete);
        Assert.False((Complete with { AvatarKey = "" }).IsComplete);
        Assert.False((Complete with { Contact = " " }).IsComplete);
        Assert.False((Complete with { OrgUnitId = 0 }).IsComplete);
        Assert.False((Complete with { SubjectsText = "" }).IsComplete);
        Assert.False((Complete with { SubjectsText = "天文观星" }).IsComplete);
    }
}
