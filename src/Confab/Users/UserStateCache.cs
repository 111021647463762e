using Confab.Common;
using Confab.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Confab.Users;

/// <summary>
/// Role and active flag of a user, read on every authenticated request, and the name their new messages show. Cached
/// briefly so a request does not cost a query; the short lifetime bounds how long another node may trust a deactivated
/// user's token. A singleton that borrows a context only on a miss: a hub connection's request scope lives as long as the
/// connection, and a context resolved into it would hold a pooled context for all that time.
/// </summary>
public sealed class UserStateCache(IServiceScopeFactory scopes, IMemoryCache cache)
{
    static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(20);

    /// <summary>The caller as an active user, or null when unknown or deactivated.</summary>
    public async Task<CurrentUser?> GetActiveAsync(Guid userId, CancellationToken ct)
    {
        if (!cache.TryGetValue(Key(userId), out CurrentUser? state))
        {
            state = await ReadAsync(users => users.Where(u => u.Id == userId && u.IsActive)
                .Select(u => new CurrentUser(u.Id, u.Role)).FirstOrDefaultAsync(ct));
            cache.Set(Key(userId), state, Lifetime);
        }
        return state;
    }

    /// <summary>
    /// The user as new messages name their author, cached like the state. Changing the display name forgets it on
    /// this node; another node may put the old name on new messages for up to the lifetime, while history reads it fresh.
    /// </summary>
    public async Task<UserSummary> GetAuthorAsync(Guid userId, CancellationToken ct)
    {
        if (!cache.TryGetValue(AuthorKey(userId), out UserSummary? author) || author is null)
        {
            author = await ReadAsync(users => users.Where(u => u.Id == userId)
                .Select(u => new UserSummary(u.Id, u.Username, u.DisplayName)).SingleAsync(ct));
            cache.Set(AuthorKey(userId), author, Lifetime);
        }
        return author;
    }

    public void Forget(Guid userId)
    {
        cache.Remove(Key(userId));
        cache.Remove(AuthorKey(userId));
    }

    async Task<T> ReadAsync<T>(Func<IQueryable<User>, Task<T>> query)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ChatDb>().Users.AsNoTracking());
    }

    static string Key(Guid userId) => $"user-state:{userId}";

    static string AuthorKey(Guid userId) => $"user-author:{userId}";
}
