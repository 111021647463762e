using Confab.Data;

using Microsoft.EntityFrameworkCore;

namespace Confab.Realtime;

/// <summary>
/// Stores when users went offline, many to a transaction. When a node restarts or a network drops, its users go
/// offline together; one update and synced commit each made them queue for SQLite's write lock against the message
/// writer. Stores that arrive while a batch commits wait for the next one, as posts do in the writer. A batch runs only
/// while its callers wait for it, and a stopping host waits for them (<see cref="PresenceTracker"/>), so none is
/// written after the host has stopped.
/// </summary>
public sealed class LastSeenStore(IServiceScopeFactory scopes)
{
    // Bounds how long one batch holds the write lock, so that posts still commit in between.
    const int MaxBatch = 64;

    readonly Lock gate = new();
    readonly Queue<Pending> pending = [];
    bool writing;

    /// <summary>Completes once <paramref name="lastSeenAt"/> is committed for the user.</summary>
    public Task StoreAsync(Guid userId, DateTime lastSeenAt)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            pending.Enqueue(new Pending(userId, lastSeenAt, done));
            if (!writing)
            {
                writing = true;
                _ = Task.Run(WriteAllAsync);
            }
        }
        return done.Task;
    }

    async Task WriteAllAsync()
    {
        while (TakeBatch() is { } batch)
        {
            try
            {
                await WriteAsync(batch);
                foreach (var store in batch)
                    store.Done.TrySetResult();
            }
            catch (Exception e)
            {
                foreach (var store in batch)
                    store.Done.TrySetException(e);
            }
        }
    }

    List<Pending>? TakeBatch()
    {
        lock (gate)
        {
            if (pending.Count == 0)
            {
                writing = false;
                return null;
            }
            var batch = new List<Pending>(Math.Min(pending.Count, MaxBatch));
            while (batch.Count < MaxBatch && pending.TryDequeue(out var store))
                batch.Add(store);
            return batch;
        }
    }

    async Task WriteAsync(List<Pending> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatDb>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var store in batch)
        {
            await db.Users.Where(u => u.Id == store.UserId)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSeenAt, store.LastSeenAt));
        }
        await transaction.CommitAsync();
    }

    sealed record Pending(Guid UserId, DateTime LastSeenAt, TaskCompletionSource Done);
}
