import { DRAFT, SCHEMA_BASE_URI } from './define.js';
import type { JsonSchema } from './define.js';

/** The file name `revops` looks for in the current directory and its parents. */
export const PROJECT_CONFIG_FILE = 'revops.config.yaml';

const path = (description: string): JsonSchema => ({
  type: 'string',
  minLength: 1,
  maxLength: 1024,
  description,
});

/**
 * The project config (`revops.config.yaml`): defaults for the options every command shares.
 * A flag on the command line always wins; paths are relative to the file's directory.
 */
export const projectConfigSchema: JsonSchema = {
  $schema: DRAFT,
  $id: `${SCHEMA_BASE_URI}project-config.schema.json`,
  title: 'revops project config',
  description:
    'Defaults for `revops` commands run in this project (revops.config.yaml). A flag on the command line wins; ' +
    'paths are relative to this file. In a pull request, `revops impact --base` reads this file from the base commit.',
  type: 'object',
  additionalProperties: false,
  properties: {
    policies: path('Policy directory (`--policies`), relative to this file, e.g. `policies`.'),
    data: path('Pipeline data directory (`--data`), relative to this file, e.g. `data`.'),
    mapping: {
      type: 'string',
      description: 'FieldMapping the data is read through (`--mapping`): the `metadata.name` of one, e.g. `hubspot`.',
      pattern: '^[a-z][a-z0-9_-]*$',
      minLength: 1,
      maxLength: 63,
    },
    base: {
      type: 'string',
      description:
        'Git ref `revops impact` compares with when no `--base` or `--base-dir` is given: the branch pull requests target, e.g. `main` or `origin/main`.',
      pattern: '^[^-\\s][^\\s]*$',
      minLength: 1,
      maxLength: 255,
    },
    timeZone: {
      type: 'string',
      description:
        'IANA time zone that periods begin in and dates without a time are read in (`--time-zone`), e.g. `America/New_York`.',
      minLength: 1,
      maxLength: 64,
    },
    format: {
      type: 'object',
      description:
        'Default output format per command (`--format`), e.g. `impact: markdown`; each command takes the formats its `--help` lists.',
      additionalProperties: { type: 'string', pattern: '^[a-z]+$', minLength: 1, maxLength: 32 },
      maxProperties: 32,
    },
  },
};
