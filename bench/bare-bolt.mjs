// Child process: the baseline. A bare Bolt app over the same HTTP receiver, signature checks and
// routes Tandem uses, whose `/initiative` command and events only ack. Listens on $PORT and
// answers GET /healthz like Tandem, so both are started and measured the same way. Plain
// JavaScript, so that its start-up is compared with Tandem's compiled dist/main.js on equal terms.
import bolt from '@slack/bolt';

const receiver = new bolt.HTTPReceiver({
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  endpoints: '/slack/events',
  customRoutes: [{ path: '/healthz', method: 'GET', handler: (_req, res) => res.writeHead(200).end('ok') }],
});
const app = new bolt.App({
  receiver,
  token: 'xoxb-bench',
  tokenVerificationEnabled: false,
  botId: 'B1',
  botUserId: 'U1',
});
app.command('/initiative', async ({ ack }) => {
  await ack();
});
app.event(/.*/, async () => {});
await app.start({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.on('SIGTERM', () => void app.stop().then(() => process.exit(0)));
