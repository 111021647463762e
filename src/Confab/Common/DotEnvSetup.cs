using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Memory;

namespace Confab.Common;

public static class DotEnvSetup
{
    /// <summary>
    /// Reads a <c>.env</c> file from the working directory into the configuration, above the appsettings files
    /// and below real environment variables and the command line, which still win.
    /// </summary>
    public static WebApplicationBuilder AddDotEnv(this WebApplicationBuilder builder)
    {
        var path = Path.Combine(Directory.GetCurrentDirectory(), ".env");
        if (!File.Exists(path))
            return builder;
        var values = DotNetEnv.Env.NoEnvVars().NoClobber().Load(path)
            .ToDictionary(pair => pair.Key.Replace("__", ":", StringComparison.Ordinal), pair => (string?)pair.Value);
        var sources = builder.Configuration.Sources;
        var environment = sources.ToList().FindLastIndex(source =>
            source is EnvironmentVariablesConfigurationSource { Prefix: null or "" });
        sources.Insert(environment < 0 ? sources.Count : environment, new MemoryConfigurationSource { InitialData = values });
        return builder;
    }
}
