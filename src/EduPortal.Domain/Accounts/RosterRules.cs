using EduPortal.Domain.Common;

namespace EduPortal.Domain.Accounts;

/// <summary>The row rules of a teacher roster import: each row gets every message that applies to it.</summary>
public static class RosterRules
{
    /// <summary>
    /// Checks the rows in file order: a real name of 2–30 characters, a mainland mobile number not yet registered
    /// (<paramref name="registeredPhones"/>) and not repeated in an earlier row, and at least one subject, all known.
    /// </summary>
    public static IReadOnlyList<RosterRow> CheckRows(IEnumerable<RosterEntry> entries, IReadOnlySet<string> registeredPhones)
    {
        var seen = new Dictionary<string, int>();
        var rows = new List<RosterRow>();
        foreach (var (row, name, phone, subjectsText) in entries)
        {
            var errors = new List<string>();
            if (name.Length < RealName.MinLength || name.Length > RealName.MaxLength)
            {
                errors.Add(name.Length == 0 ? "姓名为空" : "姓名应为 2–30 个字");
            }
            if (!PhoneNumbers.IsMainlandMobile(phone))
            {
                errors.Add(phone.Length == 0 ? "手机号为空" : $"手机号“{phone}”无效");
            }
            else if (registeredPhones.Contains(phone))
            {
                errors.Add($"手机号 {phone} 已注册");
            }
            else if (seen.TryGetValue(phone, out var firstRow))
            {
                errors.Add($"手机号与第 {firstRow} 行重复");
            }
            else
            {
                seen[phone] = row;
            }
            var (known, unknown) = Subjects.Parse(subjectsText);
            if (known.Count == 0 && unknown.Count == 0)
            {
                errors.Add("任教学科为空");
            }
            else if (unknown.Count > 0)
            {
                errors.Add($"未知学科：{string.Join("、", unknown)}");
            }
            rows.Add(new RosterRow(row, name, phone, Subjects.Join(known), errors));
        }
        return rows;
    }
}
