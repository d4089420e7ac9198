import type { EntityName } from '../model/canonical.js';
import { entityNames } from '../model/canonical.js';
import { IoError } from '../errors.js';
import type { DirEntry, FileIo } from '../io.js';
import { didYouMean } from '../policy/did-you-mean.js';
import type { FieldMappingSpec } from '../policy/types.js';
import type { DataFormat, DataIssueCode } from './types.js';

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
  /** The entity is built from the distinct values of this entity's file (the mapping's `from`). */
  distinctFrom?: EntityName;
}

/** An entity's file that cannot be read at all: not a regular file, or named by the mapping and absent. */
export interface UnreadableSource {
  entity: EntityName;
  /** Path as `dir/name`. */
  file: string;
  code: Extract<DataIssueCode, 'data.not-a-file' | 'data.file-absent'>;
  message: string;
  hint: string;
}

export interface Discovery {
  sources: EntitySource[];
  /** Entity files found but not readable, and files the mapping names that the directory lacks. */
  unreadable: UnreadableSource[];
  /** Entities with more than one candidate file (e.g. `leads.csv` and `leads.json`): none is read. */
  conflicts: { entity: EntityName; files: string[] }[];
  absent: EntityName[];
  ignoredFiles: string[];
}

const extensions: Readonly<Record<string, DataFormat>> = {
  csv: 'csv',
  ndjson: 'ndjson',
  jsonl: 'ndjson',
  json: 'json',
};

export function formatOfFileName(name: string): DataFormat | undefined {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? undefined : extensions[name.slice(dot + 1).toLowerCase()];
}

/**
 * Finds the file of each entity: the one the mapping names, or `<entity>.csv|ndjson|jsonl|json`
 * for entities the mapping does not cover (or all of them without a mapping).
 */
export async function discoverEntityFiles(dir: string, io: FileIo, spec?: FieldMappingSpec): Promise<Discovery> {
  let entries: DirEntry[];
  try {
    entries = (await io.readDir(dir)).filter((e) => !e.name.startsWith('.'));
  } catch (cause) {
    throw new IoError(`Cannot read the data directory ${dir}: ${(cause as Error).message}`, { cause });
  }
  // Only regular files are read: a link could point anywhere (a secret, another data set), and a
  // FIFO or device never ends.
  const names = entries
    .filter((e) => e.isFile && e.isSymbolicLink !== true)
    .map((e) => e.name)
    .sort();
  const others = new Map(entries.filter((e) => !e.isFile || e.isSymbolicLink === true).map((e) => [e.name, e]));
  const discovery: Discovery = { sources: [], unreadable: [], conflicts: [], absent: [], ignoredFiles: [] };
  const claimed = new Set(Object.values(spec?.entities ?? {}).flatMap((m) => (m?.file === undefined ? [] : [m.file])));
  const used = new Set<string>();
  const derived: EntityName[] = [];
  for (const entity of entityNames) {
    const mapping = spec?.entities[entity];
    if (mapping?.from !== undefined) derived.push(entity);
    else if (mapping?.file !== undefined) {
      used.add(mapping.file);
      const other = others.get(mapping.file);
      if (other !== undefined) discovery.unreadable.push(notAFile(entity, dir, other));
      else if (!names.includes(mapping.file)) discovery.unreadable.push(mappedAbsent(entity, dir, mapping.file, names));
      else {
        const source: EntitySource = {
          entity,
          file: `${dir}/${mapping.file}`,
          format: mapping.format ?? formatOfFileName(mapping.file),
          isMapped: true,
        };
        if (mapping.delimiter !== undefined) source.delimiter = mapping.delimiter;
        discovery.sources.push(source);
      }
      continue;
    }
    const isCandidate = (n: string) =>
      !claimed.has(n) && n.slice(0, n.lastIndexOf('.')) === entity && formatOfFileName(n) !== undefined;
    const candidates = names.filter(isCandidate);
    const unusable = [...others.keys()].filter(isCandidate).sort();
    candidates.forEach((n) => used.add(n));
    unusable.forEach((n) => used.add(n));
    if (candidates.length + unusable.length > 1)
      discovery.conflicts.push({ entity, files: [...candidates, ...unusable].sort().map((n) => `${dir}/${n}`) });
    else if (unusable.length === 1) discovery.unreadable.push(notAFile(entity, dir, others.get(unusable[0]!)!));
    else if (candidates.length === 0) discovery.absent.push(entity);
    else
      discovery.sources.push({
        entity,
        file: `${dir}/${candidates[0]!}`,
        format: formatOfFileName(candidates[0]!),
        isMapped: false,
      });
  }
  for (const entity of derived) addDerivedSource(discovery, dir, entity, spec!);
  discovery.ignoredFiles = names.filter((n) => !used.has(n));
  if (discovery.sources.length === 0 && discovery.conflicts.length === 0 && discovery.unreadable.length === 0) {
    const expected =
      spec === undefined
        ? 'e.g. leads.csv, opportunities.ndjson or users.json'
        : `the files the mapping names (${[...claimed].join(', ')})`;
    throw new IoError(`No data files in ${dir}: expected one file per entity, ${expected}.`);
  }
  return discovery;
}

function notAFile(entity: EntityName, dir: string, entry: DirEntry): UnreadableSource {
  const what =
    entry.isSymbolicLink === true
      ? 'a symbolic link'
      : entry.isDirectory
        ? 'a directory'
        : 'not a regular file (a FIFO, socket or device)';
  return {
    entity,
    file: `${dir}/${entry.name}`,
    code: 'data.not-a-file',
    message: `${entry.name} is ${what}; only regular files are read as data.`,
    hint: `Put the ${entity} export itself in the data directory, as a plain file.`,
  };
}

function mappedAbsent(entity: EntityName, dir: string, file: string, names: readonly string[]): UnreadableSource {
  return {
    entity,
    file: `${dir}/${file}`,
    code: 'data.file-absent',
    message: `The mapping reads ${entity} from ${file}, which is not in ${dir}.${didYouMean(file, names)}`,
    hint: `Name the file as the mapping says, or change the mapping's \`file\` for ${entity}.`,
  };
}

/**
 * An entity built `from` another entity's file reads that file again, through its own fields; when
 * the other entity has no readable file, neither has it.
 */
function addDerivedSource(discovery: Discovery, dir: string, entity: EntityName, spec: FieldMappingSpec): void {
  const from = spec.entities[entity]!.from!.entity as EntityName;
  const source = discovery.sources.find((s) => s.entity === from);
  if (source === undefined || source.distinctFrom !== undefined) {
    discovery.unreadable.push({
      entity,
      file: source?.file ?? `${dir}/${spec.entities[from]?.file ?? from}`,
      code: 'data.file-absent',
      message: `The mapping builds ${entity} from the file of ${from}, which has no file read directly.`,
      hint: `Give ${from} a file of its own, or a \`file\` to ${entity}.`,
    });
    return;
  }
  discovery.sources.push({ ...source, entity, isMapped: true, distinctFrom: from });
}
