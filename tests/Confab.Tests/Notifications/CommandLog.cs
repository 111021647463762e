using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Confab.Tests.Notifications;

/// <summary>Records the SQL of every command EF Core executes on the server, to count statements.</summary>
public sealed class CommandLog : ILoggerProvider
{
    public const string Category = "Microsoft.EntityFrameworkCore.Database.Command";

    readonly ConcurrentQueue<string> commands = new();

    public IReadOnlyList<string> Commands => commands.ToList();

    /// <summary>The commands logged while <paramref name="action"/> ran (other requests must not run meanwhile).</summary>
    public async Task<List<string>> DuringAsync(Func<Task> action)
    {
        var before = commands.Count;
        await action();
        return Commands.Skip(before).ToList();
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName == Category ? commands : null);

    public void Dispose()
    {
    }

    sealed class Logger(ConcurrentQueue<string>? commands) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => commands is not null;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (commands is not null && eventId.Name == "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuted")
                commands.Enqueue(formatter(state, exception));
        }
    }
}
