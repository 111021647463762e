using Confab.Common;
using Confab.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Confab.Users;

/// <summary>
/// Role and active flag of a user, read on every authenticated request. Cached briefly so a request does not
/// cost a query; the short lifetime bounds how long another node may trust a deactivated user's token.
/// </summary>
public sealed class UserStateCache(ChatDb db, IMemoryCache cache)
{
    static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(20);

    /// <summary>The caller as an active user, or null when unknown or deactivated.</summary>
    public async Task<CurrentUser?> GetActiveAsync(Guid userId, CancellationToken ct)
    {
        if (!cache.TryGetValue(Key(userId), out CurrentUser? state))
        {
            state = await db.Users.AsNoTracking()
                .Where(u => u.Id == userId && u.IsActive)
                .Select(u => new CurrentUser(u.Id, u.Role))
                .FirstOrDefaultAsync(ct);
            cache.Set(Key(userId), state, Lifetime);
        }
        return state;
    }

    public void Forget(Guid userId) => cache.Remove(Key(userId));

    static string Key(Guid userId) => $"user-state:{userId}";
}
