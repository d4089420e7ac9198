import { IoError } from '../errors.js';
import type { FileIo } from '../io.js';
import { PROJECT_CONFIG_FILE } from '../schemas/project-config.js';
import { limits } from './limits.js';

/** Folders inside a policy directory that never hold policies. */
const skippedDirs = new Set(['node_modules']);

export function isPolicyFileName(name: string): boolean {
  return /\.ya?ml$/i.test(name);
}

/** Every `.yaml`/`.yml` file under `dir`, recursively, in a stable order; the project config is not a policy. */
export async function listPolicyFiles(dir: string, io: FileIo): Promise<string[]> {
  const found: string[] = [];
  const walk = async (current: string): Promise<void> => {
    let entries;
    try {
      entries = await io.readDir(current);
    } catch (cause) {
      if ((cause as { code?: string }).code === 'ENOTDIR' && current === dir) {
        throw new IoError(
          `${dir} is a file; give the directory that holds the policies (they are checked together because they refer to each other).`,
          { cause },
        );
      }
      throw new IoError(`Cannot read policy directory ${current}: ${(cause as Error).message}`, { cause });
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = `${current}/${entry.name}`;
      if (entry.isDirectory && !entry.name.startsWith('.') && !skippedDirs.has(entry.name)) {
        await walk(path);
      } else if (entry.isFile && isPolicyFileName(entry.name) && entry.name !== PROJECT_CONFIG_FILE) {
        found.push(path);
        if (found.length > limits.maxFiles) {
          throw new IoError(`More than ${limits.maxFiles} policy files under ${dir}; is this the right directory?`);
        }
      }
    }
  };
  await walk(dir);
  return found;
}
