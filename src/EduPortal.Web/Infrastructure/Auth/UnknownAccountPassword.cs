using EduPortal.Data.Accounts;
using Microsoft.AspNetCore.Identity;

namespace EduPortal.Web.Infrastructure.Auth;

/// <summary>
/// A sign-in for an account that does not exist still verifies the password, against a hash of a random
/// password made once, so it costs the same PBKDF2 work as a wrong password for a real account and its timing
/// does not reveal whether the phone number or user name is registered.
/// </summary>
public static class UnknownAccountPassword
{
    private static string? _hash;

    public static void Verify(IPasswordHasher<ApplicationUser> hasher, string password)
    {
        var placeholder = new ApplicationUser();
        _hash ??= hasher.HashPassword(placeholder, Guid.NewGuid().ToString("N"));
        hasher.VerifyHashedPassword(placeholder, _hash, password);
    }
}
