using System.Diagnostics;
using Confab.Common;
using Confab.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Confab.Tests.Data;

public sealed class WalCheckpointTests(ConfabFactory app) : IClassFixture<ConfabFactory>
{
    [Fact]
    public async Task Commits_leave_checkpoints_to_the_background()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatDb>();

        var pages = await db.Database.SqlQuery<int>($"PRAGMA wal_autocheckpoint").ToListAsync();

        pages.ShouldBe([0]);
    }

    [Fact]
    public async Task The_write_ahead_log_reaches_the_database_file_within_seconds()
    {
        var file = new FileInfo(app.Services.GetRequiredService<IOptions<ConfabOptions>>().Value.DataPath("confab.db"));
        var author = await app.RegisterAsync("wal");
        var channel = await author.CreateChannelAsync("wal-" + Guid.NewGuid().ToString("N")[..8]);
        file.Refresh();
        var before = file.Length;

        // About 400 KB of new pages: more than the database file holds free, so it grows once they are copied into it.
        for (var i = 0; i < 100; i++)
            await author.PostAsync(channel, new string((char)('a' + i % 26), 4000));

        var waited = Stopwatch.StartNew();
        do
        {
            await Task.Delay(100);
            file.Refresh();
        }
        while (file.Length <= before && waited.Elapsed < TimeSpan.FromSeconds(10));
        file.Length.ShouldBeGreaterThan(before);
    }
}
