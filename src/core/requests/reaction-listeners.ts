import {
  type AllMiddlewareArgs,
  type AnyMiddlewareArgs,
  type App,
  type Middleware,
  MultipleListenerError,
  type SlackEventMiddlewareArgs,
} from '@slack/bolt';

type ReactionType = 'reaction_added' | 'reaction_removed';
export type ReactionArgs<T extends ReactionType> = AllMiddlewareArgs & SlackEventMiddlewareArgs<T>;
type ReactionListener<T extends ReactionType> = (args: ReactionArgs<T>) => Promise<void>;

type Registry = { [T in ReactionType]: Array<ReactionListener<T>> };
const registries = new WeakMap<App, Registry>();

function registryOf(app: App): Registry {
  let registry = registries.get(app);
  if (!registry) {
    registry = { reaction_added: [], reaction_removed: [] };
    registries.set(app, registry);
  }
  return registry;
}

/** `app.event(type, listener)` for reactions: the listener runs from `dispatchReactions`. */
export function onReaction<T extends ReactionType>(app: App, type: T, listener: ReactionListener<T>): void {
  (registryOf(app)[type] as Array<ReactionListener<T>>).push(listener);
}

/** The reaction events that have listeners on `app`: they need the manifest's bot events too. */
export function reactionTypesListened(app: App): ReactionType[] {
  const registry = registries.get(app);
  return registry
    ? (Object.keys(registry) as ReactionType[]).filter((type) => registry[type].length > 0)
    : [];
}

const isReaction = (type: unknown): type is ReactionType =>
  type === 'reaction_added' || type === 'reaction_removed';

/**
 * Global middleware, last in the chain: runs the reaction listeners and ends the event there.
 * Bolt passes every event through every listener's own middleware, each call copying the
 * request's arguments (some thirty listeners here), and people react all day in every channel,
 * by the hundred a second in a claim race. Listeners run together and failures are reported as
 * Bolt reports its listeners' failures, so the error handler cannot tell the difference.
 */
export function dispatchReactions(app: App): Middleware<AnyMiddlewareArgs> {
  const registry = registryOf(app);
  return async (args) => {
    const event = (args.body as { type?: string; event?: { type?: unknown } }).event;
    if ((args.body as { type?: string }).type !== 'event_callback' || !isReaction(event?.type)) {
      await args.next();
      return;
    }
    const listeners = registry[event.type] as Array<ReactionListener<ReactionType>>;
    const listenerArgs = { ...args, next: async () => {} } as unknown as ReactionArgs<ReactionType>;
    const results = await Promise.allSettled(listeners.map((listener) => listener(listenerArgs)));
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failures.length === 1) throw failures[0]?.reason;
    if (failures.length > 1) throw new MultipleListenerError(failures.map((f) => f.reason));
  };
}
