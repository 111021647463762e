using System.Text.Json;
using Confab.Common;

namespace Confab.Tests.Infrastructure;

public static class Json
{
    public static readonly JsonSerializerOptions Options = Create();

    static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        JsonSetup.Configure(options);
        return options;
    }
}
