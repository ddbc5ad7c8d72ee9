import { type App, MultipleListenerError } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import {
  dispatchReactions,
  onReaction,
  reactionTypesListened,
} from '../../src/core/requests/reaction-listeners.js';

function harness() {
  const app = {} as App;
  const ran: string[] = [];
  let nexts = 0;
  const run = (type: string, bodyType = 'event_callback') =>
    dispatchReactions(app)({
      body: { type: bodyType, event: { type } },
      next: async () => {
        nexts++;
      },
    } as never);
  return { app, ran, run, nexts: () => nexts };
}

describe('reaction listeners run from one global middleware', () => {
  it('runs every listener for its own reaction type, and ends the event there', async () => {
    const h = harness();
    onReaction(h.app, 'reaction_added', async () => void h.ran.push('tasks added'));
    onReaction(h.app, 'reaction_added', async () => void h.ran.push('trends added'));
    onReaction(h.app, 'reaction_removed', async () => void h.ran.push('tasks removed'));
    expect(reactionTypesListened(h.app)).toEqual(['reaction_added', 'reaction_removed']);
    await h.run('reaction_added');
    expect([h.ran, h.nexts()]).toEqual([['tasks added', 'trends added'], 0]);
    h.ran.length = 0;
    await h.run('reaction_removed');
    expect([h.ran, h.nexts()]).toEqual([['tasks removed'], 0]);
  });

  it('passes anything else on to Bolt’s listeners', async () => {
    const h = harness();
    onReaction(h.app, 'reaction_added', async () => void h.ran.push('tasks added'));
    await h.run('app_mention');
    await h.run('reaction_added', 'block_actions');
    expect([h.ran, h.nexts()]).toEqual([[], 2]);
  });

  it('lets every listener finish, and reports failures as Bolt does', async () => {
    const h = harness();
    const first = new Error('tasks failed');
    onReaction(h.app, 'reaction_added', async () => {
      throw first;
    });
    onReaction(h.app, 'reaction_added', async () => void h.ran.push('trends added'));
    await expect(h.run('reaction_added')).rejects.toBe(first);
    expect(h.ran).toEqual(['trends added']);

    const second = new Error('trends failed');
    onReaction(h.app, 'reaction_added', async () => {
      throw second;
    });
    const error = await h.run('reaction_added').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MultipleListenerError);
    expect((error as MultipleListenerError).originals).toEqual([first, second]);
  });

  it('keeps each app’s listeners to itself', async () => {
    const a = harness();
    const b = harness();
    onReaction(a.app, 'reaction_added', async () => void a.ran.push('a'));
    await b.run('reaction_added');
    expect([a.ran, b.ran]).toEqual([[], []]);
    expect(reactionTypesListened(b.app)).toEqual([]);
  });
});
