namespace Confab.Tests.Notifications;

/// <summary>A server whose first user, registered before any test runs, is the global admin the stories use.</summary>
public class NotificationsFactory : ConfabFactory, IAsyncLifetime
{
    TestUser? admin;

    public TestUser Admin => admin ?? throw new InvalidOperationException("The factory is not initialized.");

    public virtual async Task InitializeAsync() => admin = await RegisterAsync("admin");

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}
