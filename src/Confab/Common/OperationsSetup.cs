using Confab.Messages;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpLogging;
using OpenTelemetry.Metrics;
using Scalar.AspNetCore;

namespace Confab.Common;

/// <summary>Health, OpenAPI with its interactive page, Prometheus metrics, request logging and request limits.</summary>
public static class OperationsSetup
{
    public const int MaxRequestBodyBytes = 64 * 1024;

    public static WebApplicationBuilder AddConfabOperations(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddValidation();
        builder.Services.AddOpenApi();
        builder.Services.AddHttpLogging(logging =>
        {
            logging.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath
                | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            logging.CombineLogs = true;
        });
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel",
                "Microsoft.AspNetCore.Http.Connections", "Microsoft.AspNetCore.SignalR", "System.Runtime", ConfabMetrics.MeterName)
            .AddPrometheusExporter());
        builder.Services.AddSingleton<ConfabMetrics>();
        var origins = builder.Configuration.GetValue<string>("Cors:AllowedOrigins")?
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        // SignalR's browser client sends credentials, so origins are listed, never a wildcard.
        builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy =>
            policy.WithOrigins(origins).AllowAnyHeader().AllowAnyMethod().AllowCredentials()));
        return builder;
    }

    public static WebApplication UseConfabOperations(this WebApplication app)
    {
        app.UseHttpLogging();
        app.UseCors();
        return app;
    }

    public static WebApplication MapConfabOperations(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        app.MapOpenApi();
        app.MapScalarApiReference("/docs", options => options.WithTitle("Confab API"));
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}
