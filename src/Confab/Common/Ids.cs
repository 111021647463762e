using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Confab.Common;

/// <summary>
/// UUID version 7 ids that also keep their creation order within one millisecond (RFC 9562, method 1: a 12-bit
/// counter in rand_a). <see cref="Guid.CreateVersion7()"/> is random there, so two rows of the same millisecond
/// would list in either order, and newest-first lists order by id.
/// </summary>
public static class Ids
{
    const int CounterMax = 0xFFF;
    static readonly Lock Gate = new();
    static long lastMilliseconds;
    static int counter;

    public static Guid New() => New(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    internal static Guid New(long unixMilliseconds)
    {
        long milliseconds;
        int sequence;
        lock (Gate)
        {
            if (unixMilliseconds > lastMilliseconds)
            {
                lastMilliseconds = unixMilliseconds;
                // A random start in the lower half leaves room to count up within the millisecond.
                counter = RandomNumberGenerator.GetInt32(CounterMax / 2);
            }
            else if (++counter > CounterMax)
            {
                lastMilliseconds++; // more than 4,096 ids in a millisecond borrow the next one
                counter = 0;
            }
            milliseconds = lastMilliseconds;
            sequence = counter;
        }

        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes[8..]);
        BinaryPrimitives.WriteInt64BigEndian(bytes, milliseconds << 16);
        BinaryPrimitives.WriteUInt16BigEndian(bytes[6..], (ushort)(0x7000 | sequence));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
