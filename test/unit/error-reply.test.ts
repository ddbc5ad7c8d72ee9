import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/domain/user-error.js';
import { userErrorMessage } from '../../src/slack/error-reply.js';

describe('userErrorMessage', () => {
  it('shows the problem, the form, the example and what was typed', () => {
    const message = userErrorMessage(
      new UserError(
        'No such kind "presser".',
        '/initiative add "<title>" [kind]',
        '/initiative add "Launch" press_release',
      ),
      '/initiative add x presser',
    );
    const text = JSON.stringify(message.blocks);
    expect(text).toContain('No such kind');
    expect(text).toContain('Form:');
    expect(text).toContain('Example:');
    expect(text).toContain('You typed: `/initiative add x presser`');
    expect(message.text).toContain('Example: /initiative add "Launch" press_release');
  });

  it('keeps people mentions but never broadcasts what was typed back', () => {
    const message = userErrorMessage(
      new UserError('<@U123ABC> already owns it; "<!channel>" is not a kind.'),
      '/initiative add <!channel>',
    );
    const text = JSON.stringify(message);
    expect(text).toContain('<@U123ABC>');
    expect(text).not.toContain('<!channel>');
    expect(text).toContain('&lt;!channel');
  });
});
