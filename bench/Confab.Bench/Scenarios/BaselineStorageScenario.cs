using System.Diagnostics;
using System.Globalization;

using Confab.Bench.Harness;

using Microsoft.Data.Sqlite;

namespace Confab.Bench.Scenarios;

/// <summary>
/// Storage baseline: what raw Microsoft.Data.Sqlite does with the same work Confab does per
/// message (bump the channel's seq counter, insert the row, in one transaction), in WAL
/// mode, one message per transaction and batched, with SQLite's default synchronous=FULL
/// and with synchronous=NORMAL.
/// </summary>
public sealed class BaselineStorageScenario : IScenario
{
    public const string ScenarioName = "baseline-sqlite";
    public const string SingleFull = "raw single inserts/s (synchronous=FULL)";
    public const string SingleNormal = "raw single inserts/s (synchronous=NORMAL)";
    public const int BatchSize = 100;

    const string Schema = """
        CREATE TABLE channels (id TEXT PRIMARY KEY, last_seq INTEGER NOT NULL);
        CREATE TABLE messages (
            id TEXT PRIMARY KEY, channel_id TEXT NOT NULL, seq INTEGER NOT NULL, author_id TEXT NOT NULL,
            content TEXT NOT NULL, client_message_id TEXT, created_at TEXT NOT NULL,
            UNIQUE (channel_id, seq));
        CREATE INDEX ix_messages_idempotency ON messages (channel_id, author_id, client_message_id);
        """;

    public string Name => ScenarioName;

    public string Title => "raw Microsoft.Data.Sqlite message inserts, WAL mode";

    public Task<ScenarioResult> RunAsync(BenchContext context)
    {
        ScenarioResult result = new(Name, Title);
        int single = context.Quick ? 2_000 : 20_000;
        int batched = context.Quick ? 20_000 : 200_000;
        TimeSpan cap = TimeSpan.FromSeconds(context.Quick ? 1.5 : 20);
        result.Parameter("single inserts", single);
        result.Parameter("batched inserts", batched);
        result.Parameter("batch size", BatchSize);
        result.Parameter("time cap per run (s)", cap.TotalSeconds);
        result.Parameter("database directory", context.WorkDirectory);

        foreach (string synchronous in new[] { "FULL", "NORMAL" })
        {
            (double rate, Latency latency) = Insert(context.WorkDirectory, synchronous, single, 1, cap);
            result.Add(new Measurement($"raw single inserts/s (synchronous={synchronous})", rate, "msg/s"));
            result.AddRange(latency.Summarize().ToMeasurements($"raw single insert (synchronous={synchronous})"));
            (double batchRate, _) = Insert(context.WorkDirectory, synchronous, batched, BatchSize, cap);
            result.Add(new Measurement($"raw batched inserts/s (x{BatchSize}, synchronous={synchronous})", batchRate, "msg/s"));
        }

        return Task.FromResult(result);
    }

    static (double Rate, Latency Latency) Insert(string directory, string synchronous, int count, int batch, TimeSpan cap)
    {
        string file = Path.Combine(directory, $"raw-{synchronous}-{batch}-{Guid.NewGuid():N}.db");
        using SqliteConnection db = new($"Data Source={file};Pooling=false");
        db.Open();
        Execute(db, $"PRAGMA journal_mode=WAL; PRAGMA synchronous={synchronous}; PRAGMA busy_timeout=5000;");
        Execute(db, Schema);
        string channel = Guid.CreateVersion7().ToString();
        string author = Guid.CreateVersion7().ToString();
        Execute(db, $"INSERT INTO channels VALUES ('{channel}', 0);");

        using SqliteCommand bump = Command(db, "UPDATE channels SET last_seq = last_seq + 1 WHERE id = $channel RETURNING last_seq;", "$channel");
        using SqliteCommand insert = Command(db, "INSERT INTO messages VALUES ($id, $channel, $seq, $author, $content, $cmid, $at);",
            "$id", "$channel", "$seq", "$author", "$content", "$cmid", "$at");
        bump.Parameters["$channel"].Value = channel;
        insert.Parameters["$channel"].Value = channel;
        insert.Parameters["$author"].Value = author;
        string content = new('x', 100);

        Latency latency = new();
        Stopwatch elapsed = Stopwatch.StartNew();
        int done = 0;
        while (done < count && elapsed.Elapsed < cap)
        {
            long started = Stopwatch.GetTimestamp();
            using SqliteTransaction transaction = db.BeginTransaction();
            bump.Transaction = transaction;
            insert.Transaction = transaction;
            for (int i = 0; i < batch; i++, done++)
            {
                insert.Parameters["$seq"].Value = (long)bump.ExecuteScalar()!;
                insert.Parameters["$id"].Value = Guid.CreateVersion7().ToString();
                insert.Parameters["$content"].Value = content;
                insert.Parameters["$cmid"].Value = done.ToString(CultureInfo.InvariantCulture);
                insert.Parameters["$at"].Value = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
            latency.RecordSince(started);
        }

        return (done / elapsed.Elapsed.TotalSeconds, latency);
    }

    static void Execute(SqliteConnection db, string sql)
    {
        using SqliteCommand command = db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    static SqliteCommand Command(SqliteConnection db, string sql, params string[] parameters)
    {
        SqliteCommand command = db.CreateCommand();
        command.CommandText = sql;
        foreach (string name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }
}
