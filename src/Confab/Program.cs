using Confab.Auth;
using Confab.Channels;
using Confab.Common;
using Confab.Data;
using Confab.Messages;
using Confab.Notifications;
using Confab.Realtime;
using Confab.Users;

// appsettings*.json ship beside the binary, so the server finds them whatever directory it is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
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
