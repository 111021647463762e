using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Confab.Common;

namespace Confab.Users;

/// <summary>A user as others see them; <c>email</c> only for the user themself and for admins.</summary>
public sealed record UserResponse(
    Guid Id,
    string Username,
    string DisplayName,
    Role Role,
    bool IsActive,
    DateTime CreatedAt,
    Presence Presence,
    DateTime? LastSeenAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Email);

/// <summary>The short form of a user embedded in messages and notifications.</summary>
public sealed record UserSummary(Guid Id, string Username, string DisplayName);

/// <summary>Changes to one's own profile.</summary>
public sealed record UpdateMeRequest([property: Text(1, 64)] string? DisplayName);

/// <summary>Change one's own password; revokes every refresh token of the user.</summary>
public sealed record ChangePasswordRequest(
    [property: Required, MaxLength(128)] string CurrentPassword,
    [property: Required, StringLength(128, MinimumLength = 8)] string NewPassword);

/// <summary>An admin creates a user.</summary>
public sealed record CreateUserRequest(
    [property: Required, RegularExpression(UserRules.UsernamePattern, ErrorMessage = UserRules.UsernameMessage)] string Username,
    [property: Required, EmailAddress, MaxLength(320)] string Email,
    [property: Required, StringLength(128, MinimumLength = 8)] string Password,
    [property: Text(1, 64)] string? DisplayName,
    Role? Role);

/// <summary>An admin changes a user; the last active admin cannot be demoted or deactivated.</summary>
public sealed record UpdateUserRequest([property: Text(1, 64)] string? DisplayName, Role? Role, bool? IsActive);
