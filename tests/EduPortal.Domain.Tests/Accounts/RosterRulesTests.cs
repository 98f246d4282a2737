using EduPortal.Domain.Accounts;

namespace EduPortal.Domain.Tests.Accounts;

/// <summary>The row rules of a teacher roster import.</summary>
public sealed class RosterRulesTests
{
    private static readonly IReadOnlySet<string> Registered = new HashSet<string> { "13800000009" };

    private static RosterRow Check(string name, string phone, string subjects) =>
        RosterRules.CheckRows([new RosterEntry(2, name, phone, subjects)], Registered).Single();

    [Fact]
    public void A_complete_row_is_valid_with_its_subjects_in_the_portals_spelling()
    {
        var row = Check("韩梅", "13800000001", "英语、音乐");
        Assert.True(row.IsValid);
        Assert.Equal("英语、音乐", row.SubjectsText);
    }

    [Fact]
    public void Each_bad_field_of_a_row_gets_its_own_message()
    {
        Assert.Contains("姓名为空", Check("", "13800000001", "语文").Errors);
        Assert.Contains("姓名应为 2–30 个字", Check("韩", "13800000001", "语文").Errors);
        Assert.Contains("姓名应为 2–30 个字", Check(new string('韩', RealName.MaxLength + 1), "13800000001", "语文").Errors);
        Assert.Contains("手机号为空", Check("韩梅", "", "语文").Errors);
        Assert.Contains("手机号“12345”无效", Check("韩梅", "12345", "语文").Errors);
        Assert.Contains("手机号 13800000009 已注册", Check("韩梅", "13800000009", "语文").Errors);
        Assert.Contains("任教学科为空", Check("韩梅", "13800000001", "").Errors);
        Assert.Contains("未知学科：书法", Check("韩梅", "13800000001", "语文、书法").Errors);
        Assert.Equal(3, Check("", "", "").Errors.Count);
    }

    [Fact]
    public void A_phone_repeated_in_the_file_is_refused_on_the_later_row_naming_the_first()
    {
        var rows = RosterRules.CheckRows(
            [new RosterEntry(2, "韩梅", "13800000001", "语文"), new RosterEntry(3, "李雷", "13800000001", "数学")], Registered);
        Assert.True(rows[0].IsValid);
        Assert.Equal(["手机号与第 2 行重复"], rows[1].Errors);
    }
}
