using System.ComponentModel.DataAnnotations;
using Confab.Common;
using Confab.Users;

namespace Confab.Auth;

/// <summary>Self sign-up.</summary>
/// <param name="Username">3 to 32 of a-z, 0-9, '.', '_', '-'; stored lower-case.</param>
/// <param name="Email">Unique, case-insensitively.</param>
/// <param name="Password">8 to 128 characters.</param>
/// <param name="DisplayName">1 to 64 characters; the username when absent.</param>
public sealed record RegisterRequest(
    [property: Required, RegularExpression(UserRules.UsernamePattern, ErrorMessage = UserRules.UsernameMessage)] string Username,
    [property: Required, EmailAddress, MaxLength(320)] string Email,
    [property: Required, StringLength(128, MinimumLength = 8)] string Password,
    [property: Text(1, 64)] string? DisplayName);

/// <summary>Sign in with a username or an email.</summary>
public sealed record LoginRequest(
    [property: Required, MaxLength(320)] string Login,
    [property: Required, MaxLength(128)] string Password);

/// <summary>A refresh token, for refresh and logout.</summary>
public sealed record RefreshRequest([property: Required, MaxLength(256)] string RefreshToken);

/// <summary>The signed-in user and a fresh token pair.</summary>
/// <param name="ExpiresIn">Seconds until the access token expires.</param>
public sealed record AuthResult(UserResponse User, string AccessToken, string RefreshToken, int ExpiresIn);
