import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide } from '../../../src/domain/policy/decide.js';
import type { ActorFacts, ItemFacts } from '../../../src/domain/policy/facts.js';
import { admits, channelAccess } from '../../../src/domain/policy/visibility.js';

const READER = 'UREADER';

const actor: fc.Arbitrary<ActorFacts> = fc.record({
  userId: fc.constant(READER),
  role: fc.constantFrom('owner', 'admin', 'member', 'guest', 'external'),
  tandemAdmin: fc.boolean(),
  installer: fc.boolean(),
  prLead: fc.boolean(),
  socialLead: fc.boolean(),
});

// As channelFacts describes a channel: public, private and read, private and unreadable, or the
// channel the request came from.
const channel = fc.constantFrom<Pick<ItemFacts, 'channelPrivate' | 'inChannel'>>(
  { channelPrivate: false },
  { channelPrivate: false, inChannel: true },
  { channelPrivate: true, inChannel: true },
  { channelPrivate: true, inChannel: false },
  { channelPrivate: true },
);

const someone = fc.constantFrom<string | null>(READER, 'UOTHER', null);

describe('channelAccess: what of a channel a person sees, asked once per channel', () => {
  it('agrees with the policy item by item, whoever owns the item or its initiative', () => {
    fc.assert(
      fc.property(
        actor,
        channel,
        someone,
        someone,
        fc.constantFrom('pr', 'social', 'joint', null),
        (reader, facts, ownerId, initiativeOwnerId, discipline) => {
          const item: ItemFacts = { ...facts, ownerId, initiativeOwnerId, discipline };
          const perItem = decide('item.view', { actor: reader, item }).allowed;
          const owns = ownerId === READER || initiativeOwnerId === READER;
          expect(admits(channelAccess(reader, facts), owns)).toBe(perItem);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('gives a member outside a readable private channel none of it, and a lead of an unreadable one all of it', () => {
    const member: ActorFacts = {
      userId: READER,
      role: 'member',
      tandemAdmin: false,
      installer: false,
      prLead: false,
      socialLead: false,
    };
    expect(channelAccess(member, { channelPrivate: true, inChannel: false })).toBe('none');
    expect(channelAccess(member, { channelPrivate: true })).toBe('own');
    expect(channelAccess(member, { channelPrivate: true, inChannel: true })).toBe('all');
    expect(channelAccess({ ...member, prLead: true }, { channelPrivate: true })).toBe('all');
    expect(channelAccess({ ...member, prLead: true }, { channelPrivate: true, inChannel: false })).toBe(
      'none',
    );
    expect(channelAccess({ ...member, role: 'guest' }, { channelPrivate: false })).toBe('none');
  });
});
