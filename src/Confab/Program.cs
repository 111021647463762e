using Confab.Auth;
using Confab.Channels;
using Confab.Common;
using Confab.Data;
using Confab.Messages;
using Confab.Notifications;
using Confab.Realtime;
using Confab.Users;

var builder = WebApplication.CreateBuilder(args);
builder.AddDotEnv()
    .AddConfabOperations()
    .AddConfabProblemDetails()
    .AddConfabDatabase()
    .AddConfabAuth()
    .AddConfabUsers()
    .AddConfabChannels()
    .AddConfabMessages()
    .AddConfabNotifications()
    .AddConfabRealtime();

var app = builder.Build();
app.MigrateChatDb()
    .UseConfabProblemDetails()
    .UseConfabOperations()
    .UseConfabAuth();
app.MapConfabOperations()
    .MapAuthEndpoints()
    .MapUserEndpoints()
    .MapChannelEndpoints()
    .MapMessageEndpoints()
    .MapNotificationEndpoints()
    .MapRealtime();

app.Run();
