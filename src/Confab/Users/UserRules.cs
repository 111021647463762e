namespace Confab.Users;

public static class UserRules
{
    public const string UsernamePattern = "^[A-Za-z0-9._-]{3,32}$";
    public const string UsernameMessage = "Usernames are 3 to 32 characters of a-z, 0-9, '.', '_' and '-'.";

    public static string NormalizeUsername(string username) => username.Trim().ToLowerInvariant();

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();
}
