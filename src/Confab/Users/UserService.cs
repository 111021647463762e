using Confab.Auth;
using Confab.Common;
using Confab.Data;
using Confab.Realtime;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Confab.Users;

public sealed class UserService(
    ChatDb db,
    IPasswordHasher<User> hasher,
    PresenceTracker presence,
    UserStateCache states,
    ChatEvents events,
    TimeProvider clock)
{
    public UserResponse ToResponse(User user, bool includeEmail) => new(
        user.Id, user.Username, user.DisplayName, user.Role, user.IsActive, user.CreatedAt,
        presence.IsAnnouncedOnline(user.Id) ? Presence.Online : Presence.Offline, user.LastSeenAt,
        includeEmail ? user.Email : null);

    /// <summary>Creates a user; the first user ever becomes an admin whatever <paramref name="role"/> says.</summary>
    public async Task<User> CreateAsync(
        string username, string email, string password, string? displayName, Role? role, CancellationToken ct)
    {
        var user = new User
        {
            Id = Ids.New(),
            Username = UserRules.NormalizeUsername(username),
            Email = email.Trim(),
            NormalizedEmail = UserRules.NormalizeEmail(email),
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? username.Trim() : displayName.Trim(),
            CreatedAt = clock.Now(),
        };
        user.PasswordHash = hasher.HashPassword(user, password);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.Users.AnyAsync(u => u.Username == user.Username, ct))
            throw ConfabError.Conflict("That username is taken.");
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == user.NormalizedEmail, ct))
            throw ConfabError.Conflict("That email is already registered.");
        user.Role = await db.Users.AnyAsync(ct) ? role ?? Role.User : Role.Admin;
        db.Users.Add(user);
        await db.SaveUniqueAsync("That username or email is taken.", ct);
        await transaction.CommitAsync(ct);
        return user;
    }

    public async Task<UserResponse> GetAsync(CurrentUser me, Guid id, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct)
            ?? throw ConfabError.NotFound("user");
        return ToResponse(user, includeEmail: me.IsAdmin || me.Id == id);
    }

    public async Task<Page<UserResponse>> SearchAsync(
        CurrentUser me, string? query, string? cursor, int? limit, CancellationToken ct)
    {
        var take = PageRequest.Limit(limit);
        var after = PageRequest.DecodeCursor(cursor);
        var prefix = query?.Trim().ToLowerInvariant() ?? "";
        var users = db.Users.AsNoTracking();
        if (prefix.Length > 0)
            users = users.Where(u => u.Username.StartsWith(prefix) || u.DisplayName.ToLower().StartsWith(prefix));
        if (after is not null)
            users = users.Where(u => string.Compare(u.Username, after) > 0);
        var rows = await users.OrderBy(u => u.Username).Take(take + 1).ToListAsync(ct);
        var page = rows.Select(u => ToResponse(u, includeEmail: me.IsAdmin || me.Id == u.Id)).ToList();
        return Page.From(page, take, u => PageRequest.EncodeCursor(u.Username));
    }

    public async Task<UserResponse> UpdateMeAsync(CurrentUser me, UpdateMeRequest request, CancellationToken ct)
    {
        var user = await FindAsync(me.Id, ct);
        if (request.DisplayName is not null)
            user.DisplayName = request.DisplayName.Trim();
        await db.SaveChangesAsync(ct);
        states.Forget(me.Id);
        return ToResponse(user, includeEmail: true);
    }

    public async Task ChangePasswordAsync(CurrentUser me, ChangePasswordRequest request, CancellationToken ct)
    {
        var user = await FindAsync(me.Id, ct);
        if (hasher.VerifyHashedPassword(user, user.PasswordHash, request.CurrentPassword) == PasswordVerificationResult.Failed)
            throw ConfabError.Validation("currentPassword", "The current password is wrong.");
        user.PasswordHash = hasher.HashPassword(user, request.NewPassword);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await RevokeRefreshTokensAsync(user.Id, ct);
        await transaction.CommitAsync(ct);
    }

    public async Task<UserResponse> AdminCreateAsync(CreateUserRequest request, CancellationToken ct)
    {
        var user = await CreateAsync(request.Username, request.Email, request.Password, request.DisplayName, request.Role, ct);
        return ToResponse(user, includeEmail: true);
    }

    public async Task<UserResponse> AdminUpdateAsync(Guid id, UpdateUserRequest request, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = await FindAsync(id, ct);
        var losesAdmin = user is { Role: Role.Admin, IsActive: true }
            && (request.Role is Role.User || request.IsActive is false);
        if (losesAdmin && !await db.Users.AnyAsync(u => u.Id != id && u.Role == Role.Admin && u.IsActive, ct))
            throw ConfabError.Conflict("This is the last active admin.", "last_admin");

        var deactivated = user.IsActive && request.IsActive is false;
        if (request.DisplayName is not null)
            user.DisplayName = request.DisplayName.Trim();
        user.Role = request.Role ?? user.Role;
        user.IsActive = request.IsActive ?? user.IsActive;
        await db.SaveChangesAsync(ct);
        if (deactivated)
            await RevokeRefreshTokensAsync(id, ct);
        await transaction.CommitAsync(ct);

        states.Forget(id);
        if (deactivated)
            await events.UserDeactivatedAsync(id, ct);
        return ToResponse(user, includeEmail: true);
    }

    async Task<User> FindAsync(Guid id, CancellationToken ct) =>
        await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw ConfabError.NotFound("user");

    Task<int> RevokeRefreshTokensAsync(Guid userId, CancellationToken ct) =>
        db.RefreshTokens.RevokeAsync(t => t.UserId == userId, clock.Now(), ct);
}
