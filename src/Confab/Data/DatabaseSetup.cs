using Confab.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Confab.Data;

public static class DatabaseSetup
{
    public static WebApplicationBuilder AddConfabDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ConfabOptions>().BindConfiguration(ConfabOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();

        builder.Services.AddDbContextPool<ChatDb>((services, options) =>
        {
            // One JSON parameter per collection keeps each query's SQL the same whatever the collection's size, so EF
            // and SQLite reuse what they compiled; the default, one parameter per element, rebuilt the SQL every time.
            options.UseSqlite(ConnectionString(services, builder.Configuration),
                    sqlite => sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                .AddInterceptors(new SqliteBusyTimeout());
        });
        builder.Services.AddSingleton(services => new KeptStatements(ConnectionString(services, builder.Configuration)));
        builder.Services.AddHealthChecks().AddDbContextCheck<ChatDb>("database", tags: ["ready"]);
        return builder;
    }

    static string ConnectionString(IServiceProvider services, IConfiguration configuration)
    {
        var configured = configuration.GetConnectionString("Chat");
        return string.IsNullOrWhiteSpace(configured)
            ? new SqliteConnectionStringBuilder
            {
                DataSource = services.GetRequiredService<IOptions<ConfabOptions>>().Value.DataPath("confab.db"),
                DefaultTimeout = 30,
            }.ToString()
            : configured;
    }

    /// <summary>Applies pending migrations before the server takes requests; WAL lets readers run beside the writer.</summary>
    public static WebApplication MigrateChatDb(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatDb>();
        db.Database.Migrate();
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        return app;
    }
}
