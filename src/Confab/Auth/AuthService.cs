using Confab.Common;
using Confab.Data;
using Confab.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Confab.Auth;

public sealed class AuthService(
    ChatDb db,
    UserService users,
    TokenService tokens,
    IPasswordHasher<User> hasher,
    IOptions<AuthOptions> options,
    TimeProvider clock)
{
    // Verifying against a real hash when the user does not exist keeps failed logins equally slow either way.
    static readonly string UnknownUserHash = new PasswordHasher<User>().HashPassword(
        new User { Username = "", Email = "", NormalizedEmail = "", DisplayName = "" }, Guid.NewGuid().ToString());

    public async Task<AuthResult> RegisterAsync(RegisterRequest request, CancellationToken ct)
    {
        if (!options.Value.AllowRegistration)
            throw ConfabError.Forbidden("Registration is switched off; an admin creates accounts.");
        var user = await users.CreateAsync(request.Username, request.Email, request.Password, request.DisplayName, null, ct);
        return await IssueAsync(user, Ids.New(), ct);
    }

    public async Task<AuthResult> LoginAsync(LoginRequest request, CancellationToken ct)
    {
        var login = request.Login.Trim().ToLowerInvariant();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Username == login || u.NormalizedEmail == login, ct);
        var verified = hasher.VerifyHashedPassword(user!, user?.PasswordHash ?? UnknownUserHash, request.Password);
        if (user is not { IsActive: true } || verified == PasswordVerificationResult.Failed)
            throw ConfabError.Unauthorized("Wrong login or password.");
        return await IssueAsync(user, Ids.New(), ct);
    }

    public async Task<AuthResult> RefreshAsync(RefreshRequest request, CancellationToken ct)
    {
        var hash = TokenService.Hash(request.RefreshToken);
        var token = await db.RefreshTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, ct);
        var now = clock.Now();
        if (token is null || token.RevokedAt is not null || token.ExpiresAt <= now)
            throw InvalidRefreshToken();

        // Claiming the token with a conditional update makes two concurrent refreshes with it a detected reuse.
        var claimed = await db.RefreshTokens
            .Where(t => t.Id == token.Id && t.UsedAt == null && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);
        if (claimed == 0)
        {
            await RevokeFamilyAsync(token.FamilyId, ct);
            throw InvalidRefreshToken();
        }

        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == token.UserId && u.IsActive, ct)
            ?? throw InvalidRefreshToken();
        return await IssueAsync(user, token.FamilyId, ct);
    }

    public async Task LogoutAsync(RefreshRequest request, CancellationToken ct)
    {
        var hash = TokenService.Hash(request.RefreshToken);
        var familyId = await db.RefreshTokens.Where(t => t.TokenHash == hash).Select(t => (Guid?)t.FamilyId)
            .FirstOrDefaultAsync(ct);
        if (familyId is { } family)
            await RevokeFamilyAsync(family, ct);
    }

    async Task<AuthResult> IssueAsync(User user, Guid familyId, CancellationToken ct)
    {
        var (entity, refreshToken) = tokens.CreateRefreshToken(user.Id, familyId);
        db.RefreshTokens.Add(entity);
        await db.SaveChangesAsync(ct);
        return new AuthResult(users.ToResponse(user, includeEmail: true), tokens.CreateAccessToken(user), refreshToken,
            tokens.AccessTokenSeconds);
    }

    Task<int> RevokeFamilyAsync(Guid familyId, CancellationToken ct) =>
        db.RefreshTokens.RevokeAsync(t => t.FamilyId == familyId, clock.Now(), ct);

    static ConfabError InvalidRefreshToken() => ConfabError.Unauthorized("The refresh token is invalid, expired or revoked.");
}
