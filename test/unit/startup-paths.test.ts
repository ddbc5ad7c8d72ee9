import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { envFilePath, loadEnvFile, PROJECT_DIR, resolveDataDir } from '../../src/startup/paths.js';

describe('paths that do not depend on the working directory', () => {
  it('finds the project folder from the code, not from where Tandem was started', () => {
    expect(PROJECT_DIR).toBe(fileURLToPath(new URL('../../', import.meta.url)));
  });

  it('reads .env from the project folder unless TANDEM_ENV_FILE names another file', () => {
    expect(envFilePath({})).toBe(join(PROJECT_DIR, '.env'));
    expect(envFilePath({ TANDEM_ENV_FILE: '  ' })).toBe(join(PROJECT_DIR, '.env'));
    expect(envFilePath({ TANDEM_ENV_FILE: '/etc/tandem/env' })).toBe('/etc/tandem/env');
  });

  it('puts a relative DATA_DIR inside the project folder and keeps an absolute one', () => {
    expect(resolveDataDir('./data')).toBe(join(PROJECT_DIR, 'data'));
    expect(resolveDataDir('../shared/data', '/srv/tandem')).toBe('/srv/shared/data');
    expect(resolveDataDir('/var/lib/tandem')).toBe('/var/lib/tandem');
  });
});

describe('loadEnvFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-dotenv-'));
  const touched = ['TANDEM_TEST_FROM_FILE', 'TANDEM_TEST_ALREADY_SET', 'TANDEM_TEST_QUOTED'];

  afterEach(() => {
    for (const name of touched) delete process.env[name];
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads variables from the file without overriding those already set', () => {
    const file = join(dir, '.env');
    writeFileSync(
      file,
      [
        '# comment',
        'TANDEM_TEST_FROM_FILE=from-file',
        'TANDEM_TEST_ALREADY_SET=from-file',
        'TANDEM_TEST_QUOTED="two words"',
      ].join('\n'),
    );
    process.env.TANDEM_TEST_ALREADY_SET = 'from-environment';
    expect(loadEnvFile({ TANDEM_ENV_FILE: file })).toEqual({ state: 'read', file });
    expect(process.env.TANDEM_TEST_FROM_FILE).toBe('from-file');
    expect(process.env.TANDEM_TEST_ALREADY_SET).toBe('from-environment');
    expect(process.env.TANDEM_TEST_QUOTED).toBe('two words');
  });

  it('reads nothing, and says so, when the file does not exist', () => {
    const file = join(dir, 'missing.env');
    expect(loadEnvFile({ TANDEM_ENV_FILE: file })).toEqual({ state: 'absent', file });
    expect(process.env.TANDEM_TEST_FROM_FILE).toBeUndefined();
  });
});
