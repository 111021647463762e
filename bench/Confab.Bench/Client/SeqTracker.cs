using System.Numerics;

namespace Confab.Bench.Client;

/// <summary>
/// The seqs one connection has of one channel, whether they came live or from Sync, so a
/// test can tell missing messages from duplicates.
/// </summary>
public sealed class SeqTracker(int capacity)
{
    readonly ulong[] _seen = new ulong[(capacity / 64) + 1];
    readonly Lock _lock = new();
    long _contiguous;
    int _duplicates;

    /// <summary>The highest seq up to which nothing is missing: the cursor a client would sync from.</summary>
    public long Contiguous
    {
        get
        {
            lock (_lock)
            {
                return _contiguous;
            }
        }
    }

    public int Duplicates
    {
        get
        {
            lock (_lock)
            {
                return _duplicates;
            }
        }
    }

    public void Receive(long seq)
    {
        if (seq < 1 || seq >= (long)_seen.Length * 64)
        {
            return;
        }

        lock (_lock)
        {
            ulong bit = 1UL << (int)(seq % 64);
            if ((_seen[seq / 64] & bit) != 0)
            {
                _duplicates++;
                return;
            }

            _seen[seq / 64] |= bit;
            while (_contiguous + 1 < (long)_seen.Length * 64 && (_seen[(_contiguous + 1) / 64] & (1UL << (int)((_contiguous + 1) % 64))) != 0)
            {
                _contiguous++;
            }
        }
    }

    /// <summary>How many of seqs 1..<paramref name="last"/> never arrived.</summary>
    public int Missing(long last)
    {
        lock (_lock)
        {
            int have = 0;
            for (long seq = 1; seq <= last; seq++)
            {
                have += (int)((_seen[seq / 64] >> (int)(seq % 64)) & 1);
            }

            return (int)last - have;
        }
    }

    /// <summary>Seqs received, counted once each.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _seen.Sum(w => BitOperations.PopCount(w));
            }
        }
    }
}
