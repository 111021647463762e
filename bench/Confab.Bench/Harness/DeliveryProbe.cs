using System.Buffers.Text;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Confab.Bench.Harness;

/// <summary>
/// Counts and times deliveries of one load step. Each message carries
/// <c>step:sender:intendedTimestamp:</c> and padding, so any receiver can tell which step it
/// belongs to, skip its own echo, and record latency from the intended send time.
/// </summary>
public sealed class DeliveryProbe
{
    Latency _latency = new();
    long _delivered;
    long _lastDelivery;
    int _step = -1;

    public Latency Latency => Volatile.Read(ref _latency);

    public long Delivered => Interlocked.Read(ref _delivered);

    public long LastDelivery => Interlocked.Read(ref _lastDelivery);

    public void BeginStep(int step)
    {
        Volatile.Write(ref _latency, new Latency());
        Interlocked.Exchange(ref _delivered, 0);
        Interlocked.Exchange(ref _lastDelivery, Stopwatch.GetTimestamp());
        Volatile.Write(ref _step, step);
    }

    public static string Payload(int step, int sender, long intended, int size)
    {
        string head = string.Create(CultureInfo.InvariantCulture, $"{step}:{sender}:{intended}:");
        return head.Length >= size ? head : head + new string('x', size - head.Length);
    }

    public static byte[] PayloadBytes(int step, int sender, long intended, int size) =>
        Encoding.UTF8.GetBytes(Payload(step, sender, intended, size));

    public void OnReceived(ReadOnlySpan<byte> payload, int receiver)
    {
        if (Utf8Parser.TryParse(payload, out int step, out int used) && payload[used] == ':'
            && Utf8Parser.TryParse(payload = payload[(used + 1)..], out int sender, out used) && payload[used] == ':'
            && Utf8Parser.TryParse(payload[(used + 1)..], out long intended, out _))
        {
            Count(step, sender, intended, receiver);
        }
    }

    public void OnReceived(string? payload, int receiver) => OnReceived(payload.AsSpan(), receiver);

    public void OnReceived(ReadOnlySpan<char> payload, int receiver)
    {
        Span<Range> parts = stackalloc Range[4];
        if (payload.Split(parts, ':') == 4
            && int.TryParse(payload[parts[0]], CultureInfo.InvariantCulture, out int step)
            && int.TryParse(payload[parts[1]], CultureInfo.InvariantCulture, out int sender)
            && long.TryParse(payload[parts[2]], CultureInfo.InvariantCulture, out long intended))
        {
            Count(step, sender, intended, receiver);
        }
    }

    void Count(int step, int sender, long intended, int receiver)
    {
        if (step != Volatile.Read(ref _step) || sender == receiver)
        {
            return;
        }

        long now = Stopwatch.GetTimestamp();
        Volatile.Read(ref _latency).RecordElapsed(now - intended);
        Interlocked.Increment(ref _delivered);
        Interlocked.Exchange(ref _lastDelivery, now);
    }
}
