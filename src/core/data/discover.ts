import type { EntityName } from '../model/canonical.js';
import { entityNames } from '../model/canonical.js';
import { IoError } from '../errors.js';
import type { FileIo } from '../io.js';
import type { FieldMappingSpec } from '../policy/types.js';
import type { DataFormat } from './types.js';

/** One entity file found in a data directory. */
export interface EntitySource {
  entity: EntityName;
  /** Path as `dir/name`. */
  file: string;
  /** Undefined when neither the mapping nor the file name tells the format. */
  format: DataFormat | undefined;
  delimiter?: string;
  /** Read through the FieldMapping (otherwise by canonical column names). */
  isMapped: boolean;
}

export interface Discovery {
  sources: EntitySource[];
  /** Entities with more than one candidate file (e.g. `leads.csv` and `leads.json`): none is read. */
  conflicts: { entity: EntityName; files: string[] }[];
  absent: EntityName[];
  ignoredFiles: string[];
}

const extensions: Readonly<Record<string, DataFormat>> = { csv: 'csv', ndjson: 'ndjson', jsonl: 'ndjson', json: 'json' };

export function formatOfFileName(name: string): DataFormat | undefined {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? undefined : extensions[name.slice(dot + 1).toLowerCase()];
}

/**
 * Finds the file of each entity: the one the mapping names, or `<entity>.csv|ndjson|jsonl|json`
 * for entities the mapping does not cover (or all of them without a mapping).
 */
export async function discoverEntityFiles(dir: string, io: FileIo, spec?: FieldMappingSpec): Promise<Discovery> {
  let names: string[];
  try {
    names = (await io.readDir(dir)).filter((e) => e.isFile && !e.name.startsWith('.')).map((e) => e.name);
  } catch (cause) {
    throw new IoError(`Cannot read the data directory ${dir}: ${(cause as Error).message}`, { cause });
  }
  names.sort();
  const discovery: Discovery = { sources: [], conflicts: [], absent: [], ignoredFiles: [] };
  const claimed = new Set(Object.values(spec?.entities ?? {}).map((m) => m?.file));
  const used = new Set<string>();
  for (const entity of entityNames) {
    const mapping = spec?.entities[entity];
    if (mapping !== undefined) {
      if (!names.includes(mapping.file)) {
        discovery.absent.push(entity);
        continue;
      }
      used.add(mapping.file);
      const source: EntitySource = { entity, file: `${dir}/${mapping.file}`, format: mapping.format ?? formatOfFileName(mapping.file), isMapped: true };
      if (mapping.delimiter !== undefined) source.delimiter = mapping.delimiter;
      discovery.sources.push(source);
      continue;
    }
    const candidates = names.filter((n) => !claimed.has(n) && n.slice(0, n.lastIndexOf('.')) === entity && formatOfFileName(n) !== undefined);
    candidates.forEach((n) => used.add(n));
    if (candidates.length === 0) discovery.absent.push(entity);
    else if (candidates.length > 1) discovery.conflicts.push({ entity, files: candidates.map((n) => `${dir}/${n}`) });
    else discovery.sources.push({ entity, file: `${dir}/${candidates[0]!}`, format: formatOfFileName(candidates[0]!), isMapped: false });
  }
  discovery.ignoredFiles = names.filter((n) => !used.has(n));
  if (discovery.sources.length === 0 && discovery.conflicts.length === 0) {
    const expected = spec === undefined ? 'e.g. leads.csv, opportunities.ndjson or users.json' : `the files the mapping names (${[...claimed].join(', ')})`;
    throw new IoError(`No data files in ${dir}: expected one file per entity, ${expected}.`);
  }
  return discovery;
}
