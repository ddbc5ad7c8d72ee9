import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { netOwnershipChanges } from '../../../src/domain/digest/net-ownership.js';

const step = (itemId: string, fromUserId: string | null, toUserId: string | null) => ({
  itemId,
  fromUserId,
  toUserId,
});

describe('netOwnershipChanges', () => {
  it('keeps only where each item started and ended, in the order items first changed', () => {
    const net = netOwnershipChanges([
      step('t1', null, 'cam'),
      step('t2', null, 'cam'),
      step('t1', 'cam', null),
      step('t2', 'cam', null),
      step('i1', 'ana', 'ben'),
      step('t1', null, 'ben'),
    ]);
    expect(net.map(({ last, from, to, steps }) => [last.itemId, from, to, steps])).toEqual([
      ['t1', null, 'ben', 3],
      ['i1', 'ana', 'ben', 1],
    ]);
  });

  it('agrees with the first and last step of every item, and drops only round trips', () => {
    const people = fc.constantFrom(null, 'ana', 'ben', 'cam');
    const steps = fc.array(
      fc.record({ itemId: fc.constantFrom('a', 'b', 'c'), fromUserId: people, toUserId: people }),
      {
        maxLength: 30,
      },
    );
    fc.assert(
      fc.property(steps, (list) => {
        const net = netOwnershipChanges(list);
        const items = [...new Set(list.map((s) => s.itemId))];
        for (const item of items) {
          const mine = list.filter((s) => s.itemId === item);
          const first = mine[0];
          const last = mine[mine.length - 1];
          const found = net.find((n) => n.last.itemId === item);
          if (first?.fromUserId === last?.toUserId) expect(found).toBeUndefined();
          else
            expect(found).toMatchObject({ from: first?.fromUserId, to: last?.toUserId, steps: mine.length });
        }
      }),
      { numRuns: 300 },
    );
  });
});
