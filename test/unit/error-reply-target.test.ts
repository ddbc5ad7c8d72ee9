import { describe, expect, it } from 'vitest';
import { replyTarget } from '../../src/slack/error-handler.js';

describe('replyTarget', () => {
  it('answers a failed reaction in the channel of the message reacted to', () => {
    const body = {
      event: {
        type: 'reaction_added',
        user: 'U1',
        reaction: 'chart_with_upwards_trend',
        item: { type: 'message', channel: 'C1', ts: '1.2' },
      },
    };
    expect(replyTarget(body)).toMatchObject({ userId: 'U1', channelId: 'C1' });
  });

  it('prefers a message event’s own channel, and a command’s response URL and typed text', () => {
    expect(replyTarget({ event: { user: 'U2', channel: 'C2' } })).toMatchObject({ channelId: 'C2' });
    expect(
      replyTarget({
        command: '/task',
        text: 'add 1 "x"',
        user_id: 'U3',
        channel_id: 'C3',
        response_url: 'https://hooks.slack.test/r',
      }),
    ).toEqual({
      responseUrl: 'https://hooks.slack.test/r',
      userId: 'U3',
      channelId: 'C3',
      typed: '/task add 1 "x"',
    });
  });
});
