import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GitHubClient } from '../../../src/github/client.js';
import { createGitHubClient } from '../../../src/github/client.js';
import { describeTruncatedFiles, listPullFiles, pullFilesCap } from '../../../src/github/pull-files.js';
import type { FakeGitHub } from '../../helpers/github-server.js';
import { fakeUser, repoFullName, startFakeGitHub } from '../../helpers/github-server.js';

const [owner = '', repo = ''] = repoFullName.split('/');

describe('listPullFiles', () => {
  let github: FakeGitHub;
  let client: GitHubClient;

  beforeEach(async () => {
    github = await startFakeGitHub();
    github.addToken('t', 'installation');
    github.addPull(7, fakeUser('revops-analyst'), 'a'.repeat(40));
    client = createGitHubClient({ token: 't', apiUrl: github.url, userAgent: 'test', warn: () => undefined });
  });
  afterEach(async () => {
    await github.close();
  });

  it('lists every file with its status and old name, 100 a page', async () => {
    github.setPullFiles(7, [
      { filename: 'data/leads.csv', status: 'modified' },
      { filename: 'mappings/crm.yaml', status: 'renamed', previous_filename: 'mapping.yaml' },
      'policies/funnel.yaml',
    ]);
    const list = await listPullFiles(client, { owner, repo, pullNumber: 7, changedFiles: 3 });
    expect(list).toEqual({
      files: [
        { filename: 'data/leads.csv', status: 'modified', additions: 1, deletions: 1 },
        {
          filename: 'mappings/crm.yaml',
          status: 'renamed',
          previousFilename: 'mapping.yaml',
          additions: 1,
          deletions: 1,
        },
        { filename: 'policies/funnel.yaml', status: 'modified', additions: 1, deletions: 1 },
      ],
      truncated: false,
      changedFiles: 3,
    });
    expect(github.requests.map((r) => r.query.per_page)).toEqual(['100']);
  });

  it('is truncated at the cap, and when the pull request counts more files than are listed', async () => {
    github.setPullFiles(
      7,
      Array.from({ length: pullFilesCap + 1 }, (_, i) => `f${i}`),
    );
    const capped = await listPullFiles(client, { owner, repo, pullNumber: 7 });
    expect(capped.files).toHaveLength(pullFilesCap);
    expect(capped.truncated).toBe(true);
    expect(describeTruncatedFiles(capped)).toBe(
      'the pull request changes 3,000 files or more and GitHub lists only 3,000 (its cap is 3,000), so what changed cannot be known',
    );

    github.setPullFiles(7, ['a', 'b']);
    const short = await listPullFiles(client, { owner, repo, pullNumber: 7, changedFiles: 5 });
    expect(short.truncated).toBe(true);
    expect(describeTruncatedFiles(short)).toMatch(/^the pull request changes 5 files and GitHub lists only 2/);
  });
});
