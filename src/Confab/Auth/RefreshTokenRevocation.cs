using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Confab.Auth;

/// <summary>The one way refresh tokens are revoked: logout and reuse (a family), password change and deactivation (a user).</summary>
public static class RefreshTokenRevocation
{
    public static Task<int> RevokeAsync(
        this DbSet<RefreshToken> tokens, Expression<Func<RefreshToken, bool>> which, DateTime now, CancellationToken ct) =>
        tokens.Where(which).Where(t => t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
}
