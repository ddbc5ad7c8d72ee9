import { context, header, type SlackMessage, section } from '../../slack/blocks.js';

/** The installer's first direct message: what Tandem is for here and the first three steps. */
export function welcomeMessage(installerId: string, orgWide: boolean): SlackMessage {
  const where = orgWide ? 'in your organisation' : 'in this workspace';
  return {
    text: `Tandem is installed ${where}. Start with /tandem setup.`,
    blocks: [
      header('Welcome to Tandem'),
      section(
        `<@${installerId}>, you installed Tandem ${where}, so you are one of its admins: you can change its ` +
          'settings and name other Tandem admins with `/tandem set admins @someone`.',
      ),
      section(
        '*First steps*\n' +
          '1. `/tandem setup`: name the PR leads and social leads, and pick the digest channel, time and time zone.\n' +
          '2. `/invite @Tandem` in the channels where tasks are posted: reactions and replies are seen only where Tandem is a member.\n' +
          '3. `/initiative help` and `/task help`: add the first initiative and hand out its tasks.',
      ),
      context(
        'Uninstalling Tandem stops its digests and nudges at once; its data is deleted after the retention period.',
      ),
    ],
  };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page the installer's browser lands on after Slack's consent screen. */
export function installedPage(slackUrl: string): string {
  const url = escapeHtml(slackUrl);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Tandem is installed</title>
<meta http-equiv="refresh" content="3; URL=${url}"></head>
<body style="font-family: system-ui, sans-serif; padding: 2rem; text-align: center">
<h1>Tandem is installed</h1>
<p>Tandem has sent you a direct message with the first steps. Start with <code>/tandem setup</code>.</p>
<p><a href="${url}">Open Slack</a></p>
</body></html>`;
}
