// Drives the Confab hub with the official JavaScript client, as a browser app would: connect with an
// accessTokenFactory, join a channel over REST, send, receive messageCreated, Sync, and hit one coded error.
// Prints one JSON object on stdout. Run by the xunit test JavaScriptClientTests; by hand:
//   CONFAB_URL=http://localhost:5000/ CONFAB_TOKEN=... CONFAB_CHANNEL=... node tests/js-client/chat-client.mjs
import * as signalR from "@microsoft/signalr";

const baseUrl = process.env.CONFAB_URL;
const accessToken = process.env.CONFAB_TOKEN;
const channelId = process.env.CONFAB_CHANNEL;
if (!baseUrl || !accessToken || !channelId) {
  console.error("Set CONFAB_URL, CONFAB_TOKEN and CONFAB_CHANNEL.");
  process.exit(2);
}

const timeout = (promise, ms, what) =>
  Promise.race([
    promise,
    new Promise((_, reject) => setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms)),
  ]);

function waitFor(connection, event, predicate) {
  return new Promise((resolve) => {
    const handler = (payload) => {
      if (predicate(payload)) {
        connection.off(event, handler);
        resolve(payload);
      }
    };
    connection.on(event, handler);
  });
}

const connection = new signalR.HubConnectionBuilder()
  .withUrl(new URL("hubs/chat", baseUrl).href, { accessTokenFactory: () => accessToken })
  .withAutomaticReconnect()
  .withStatefulReconnect()
  .configureLogging(signalR.LogLevel.Warning)
  .build();

try {
  const clientMessageId = `js-${Date.now()}`;
  const added = waitFor(connection, "channelAdded", (channel) => channel.id === channelId);
  const created = waitFor(connection, "messageCreated", (message) => message.clientMessageId === clientMessageId);

  await connection.start();
  // The first answered call proves the server has subscribed this connection to the user's channels.
  await connection.invoke("Sync", []);

  const join = await fetch(new URL(`api/channels/${channelId}/join`, baseUrl), {
    method: "POST",
    headers: { Authorization: `Bearer ${accessToken}` },
  });
  if (!join.ok) throw new Error(`join answered ${join.status}`);
  const channel = await timeout(added, 10000, "channelAdded");

  const sent = await connection.invoke("SendMessage", channelId, "hello from javascript", clientMessageId, null);
  const received = await timeout(created, 10000, "messageCreated");
  const sync = await connection.invoke("Sync", [{ channelId, afterSeq: 0 }]);

  let error = null;
  try {
    await connection.invoke("SendMessage", "not-an-id", "x", "y", null);
  } catch (e) {
    error = e.message;
  }
  const stillConnected = connection.state === signalR.HubConnectionState.Connected;

  await connection.stop();
  // Exit once the output is written: idle keep-alive sockets would otherwise hold the process open for seconds.
  process.stdout.write(JSON.stringify({ channelAdded: channel.id, sent, received, sync, error, stillConnected }) + "\n", () =>
    process.exit(0));
} catch (e) {
  console.error(e?.stack ?? String(e));
  await connection.stop();
  process.exit(1);
}
