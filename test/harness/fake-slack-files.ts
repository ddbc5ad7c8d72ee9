import type { IncomingMessage, ServerResponse } from 'node:http';

/** A file uploaded as files.uploadV2 does it: URL, bytes, then completion into a conversation. */
export interface FakeUpload {
  id: string;
  filename: string;
  /** The length announced to files.getUploadURLExternal. */
  length: number;
  /** The bytes posted to the upload URL, as UTF-8. */
  content?: string;
  title?: string;
  channel?: string;
  initialComment?: string;
  completed: boolean;
}

export const UPLOAD_PREFIX = '/upload/';

type Answer = Record<string, unknown>;

/**
 * Slack's three-step upload (files.getUploadURLExternal, a POST of the bytes to the URL it gave,
 * files.completeUploadExternal), strict where Slack is: a file must be uploaded with the length
 * announced before it can be completed.
 */
export function fakeFiles(options: { base: () => string; nextId: (prefix: string) => string }) {
  const files = new Map<string, FakeUpload>();
  const handlers: Record<string, (args: Record<string, unknown>) => Answer> = {
    'files.getUploadURLExternal': (args) => {
      const length = Number(args.length);
      if (typeof args.filename !== 'string' || !Number.isInteger(length) || length <= 0)
        return { ok: false, error: 'invalid_arguments' };
      const id = options.nextId('F');
      files.set(id, { id, filename: args.filename, length, completed: false });
      return { upload_url: `${options.base()}${UPLOAD_PREFIX}${id}`, file_id: id };
    },
    'files.completeUploadExternal': (args) => {
      const listed = Array.isArray(args.files) ? (args.files as Array<{ id?: string; title?: string }>) : [];
      const found = listed.map((f) => files.get(String(f.id)));
      if (listed.length === 0 || found.some((f) => f?.content === undefined))
        return { ok: false, error: 'file_not_found' };
      for (const [i, file] of found.entries()) {
        if (!file) continue;
        file.completed = true;
        const title = listed[i]?.title;
        if (title !== undefined) file.title = title;
        if (typeof args.channel_id === 'string') file.channel = args.channel_id;
        if (typeof args.initial_comment === 'string') file.initialComment = args.initial_comment;
      }
      return { files: found.map((f) => ({ id: f?.id, title: f?.title ?? f?.filename, name: f?.filename })) };
    },
  };

  /** The upload URL: multipart (as @slack/web-api sends it) or raw bytes. */
  async function receive(id: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    const file = files.get(id);
    const type = req.headers['content-type'] ?? 'application/octet-stream';
    let content = body.toString('utf8');
    if (type.startsWith('multipart/form-data')) {
      const form = await new Response(body, { headers: { 'content-type': type } }).formData();
      const part = [...form.values()].find((v) => typeof v !== 'string');
      content = part && typeof part !== 'string' ? await part.text() : '';
    }
    if (!file || Buffer.byteLength(content) !== file.length) {
      res.writeHead(400).end('bad upload');
      return;
    }
    file.content = content;
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${file.length}`);
  }

  return { handlers, receive, uploads: () => [...files.values()].filter((f) => f.completed) };
}
