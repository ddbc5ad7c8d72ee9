/**
 * Why Tandem stopped before it served anything, in the one shape every such failure takes:
 * "Tandem cannot start: <what> (<setting>) — <what to do>". `setting` names the variable to look
 * at, so the person fixes the right thing; the message never holds a secret's value.
 */
export class StartupFailure extends Error {
  constructor(
    readonly what: string,
    readonly setting: string,
    readonly todo: string,
    options?: ErrorOptions,
  ) {
    super(`Tandem cannot start: ${what} (${setting}) — ${todo}`, options);
    this.name = 'StartupFailure';
  }
}
