using System.Diagnostics;
using System.Threading.Channels;
using Confab.Common;
using Confab.Data;
using Confab.Notifications;
using Confab.Realtime;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Confab.Messages;

/// <summary>
/// The one writer of new messages: group commit. Posts queue here; the writer takes all that are waiting (up to
/// <see cref="MaxBatch"/>), stores them in one transaction (written again with each post behind its own savepoint when
/// one fails, so one failing post does not fail the others), commits once, and only then answers each poster, so
/// every acknowledged message is durable.
/// One fsync serves the whole batch, which is what lets SQLite store thousands of messages a second.
/// It writes through a context of its own, open for its lifetime, so that the insert every post runs stays compiled.
/// Being the only writer of seqs, it also publishes each channel's <c>messageCreated</c> events in seq order: a second
/// loop publishes committed batches one after the other, so fanning a batch out overlaps with storing the next.
/// After a batch, at most every <see cref="SearchIndex.Interval"/>, it indexes what it stored for search, in a
/// transaction of its own.
/// </summary>
public sealed partial class MessageWriter(
    IServiceScopeFactory scopes, DbContextOptions<ChatDb> dbOptions, TimeProvider clock, ConfabMetrics metrics,
    ILogger<MessageWriter> logger)
    : BackgroundService
{
    const int MaxBatch = 256;
    const string Savepoint = "post";

    // How many committed batches may wait for publishing before the writer waits too.
    const int PublishBacklog = 64;

    readonly Channel<Work> queue = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
    readonly Channel<List<(Work Work, Stored Stored)>> committed = Channel.CreateBounded<List<(Work Work, Stored Stored)>>(
        new BoundedChannelOptions(PublishBacklog) { SingleReader = true, SingleWriter = true });

    /// <summary>Stores the post; null when its clientMessageId turned out to be taken by a concurrent post.</summary>
    public Task<MessageResponse?> WriteAsync(PendingPost post)
    {
        var work = new Work(post, new TaskCompletionSource<MessageResponse?>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(work))
            throw new InvalidOperationException("The server is shutting down.");
        return work.Done.Task;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(WriteLoopAsync(stoppingToken), PublishLoopAsync());

    async Task WriteLoopAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Work>(MaxBatch);
        try
        {
            await using var db = new ChatDb(dbOptions);
            await db.Database.OpenConnectionAsync(stoppingToken);
            using var commands = new PreparedCommands((SqliteConnection)db.Database.GetDbConnection());
            var writerDb = new WriterDb(db, commands);
            // What an earlier run stored but did not index yet is indexed first.
            await IndexSearchAsync(writerDb);
            var indexed = Stopwatch.StartNew();
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && queue.Reader.TryRead(out var work))
                    batch.Add(work);
                await WriteBatchAsync(writerDb, batch);
                batch.Clear();
                if (indexed.Elapsed >= SearchIndex.Interval)
                {
                    await IndexSearchAsync(writerDb);
                    indexed.Restart();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            queue.Writer.TryComplete();
            while (queue.Reader.TryRead(out var work))
                work.Done.TrySetCanceled(stoppingToken);
        }
        finally
        {
            // What was committed is still published before the loop ends.
            committed.Writer.TryComplete();
        }
    }

    async Task PublishLoopAsync()
    {
        await foreach (var batch in committed.Reader.ReadAllAsync())
            await PublishAsync(batch);
    }

    async Task WriteBatchAsync(WriterDb writerDb, List<Work> batch)
    {
        Written written;
        try
        {
            // Nearly every batch stores all its posts, so the first try takes no savepoints. Only when a post fails is
            // the batch rolled back and written again with a savepoint around each post, so that the others commit.
            written = await TryWriteAsync(writerDb, batch, isolatePosts: false)
                ?? (await TryWriteAsync(writerDb, batch, isolatePosts: true))!;
        }
        catch (Exception e)
        {
            LogBatchFailed(logger, e, batch.Count);
            foreach (var work in batch)
                work.Done.TrySetException(e);
            return;
        }
        foreach (var work in written.Repeats)
            work.Done.TrySetResult(null);
        // Committed means durable: posters are answered now, not after their messages have been fanned out.
        foreach (var (work, result) in written.Stored)
            work.Done.TrySetResult(result.Response);
        await committed.Writer.WriteAsync(written.Stored);
    }

    /// <summary>Stores and commits the batch; null, with nothing committed, when a post failed and posts were not isolated.</summary>
    async Task<Written?> TryWriteAsync(WriterDb writerDb, List<Work> batch, bool isolatePosts)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        // Nothing a failed pass left behind carries over.
        writerDb.Db.ChangeTracker.Clear();
        var written = new Written(new List<(Work Work, Stored Stored)>(batch.Count), []);
        await using var transaction = await writerDb.Db.Database.BeginTransactionAsync();
        var pass = new Pass(writerDb, transaction,
            ActivatorUtilities.CreateInstance<MentionResolver>(services, writerDb.Db),
            ActivatorUtilities.CreateInstance<NotificationService>(services, writerDb.Db));
        foreach (var work in batch)
        {
            if (isolatePosts)
                await transaction.CreateSavepointAsync(Savepoint);
            try
            {
                written.Stored.Add((work, await StoreAsync(pass, work.Post)));
                if (isolatePosts)
                    await transaction.ReleaseSavepointAsync(Savepoint);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                if (!isolatePosts)
                    return null;
                // Undoes this post's seq too, so the channel keeps no gap.
                await transaction.RollbackToSavepointAsync(Savepoint);
                // The poster looks up the winner of a clientMessageId race, which is visible once this batch commits.
                if (UniqueViolation.IsUniqueViolation(e) && work.Post.ClientMessageId is not null)
                    written.Repeats.Add(work);
                else
                    work.Done.TrySetException(e);
            }
        }
        var committing = Stopwatch.GetTimestamp();
        await transaction.CommitAsync();
        metrics.BatchCommitted(Stopwatch.GetElapsedTime(committing));
        return written;
    }

    /// <summary>Indexes the messages stored since the last pass (<see cref="SearchIndex"/>), after their posters were answered.</summary>
    async Task IndexSearchAsync(WriterDb writerDb)
    {
        try
        {
            await using var transaction = await writerDb.Db.Database.BeginTransactionAsync();
            writerDb.Commands.Get(SearchIndex.CatchUpSql, (SqliteTransaction)transaction.GetDbTransaction()).ExecuteNonQuery();
            await transaction.CommitAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The next pass, or the next search, indexes what this one did not.
            LogIndexFailed(logger, e);
        }
    }

    async Task PublishAsync(List<(Work Work, Stored Stored)> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var events = services.GetRequiredService<ChatEvents>();
        var reader = services.GetRequiredService<MessageReader>();
        var notifications = services.GetRequiredService<NotificationService>();
        foreach (var (work, result) in batch)
        {
            metrics.MessagePosted();
            try
            {
                await events.MessageCreatedAsync(result.Response.ChannelId, result.Response, CancellationToken.None);
                if (work.Post.Parent is { } parent)
                    await events.MessageUpdatedAsync(reader.ReadOne(parent.Id, work.Post.Author.Id), CancellationToken.None);
                await notifications.PublishAsync(result.Notifications, CancellationToken.None);
            }
            catch (Exception e)
            {
                // One message's events failing must not stop the events of the messages after it.
                LogPublishFailed(logger, e, result.Response.Id);
            }
        }
    }

    async Task<Stored> StoreAsync(Pass pass, PendingPost post)
    {
        var message = Insert(pass, post);
        if (post.Parent is { } parent)
        {
            await pass.Writer.Db.Messages.Where(m => m.Id == parent.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReplyCount, m => m.ReplyCount + 1));
        }
        var mentioned = await pass.Mentions.ResolveAsync(post.Author, post.View, post.Content, CancellationToken.None);
        await pass.Mentions.InsertAsync(message.Id, mentioned, CancellationToken.None);
        var created = await pass.Notifications.AddForMessageAsync(
            post.View.Channel, message, post.AuthorSummary.Username, post.Parent, mentioned, CancellationToken.None);
        return new Stored(MessageReader.Fresh(message, post.AuthorSummary, mentioned), created);
    }

    /// <summary>
    /// What every post writes, as one command: the channel's next seq, the row, and the author's cursors, which posting
    /// moves to the new message, never back. Through EF (SaveChanges, ExecuteUpdate, then SqlQuery) these took several
    /// times the CPU, and this is the one statement all posts share, so it is kept compiled on the writer's connection.
    /// SQLite syntax; values as EF stores them (<see cref="SqlValues"/>).
    /// </summary>
    Message Insert(Pass pass, PendingPost post)
    {
        var (id, now) = (Ids.New(), clock.Now());
        var insert = pass.Writer.Commands.Get(InsertSql, (SqliteTransaction)pass.Transaction.GetDbTransaction(),
            ("$id", SqlValues.Text(id)), ("$channel", SqlValues.Text(post.View.Channel.Id)),
            ("$author", SqlValues.Text(post.Author.Id)), ("$content", post.Content),
            ("$clientMessageId", post.ClientMessageId), ("$parent", SqlValues.Text(post.Parent?.Id)), ("$now", now));
        var seq = (long)insert.ExecuteScalar()!;
        return new Message
        {
            Id = id,
            ChannelId = post.View.Channel.Id,
            Seq = seq,
            AuthorId = post.Author.Id,
            Content = post.Content,
            ClientMessageId = post.ClientMessageId,
            ParentId = post.Parent?.Id,
            CreatedAt = now,
        };
    }

    const string InsertSql = """
        UPDATE "Channels" SET "LastSeq" = "LastSeq" + 1 WHERE "Id" = $channel;
        INSERT INTO "Messages" ("Id", "ChannelId", "Seq", "AuthorId", "Content", "ClientMessageId", "ParentId", "ReplyCount", "CreatedAt")
        SELECT $id, $channel, "LastSeq", $author, $content, $clientMessageId, $parent, 0, $now
        FROM "Channels" WHERE "Id" = $channel;
        UPDATE "ChannelMembers"
        SET "LastReadSeq" = max("LastReadSeq", c."LastSeq"), "LastDeliveredSeq" = max("LastDeliveredSeq", c."LastSeq")
        FROM (SELECT "LastSeq" FROM "Channels" WHERE "Id" = $channel) AS c
        WHERE "ChannelId" = $channel AND "UserId" = $author;
        SELECT "LastSeq" FROM "Channels" WHERE "Id" = $channel;
        """;

    /// <summary>The writer's own context and the commands kept on its connection, for its lifetime.</summary>
    sealed record WriterDb(ChatDb Db, PreparedCommands Commands);

    /// <summary>One pass over a batch: its transaction, and the services that write inside it.</summary>
    sealed record Pass(WriterDb Writer, IDbContextTransaction Transaction, MentionResolver Mentions, NotificationService Notifications);

    sealed record Work(PendingPost Post, TaskCompletionSource<MessageResponse?> Done);

    sealed record Stored(MessageResponse Response, List<Notification> Notifications);

    sealed record Written(List<(Work Work, Stored Stored)> Stored, List<Work> Repeats);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing a batch of {Count} messages failed")]
    static partial void LogBatchFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Indexing stored messages for search failed")]
    static partial void LogIndexFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Publishing the events of message {MessageId} failed")]
    static partial void LogPublishFailed(ILogger logger, Exception exception, Guid messageId);
}
