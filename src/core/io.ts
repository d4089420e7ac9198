/** A directory entry as the core needs to see it. */
export interface DirEntry {
  name: string;
  isFile: boolean;
  isDirectory: boolean;
  /** A symbolic link (itself, not what it points to); undefined when the file system cannot tell. */
  isSymbolicLink?: boolean;
}

/**
 * The file system as the core sees it. The CLI passes the real one in; tests may pass
 * an in-memory one. Paths are plain strings joined with `/`.
 */
export interface FileIo {
  readDir(dir: string): Promise<DirEntry[]>;
  /** Size in bytes, so that oversized files are refused before they are read. */
  fileSize(file: string): Promise<number>;
  readFile(file: string): Promise<Uint8Array>;
  /** The file's bytes in chunks, for files too large to hold whole (pipeline data). */
  readStream(file: string): AsyncIterable<Uint8Array>;
  writeFile(file: string, data: string): Promise<void>;
}
