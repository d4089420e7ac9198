import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pkg = require('../../package.json') as { version: string; repository?: string | { url?: string } };

/** The package version, read from package.json so there is one place to bump it. */
export const version: string = pkg.version;

/** package.json's `repository` URL (where the GitHub Action lives), if it names one. */
export const repositoryUrl: string | undefined =
  typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
