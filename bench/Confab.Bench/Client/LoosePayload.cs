namespace Confab.Bench.Client;

/// <summary>
/// Reads a field from a hub payload deserialized without a type (MessagePack gives a
/// dictionary), by its contract name or, failing that, its PascalCase form, and remembers
/// whether the server used the wrong casing so the benchmark can report it.
/// </summary>
public sealed class LoosePayload
{
    int _pascalCase;

    /// <summary>Payloads whose keys were PascalCase instead of the contract's camelCase.</summary>
    public int PascalCaseSeen => Volatile.Read(ref _pascalCase);

    public string? Field(object? payload, string camelName)
    {
        if (payload is not IDictionary<object, object> fields)
        {
            return null;
        }

        if (fields.TryGetValue(camelName, out object? value))
        {
            return value as string;
        }

        string pascalName = char.ToUpperInvariant(camelName[0]) + camelName[1..];
        if (fields.TryGetValue(pascalName, out value))
        {
            Interlocked.Increment(ref _pascalCase);
            return value as string;
        }

        return null;
    }
}
