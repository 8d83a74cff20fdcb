import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIO } from '../../../src/cli/io.js';
import { mappingWizard } from '../../../src/ui/mapping-wizard.js';
import { scriptedPrompts } from '../../../src/ui/prompts.js';
import { tempDir } from '../support/run.js';
import { scratchDevices } from '../../fixtures/devices.js';

/** The wizard on a "terminal" with scripted answers: the email column is the one to choose. */
function wizard(dir: string, answers: unknown[]) {
  const prompts = scriptedPrompts(answers);
  const { io, stderr } = bufferIO({ tty: true, cwd: dir, prompts: async () => prompts });
  return { run: () => mappingWizard(io, { file: path.join(dir, 'call.csv'), headers: ['Org', 'Courriel'], mapping: { organization: [0] }, missing: ['email'], uncertain: [], rejected: [], fields: {}, samples: [] }), prompts, stderr };
}

describe('the mapping wizard saves through the shared writer', () => {
  it('a new file: saved 0600', async () => {
    const dir = tempDir();
    const { run } = wizard(dir, [1, true, 'call.mapping.json']);
    expect(await run()).toEqual({ organization: [0], email: [1] });
    const saved = path.join(dir, 'call.mapping.json');
    expect(JSON.parse(fs.readFileSync(saved, 'utf8'))).toEqual({ organization: 'Org', email: 'Courriel' });
    expect(fs.statSync(saved).mode & 0o777).toBe(0o600);
  });

  it('an existing file is replaced only when the officer says so; otherwise another name is asked for', async () => {
    const dir = tempDir();
    const earlier = path.join(dir, 'call.mapping.json');
    fs.writeFileSync(earlier, '{"organization": "Other"}\n');
    const no = wizard(dir, [1, true, 'call.mapping.json', false, 'second.json']);
    await no.run();
    expect(no.prompts.asked).toContain('call.mapping.json exists. Replace it?');
    expect(fs.readFileSync(earlier, 'utf8')).toBe('{"organization": "Other"}\n');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'second.json'), 'utf8')).email).toBe('Courriel');
    const yes = wizard(dir, [1, true, 'call.mapping.json', true]);
    await yes.run();
    expect(JSON.parse(fs.readFileSync(earlier, 'utf8')).email).toBe('Courriel');
    const none = wizard(dir, [1, true, 'call.mapping.json', false, '']);
    await none.run();
    expect(none.stderr()).toContain('Not saved.');
  });

  it('never over a device', async () => {
    const dir = tempDir();
    const devices = scratchDevices(dir);
    const { run } = wizard(dir, [1, true, devices.null, true]);
    await expect(run()).rejects.toThrow(/null is a device, not a file/);
    expect(fs.statSync(devices.null).isCharacterDevice()).toBe(true);
  });
});

describe('after saving, the columns the mapping does not read', () => {
  it('are named, with how to add one to the saved file; and the help lists every field a mapping may name', async () => {
    const dir = tempDir();
    const prompts = scriptedPrompts([0, 1, true, 'odd.mapping.json']);
    const { io, stderr } = bufferIO({ tty: true, cwd: dir, prompts: async () => prompts });
    await mappingWizard(io, { file: path.join(dir, 'odd.csv'), headers: ['Who are you', 'Reach you at', 'Where', 'Idea'], mapping: {}, missing: ['organization', 'email'], uncertain: [], rejected: [], fields: {}, samples: [] });
    expect(stderr()).toContain('Saved. Next time: skillsnet import odd.csv --map odd.mapping.json\n');
    expect(stderr()).toContain('To read another column too (C Where, D Idea), add it to odd.mapping.json with its field, e.g. "description": "C" if column C holds the description, and import again (the fields: skillsnet import --help).');

    const { FIELDS } = await import('../../../src/import/headers.js');
    const { run } = await import('../support/run.js');
    const help = (await run(['import', '--help'])).stdout.replace(/\s+/g, ' ');
    const listed = /for any of these fields: ([^.]+)\./.exec(help)?.[1].split(', ');
    expect(listed?.sort()).toEqual([...FIELDS].sort());
  });

  it('names in its example the field a header suggests, never a field the column is not', async () => {
    const dir = tempDir();
    const prompts = scriptedPrompts([0, 1, true, 'pays.mapping.json']);
    const { io, stderr } = bufferIO({ tty: true, cwd: dir, prompts: async () => prompts });
    await mappingWizard(io, { file: path.join(dir, 'pays.csv'), headers: ['Who are you', 'Reach you at', 'Idea', 'Pays'], mapping: {}, missing: ['organization', 'email'], uncertain: [], rejected: [], fields: {}, samples: [] });
    expect(stderr()).toContain('To read another column too (C Idea, D Pays), add it to pays.mapping.json with its field, e.g. "country": "D", and import again');
  });

  it('says nothing more when every column is read', async () => {
    const dir = tempDir();
    const { run, stderr } = wizard(dir, [1, true, 'call.mapping.json']);
    await run();
    expect(stderr()).not.toContain('To read another column');
  });
});
