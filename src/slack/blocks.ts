import type { ContextBlock, InputBlock, KnownBlock, SectionBlock } from '@slack/types';
import { clipGraphemes } from '../domain/text/graphemes.js';

/** Slack's hard limits: beyond them chat.postMessage fails with invalid_blocks. */
export const MAX_BLOCKS = 50;
export const MAX_SECTION_TEXT = 3000;
export const MAX_CONTEXT_ELEMENTS = 10;

export interface SlackMessage {
  /** Notification and screen-reader text; Slack shows it where blocks cannot be shown. */
  text: string;
  blocks: KnownBlock[];
}

/** Cuts to at most `max` UTF-16 units (Slack's measure) without splitting an emoji or accent. */
export const clip = (text: string, max: number): string => clipGraphemes(text, max);

/** A modal's frame: its callback, what it carries back, a title clipped to Slack's 24, Cancel. */
export function modalFrame(callbackId: string, metadata: string, title: string, submit: string) {
  return {
    type: 'modal' as const,
    callback_id: callbackId,
    private_metadata: metadata,
    title: { type: 'plain_text' as const, text: clip(title, 24) },
    submit: { type: 'plain_text' as const, text: submit },
    close: { type: 'plain_text' as const, text: 'Cancel' },
  };
}

/** A form field; `optional` and `hint` are sent only when given, Slack's defaults otherwise. */
export function input(
  blockId: string,
  label: string,
  element: InputBlock['element'],
  options: { optional?: boolean; hint?: string } = {},
): InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    ...(options.optional ? { optional: true } : {}),
    label: { type: 'plain_text', text: label },
    element,
    ...(options.hint ? { hint: { type: 'plain_text', text: options.hint } } : {}),
  };
}

/** A mrkdwn section, clipped to Slack's limit; `accessory` is a button or other element beside it. */
export function section(text: string, accessory?: SectionBlock['accessory']): SectionBlock {
  const block: SectionBlock = {
    type: 'section',
    text: { type: 'mrkdwn', text: clip(text, MAX_SECTION_TEXT) },
  };
  return accessory ? { ...block, accessory } : block;
}

export function fields(pairs: Array<[label: string, value: string]>): SectionBlock {
  // A section holds at most 10 fields of 2,000 characters.
  return {
    type: 'section',
    fields: pairs
      .slice(0, 10)
      .map(([label, value]) => ({ type: 'mrkdwn', text: clip(`*${label}*\n${value}`, 2000) })),
  };
}

export function context(...texts: string[]): ContextBlock {
  return {
    type: 'context',
    elements: texts
      .slice(0, MAX_CONTEXT_ELEMENTS)
      .map((text) => ({ type: 'mrkdwn', text: clip(text, MAX_SECTION_TEXT) })),
  };
}

export function header(text: string): KnownBlock {
  return { type: 'header', text: { type: 'plain_text', text: clip(text, 150), emoji: true } };
}

export const divider: KnownBlock = { type: 'divider' };

/**
 * Packs lines into as few sections as the 3,000-character limit allows, stopping before the
 * block budget runs out and saying how many lines were left out.
 */
export function lineSections(lines: string[], budget: number): SectionBlock[] {
  const out: SectionBlock[] = [];
  let current: string[] = [];
  let length = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = clip(lines[i] ?? '', MAX_SECTION_TEXT - 40);
    const grown = length + (current.length > 0 ? 1 : 0) + line.length;
    if (grown <= MAX_SECTION_TEXT) {
      current.push(line);
      length = grown;
      continue;
    }
    if (out.length + 2 > budget) {
      out.push(section(withMoreNote(current, lines.length - i)));
      return out;
    }
    out.push(section(current.join('\n')));
    current = [line];
    length = line.length;
  }
  if (current.length > 0) out.push(section(current.join('\n')));
  return out;
}

/**
 * The last section with "…and N more": whole lines give way until the note fits, so the count
 * always matches what was really left out; a lone line too long for it is clipped instead.
 */
function withMoreNote(kept: string[], leftOut: number): string {
  const shown = [...kept];
  let left = leftOut;
  const note = () => `\n_…and ${left} more_`;
  while (shown.length > 1 && shown.join('\n').length + note().length > MAX_SECTION_TEXT) {
    shown.pop();
    left++;
  }
  return `${clip(shown.join('\n'), MAX_SECTION_TEXT - note().length)}${note()}`;
}

/** Keeps a message within the block limit whatever the data. */
export function capBlocks(blocks: KnownBlock[]): KnownBlock[] {
  if (blocks.length <= MAX_BLOCKS) return blocks;
  return [
    ...blocks.slice(0, MAX_BLOCKS - 1),
    context(`_…and ${blocks.length - MAX_BLOCKS + 1} more blocks left out_`),
  ];
}
