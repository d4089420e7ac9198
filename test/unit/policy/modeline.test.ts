import { describe, expect, it } from 'vitest';
import type { FileIo } from '../../../src/core/io.js';
import { checkModeline, findModeline, normalizePath, rewriteModeline } from '../../../src/core/policy/modeline.js';

/** A file system holding only these files. */
function filesIo(paths: string[]): FileIo {
  const missing = (): never => {
    throw new Error('not used');
  };
  return {
    readDir: missing,
    readFile: missing,
    readStream: missing,
    writeFile: missing,
    fileSize: async (path) => {
      if (!paths.includes(path)) throw new Error(`ENOENT ${path}`);
      return 1;
    },
  };
}

const calendar = 'apiVersion: revops/v1\nkind: Calendar\n';

describe('modelines', () => {
  it('normalizes paths as the editor resolves them', () => {
    expect(normalizePath('policies/sub/../../schemas/x.json')).toBe('schemas/x.json');
    expect(normalizePath('policies/./../../schemas/x.json')).toBe('../schemas/x.json');
    expect(normalizePath('/repo/policies/../../../schemas')).toBe('/schemas');
    expect(normalizePath('./')).toBe('.');
  });

  it('finds the modeline on any comment line, after a BOM, before a CRLF', () => {
    expect(findModeline('\uFEFF# yaml-language-server: $schema=../s/a.json\r\nkind: Calendar\r\n')).toEqual({
      value: '../s/a.json',
      offset: 33,
      line: 1,
      column: 34,
    });
    expect(findModeline('# note\n  #yaml-language-server:  $schema=x.json\n')?.line).toBe(2);
    expect(findModeline('kind: Calendar # yaml-language-server: $schema=x.json\n')).toBeUndefined();
  });

  it('reads only the comments before the first content: a `#` line in a block scalar is data', async () => {
    const text =
      'apiVersion: revops/v1\nkind: Funnel\nmetadata:\n  name: f\n  description: |\n' +
      '    # yaml-language-server: $schema=../schemas/funnel.schema.json\n';
    expect(findModeline(text)).toBeUndefined();
    const io = filesIo(['repo/schemas/funnel.schema.json', 'repo/schemas/waiver.schema.json']);
    expect(await rewriteModeline('repo/policies/w.yaml', text, io)).toBeUndefined();
    expect(findModeline('%YAML 1.2\n---\n# yaml-language-server: $schema=x.json\nkind: Funnel\n')?.line).toBe(3);
  });

  it('leaves URLs alone and accepts a path that resolves', async () => {
    const io = filesIo(['repo/schemas/calendar.schema.json']);
    const url = `# yaml-language-server: $schema=https://example.com/calendar.schema.json\n${calendar}`;
    expect(await checkModeline('repo/policies/c.yaml', url, 'Calendar', io)).toBeUndefined();
    const ok = `# yaml-language-server: $schema=../schemas/calendar.schema.json\n${calendar}`;
    expect(await checkModeline('repo/policies/c.yaml', ok, 'Calendar', io)).toBeUndefined();
  });

  it('points a moved file at the nearest schemas folder, or an installed package', async () => {
    const text = `# yaml-language-server: $schema=../schemas/calendar.schema.json\n${calendar}`;
    const local = filesIo(['repo/schemas/calendar.schema.json']);
    expect(await rewriteModeline('repo/policies/a/b/c.yaml', text, local)).toBe(
      `# yaml-language-server: $schema=../../../schemas/calendar.schema.json\n${calendar}`,
    );
    const installed = filesIo(['repo/node_modules/revops-policy/schemas/calendar.schema.json']);
    expect(await rewriteModeline('repo/policies/a/c.yaml', text, installed)).toBe(
      `# yaml-language-server: $schema=../../node_modules/revops-policy/schemas/calendar.schema.json\n${calendar}`,
    );
    expect(await rewriteModeline('repo/policies/a/c.yaml', text, filesIo([]))).toBeUndefined();
  });
});
