using System.Collections.Frozen;
using EduPortal.Data.Accounts;
using Microsoft.AspNetCore.Identity;

namespace EduPortal.Web.Infrastructure.Auth;

/// <summary>
/// Refuses passwords from a shipped list of the most common ones (NIST SP 800-63B 5.1.1.2: check new passwords
/// against values known to be commonly used). The list (<c>Data/common-passwords.txt</c>, embedded) holds the
/// entries of 10 characters or more, shorter ones being refused by the length rule anyway: the xato/zxcvbn list
/// and Chinese favourites such as <c>woaini1314</c> and <c>qq123456789</c>. Compared case-insensitively.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<ApplicationUser>
{
    public const string Message = "这个密码太常见，很容易被猜中，请换一个（可用一句只有自己知道的话）";

    private static readonly Lazy<FrozenSet<string>> Common = new(Load);

    public static int Count => Common.Value.Count;

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim().ToLowerInvariant());

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooCommon", Description = Message })
            : IdentityResult.Success);

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("EduPortal.Web.common-passwords.txt")
            ?? throw new InvalidOperationException("The embedded common-password list is missing.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line.Trim().ToLowerInvariant());
            }
        }
        return set.ToFrozenSet(StringComparer.Ordinal);
    }
}
