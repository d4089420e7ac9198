/** Limits on policy files, checked before parsing so hostile input cannot exhaust the process. */
export const limits = {
  /** Largest policy file read, in bytes. Real policies are a few kilobytes. */
  maxFileBytes: 1024 * 1024,
  /** Deepest nesting of mappings, sequences and flow collections. */
  maxDepth: 64,
  /** Most issues reported for one file; the rest are summarised in one issue. */
  maxIssuesPerFile: 200,
  /** Most policy files in one policy directory. */
  maxFiles: 5000,
} as const;
