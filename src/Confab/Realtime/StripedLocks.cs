namespace Confab.Realtime;

/// <summary>
/// Async locks keyed by id. A fixed set of stripes rather than one lock per id, so nothing has to be created, counted
/// or cleaned up per channel or user; two ids sharing a stripe only wait for each other's short critical section.
/// </summary>
public sealed class StripedLocks
{
    readonly SemaphoreSlim[] stripes;

    public StripedLocks(int count = 256)
    {
        stripes = new SemaphoreSlim[count];
        for (var i = 0; i < count; i++)
            stripes[i] = new SemaphoreSlim(1, 1);
    }

    /// <summary>Waits for the id's lock; dispose the result to release it.</summary>
    public async Task<IDisposable> EnterAsync(Guid id, CancellationToken ct)
    {
        var stripe = stripes[(int)((uint)id.GetHashCode() % (uint)stripes.Length)];
        await stripe.WaitAsync(ct);
        return new Release(stripe);
    }

    sealed class Release(SemaphoreSlim stripe) : IDisposable
    {
        int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
                stripe.Release();
        }
    }
}
