/**
 * Slack's documented Block Kit and message limits, checked on anything Tandem sends: a message
 * (chat.postMessage / postEphemeral / update / response_url), a modal or an App Home view.
 * Beyond them Slack answers `invalid_blocks` (or truncates), and the person sees nothing.
 * https://docs.slack.dev/reference/block-kit/blocks, …/composition-objects/text-object,
 * …/block-elements/button-element, and chat.postMessage's 40,000-character text limit.
 */
export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  messageText: 40_000,
  sectionText: 3_000,
  sectionFields: 10,
  fieldText: 2_000,
  header: 150,
  contextElements: 10,
  // Any text object is at most 3,000 characters; Slack sets no lower limit for context elements.
  contextText: 3_000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2_000,
  accessibilityLabel: 75,
  actionId: 255,
  blockId: 255,
  placeholder: 150,
  inputLabel: 2_000,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3_000,
} as const;

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const textOf = (v: unknown): string | undefined =>
  isRec(v) && typeof v.text === 'string' ? v.text : undefined;

function checkText(problems: string[], where: string, obj: unknown, max: number, required = true): void {
  if (obj === undefined) {
    if (required) problems.push(`${where}: missing text`);
    return;
  }
  const text = textOf(obj);
  if (text === undefined) {
    problems.push(`${where}: not a text object`);
    return;
  }
  if (text.length === 0) problems.push(`${where}: empty text`);
  if (text.length > max) problems.push(`${where}: ${text.length} characters (max ${max})`);
}

function checkElement(problems: string[], where: string, el: unknown): void {
  if (!isRec(el)) {
    problems.push(`${where}: not an object`);
    return;
  }
  if (typeof el.action_id === 'string' && el.action_id.length > LIMITS.actionId)
    problems.push(`${where}: action_id of ${el.action_id.length}`);
  if (el.type === 'button') {
    checkText(problems, `${where} button text`, el.text, LIMITS.buttonText);
    if (typeof el.value === 'string' && el.value.length > LIMITS.buttonValue)
      problems.push(`${where}: button value of ${el.value.length}`);
    if (
      typeof el.accessibility_label === 'string' &&
      el.accessibility_label.length > LIMITS.accessibilityLabel
    )
      problems.push(`${where}: accessibility_label of ${el.accessibility_label.length}`);
  }
  if (el.placeholder !== undefined)
    checkText(problems, `${where} placeholder`, el.placeholder, LIMITS.placeholder);
}

/** Every broken limit in a list of blocks. */
export function blockProblems(blocks: unknown, maxBlocks: number): string[] {
  const problems: string[] = [];
  if (!Array.isArray(blocks)) return ['blocks is not an array'];
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks (max ${maxBlocks})`);
  blocks.forEach((block, n) => {
    const at = `block ${n}`;
    if (!isRec(block)) {
      problems.push(`${at}: not an object`);
      return;
    }
    if (typeof block.block_id === 'string' && block.block_id.length > LIMITS.blockId)
      problems.push(`${at}: block_id of ${block.block_id.length}`);
    switch (block.type) {
      case 'section': {
        const fields = Array.isArray(block.fields) ? block.fields : undefined;
        if (block.text === undefined && !fields?.length)
          problems.push(`${at}: section with neither text nor fields`);
        if (block.text !== undefined) checkText(problems, `${at} section`, block.text, LIMITS.sectionText);
        if (fields && fields.length > LIMITS.sectionFields) problems.push(`${at}: ${fields.length} fields`);
        for (const [k, f] of (fields ?? []).entries())
          checkText(problems, `${at} field ${k}`, f, LIMITS.fieldText);
        if (block.accessory !== undefined) checkElement(problems, `${at} accessory`, block.accessory);
        break;
      }
      case 'header':
        checkText(problems, `${at} header`, block.text, LIMITS.header);
        break;
      case 'context': {
        const elements = Array.isArray(block.elements) ? block.elements : [];
        if (elements.length < 1 || elements.length > LIMITS.contextElements)
          problems.push(`${at}: ${elements.length} context elements (1 to ${LIMITS.contextElements})`);
        elements.forEach((e, k) => {
          if (isRec(e) && e.type !== 'image')
            checkText(problems, `${at} context ${k}`, e, LIMITS.contextText);
        });
        break;
      }
      case 'actions': {
        const elements = Array.isArray(block.elements) ? block.elements : [];
        if (elements.length < 1 || elements.length > LIMITS.actionsElements)
          problems.push(`${at}: ${elements.length} actions elements`);
        for (const [k, e] of elements.entries()) checkElement(problems, `${at} element ${k}`, e);
        break;
      }
      case 'input':
        checkText(problems, `${at} input label`, block.label, LIMITS.inputLabel);
        if (block.hint !== undefined) checkText(problems, `${at} input hint`, block.hint, LIMITS.inputLabel);
        checkElement(problems, `${at} input element`, block.element);
        break;
      case 'divider':
      case 'image':
      case 'rich_text':
        break;
      default:
        problems.push(`${at}: unexpected block type ${String(block.type)}`);
    }
  });
  return problems;
}

/** A message: notification text present and within 40,000 characters, blocks within limits. */
export function messageProblems(message: { text?: unknown; blocks?: unknown }): string[] {
  const problems: string[] = [];
  const text = typeof message.text === 'string' ? message.text : '';
  if (text.trim() === '')
    problems.push('no notification text (screen readers and notifications show nothing)');
  if (text.length > LIMITS.messageText) problems.push(`text of ${text.length} characters`);
  if (message.blocks !== undefined) problems.push(...blockProblems(message.blocks, LIMITS.messageBlocks));
  return problems;
}

/** A modal or App Home view. */
export function viewProblems(view: Rec): string[] {
  const problems = blockProblems(view.blocks, LIMITS.viewBlocks);
  if (view.type === 'modal') {
    checkText(problems, 'modal title', view.title, LIMITS.modalTitle);
    if (view.submit !== undefined) checkText(problems, 'modal submit', view.submit, LIMITS.modalButton);
    if (view.close !== undefined) checkText(problems, 'modal close', view.close, LIMITS.modalButton);
  }
  if (typeof view.private_metadata === 'string' && view.private_metadata.length > LIMITS.privateMetadata)
    problems.push(`private_metadata of ${view.private_metadata.length}`);
  return problems;
}

/** Checks whatever a recorded Slack call carried: a message, or a view. */
export function callProblems(call: { method: string; args: Rec }): string[] {
  if (call.method.startsWith('views.'))
    return isRec(call.args.view) ? viewProblems(call.args.view) : ['no view'];
  if (['chat.postMessage', 'chat.postEphemeral', 'chat.update', 'response_url'].includes(call.method)) {
    // response_url payloads that only delete or replace without content are fine without text.
    if (call.method === 'response_url' && call.args.delete_original) return [];
    return messageProblems(call.args);
  }
  return [];
}
