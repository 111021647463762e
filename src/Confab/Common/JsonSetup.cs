using System.Text.Json;
using System.Text.Json.Serialization;

namespace Confab.Common;

/// <summary>The contract's JSON conventions, shared by REST and the hub's JSON protocol.</summary>
public static class JsonSetup
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
    }
}
