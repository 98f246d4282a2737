using System.Security.Cryptography;

namespace EduPortal.Web.Features.Accounts;

/// <summary>Initial and reset passwords that an admin reads out or hands over on paper.</summary>
public static class TemporaryPasswords
{
    // No look-alikes (0/O, 1/l/I) so it survives being read out on the phone.
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    /// <summary>Ten characters (~49 bits): meets the 10-character policy.</summary>
    public static string Generate() => RandomNumberGenerator.GetString(Alphabet, 10);
}
