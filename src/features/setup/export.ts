import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { isPrivateChannel } from '../../core/channels.js';
import { ensureAllowed } from '../../core/permissions.js';
import { readWorkspaceExport } from '../../core/stores/workspace-export.js';
import { whoAsks, workRequest } from '../../core/work/request.js';
import type { Deps } from '../../deps.js';
import { isWorkspaceAdmin } from '../../domain/policy/facts.js';
import { parseExportCommand } from '../../domain/setup/export-command.js';
import { channelsOf, type LeftOut, withoutPrivateChannels } from '../../domain/setup/workspace-export.js';
import { orThrow, UserError } from '../../domain/user-error.js';
import { platformError, privately } from '../../slack/reply.js';
import { exportComment, exportSentMessage } from './export-views.js';

type CommandArgs = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

// BigInt ids (ownership history) have no JSON form of their own; as text they keep every digit.
const jsonValue = (_key: string, value: unknown) => (typeof value === 'bigint' ? value.toString() : value);

/** `/tandem export`: the workspace's data as a JSON file, sent to the admin who asked by DM. */
export function exportCommand(deps: Deps) {
  return async function handleExportCommand(args: CommandArgs): Promise<void> {
    const { command, respond, client } = args;
    orThrow(parseExportCommand(command.text));
    const req = await workRequest(deps, args, command.user_id, 'command', command.channel_id);
    const actor = await whoAsks(req);
    ensureAllowed({
      action: 'workspace.export',
      actor,
      team: req.team,
      doing: 'export this workspace’s data',
    });

    const data = await readWorkspaceExport(deps, req.team.teamId);
    const everything = isWorkspaceAdmin(actor);
    const privateChannels = new Set<string>();
    if (!everything)
      for (const channel of channelsOf(data))
        if (await isPrivateChannel(deps, client, req.team.teamId, channel)) privateChannels.add(channel);
    const { kept, leftOut } = withoutPrivateChannels(data, (channel) => privateChannels.has(channel));
    const leftOutAny = Object.values(leftOut).some((n) => n > 0);

    const at = deps.clock.now();
    const file = {
      format: 'tandem-export/1',
      teamId: req.team.teamId,
      exportedAt: at.toISOString(),
      exportedBy: req.userId,
      privateChannels: everything ? 'included' : 'left out',
      leftOut,
      ...kept,
    };
    const included = Object.fromEntries(
      Object.keys(leftOut).map((key) => [key, kept[key as keyof LeftOut].length]),
    ) as LeftOut;
    try {
      const dm = await client.conversations.open({ users: req.userId });
      const channel = dm.channel?.id;
      if (!channel) throw new Error('conversations.open returned no channel');
      await client.filesUploadV2({
        channel_id: channel,
        file: Buffer.from(JSON.stringify(file, jsonValue, 2)),
        filename: `tandem-${req.team.teamId}-${at.toISOString().slice(0, 10)}.json`,
        title: `Tandem export, ${at.toISOString().slice(0, 10)}`,
        initial_comment: exportComment(leftOutAny),
      });
    } catch (error) {
      const reason = platformError(error);
      if (reason === 'missing_scope' || reason === 'not_allowed_token_type')
        throw new UserError(
          'Slack would not take the file: Tandem lacks the files:write scope. Reinstall the app from manifest/manifest.json, then try again.',
        );
      throw error;
    }
    await privately(respond)(exportSentMessage(included, leftOut));
  };
}
