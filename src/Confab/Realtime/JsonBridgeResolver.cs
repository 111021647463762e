using System.Buffers;
using System.Text.Json;

using Confab.Common;

using MessagePack;
using MessagePack.Formatters;

namespace Confab.Realtime;

/// <summary>
/// Makes MessagePack carry Confab's types exactly as JSON does: camelCase keys, enums as camelCase strings, ISO-8601
/// timestamps and string ids. Each value goes through System.Text.Json with the contract's options and the resulting
/// tree is written as MessagePack maps, arrays and scalars (and read back the same way), so there is one definition
/// of the wire shape instead of a second set of MessagePack attributes to keep in step. SignalR serializes a group
/// event once per protocol, not once per connection, so the extra step costs little.
/// </summary>
public sealed class JsonBridgeResolver : IFormatterResolver
{
    public static readonly JsonBridgeResolver Instance = new();

    static readonly JsonSerializerOptions JsonOptions = CreateJsonOptions();

    public IMessagePackFormatter<T>? GetFormatter<T>() =>
        typeof(T).Namespace?.StartsWith("Confab", StringComparison.Ordinal) == true ? Formatter<T>.Instance : null;

    static JsonSerializerOptions CreateJsonOptions()
    {
        // Mirrors the hub's JSON protocol: camelCase out, any case in.
        var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
        JsonSetup.Configure(options);
        return options;
    }

    sealed class Formatter<T> : IMessagePackFormatter<T>
    {
        public static readonly Formatter<T> Instance = new();

        public void Serialize(ref MessagePackWriter writer, T value, MessagePackSerializerOptions options) =>
            Write(ref writer, JsonSerializer.SerializeToElement(value, JsonOptions));

        public T Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var json = new Utf8JsonWriter(buffer))
                Read(ref reader, json, options);
            try
            {
                return JsonSerializer.Deserialize<T>(buffer.WrittenSpan, JsonOptions)!;
            }
            catch (JsonException e)
            {
                throw new MessagePackSerializationException($"The value does not fit {typeof(T).Name}.", e);
            }
        }
    }

    static void Write(ref MessagePackWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteMapHeader(element.EnumerateObject().Count());
                foreach (var property in element.EnumerateObject())
                {
                    writer.Write(property.Name);
                    Write(ref writer, property.Value);
                }
                break;
            case JsonValueKind.Array:
                writer.WriteArrayHeader(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                    Write(ref writer, item);
                break;
            case JsonValueKind.String:
                writer.Write(element.GetString());
                break;
            case JsonValueKind.Number when element.TryGetInt64(out var integer):
                writer.Write(integer);
                break;
            case JsonValueKind.Number:
                writer.Write(element.GetDouble());
                break;
            case JsonValueKind.True:
                writer.Write(true);
                break;
            case JsonValueKind.False:
                writer.Write(false);
                break;
            default:
                writer.WriteNil();
                break;
        }
    }

    static void Read(ref MessagePackReader reader, Utf8JsonWriter json, MessagePackSerializerOptions options)
    {
        options.Security.DepthStep(ref reader);
        try
        {
            switch (reader.NextMessagePackType)
            {
                case MessagePackType.Map:
                    var properties = reader.ReadMapHeader();
                    json.WriteStartObject();
                    for (var i = 0; i < properties; i++)
                    {
                        json.WritePropertyName(reader.ReadString() ?? throw new MessagePackSerializationException("A map key is nil."));
                        Read(ref reader, json, options);
                    }
                    json.WriteEndObject();
                    break;
                case MessagePackType.Array:
                    var items = reader.ReadArrayHeader();
                    json.WriteStartArray();
                    for (var i = 0; i < items; i++)
                        Read(ref reader, json, options);
                    json.WriteEndArray();
                    break;
                case MessagePackType.String:
                    json.WriteStringValue(reader.ReadString());
                    break;
                case MessagePackType.Integer:
                    json.WriteNumberValue(reader.ReadInt64());
                    break;
                case MessagePackType.Float:
                    json.WriteNumberValue(reader.ReadDouble());
                    break;
                case MessagePackType.Boolean:
                    json.WriteBooleanValue(reader.ReadBoolean());
                    break;
                case MessagePackType.Nil:
                    reader.ReadNil();
                    json.WriteNullValue();
                    break;
                default:
                    throw new MessagePackSerializationException($"Unexpected {reader.NextMessagePackType} value.");
            }
        }
        finally
        {
            reader.Depth--;
        }
    }
}
