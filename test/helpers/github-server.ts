import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';

/**
 * A small in-memory GitHub on 127.0.0.1 (random port) implementing exactly the REST endpoints
 * `revops comment` and `revops check` call, with GitHub's payload shapes (taken from the
 * `pull_request` webhook examples), `Link` pagination, rate-limit headers, a log of every
 * request, and injectable faults.
 */

const pullRequestExample = (() => {
  const definitions = createRequire(import.meta.url)('@octokit/webhooks-examples') as {
    name: string;
    examples: { action?: string }[];
  }[];
  const example = definitions.find((d) => d.name === 'pull_request')?.examples.find((e) => e.action === 'opened');
  if (example === undefined) throw new Error('the pull_request.opened webhook example is missing');
  return example as unknown as { number: number; pull_request: Json; repository: Json; sender: Json };
})();

type Json = Record<string, unknown>;

export const repoFullName = String(pullRequestExample.repository.full_name);
const repoId = Number(pullRequestExample.repository.id);

export interface FakeUser {
  login: string;
  id: number;
  type: 'User' | 'Bot';
}

export const actionsBot: FakeUser = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };

export function fakeUser(
  login: string,
  id = 1000 + [...login].reduce((n, c) => (n * 31 + c.charCodeAt(0)) % 1_000_000, 7),
): FakeUser {
  return { login, id, type: login.endsWith('[bot]') ? 'Bot' : 'User' };
}

/** A token stands for a user (a personal token) or for an Actions installation, which may not call `GET /user`. */
export type TokenIdentity = FakeUser | 'installation';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
}

export interface Fault {
  method: string;
  path: RegExp;
  /** How many matching requests it applies to (default 1). */
  times?: number;
  /** Runs before the request is handled (e.g. someone deletes a comment meanwhile). */
  effect?: () => void;
  /** Answer with this instead of handling the request. */
  respond?: { status: number; headers?: Record<string, string>; body?: unknown };
}

interface StoredComment {
  id: number;
  issue: number;
  body: string;
  user: FakeUser;
  createdAt: string;
  updatedAt: string;
}

interface StoredReview {
  id: number;
  user: FakeUser;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';
  commitId: string;
  submittedAt: string;
}

/** One entry of `GET /pulls/{n}/files`. */
export interface StoredPullFile {
  filename: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  previous_filename?: string;
}

/** GitHub lists at most this many files of a pull request, however many it changes. */
export const pullFilesCap = 3000;

export interface StoredStatus {
  sha: string;
  state: string;
  description: string;
  context: string;
  target_url?: string;
}

function userJson(user: FakeUser): Json {
  const base = { ...(pullRequestExample.sender as Json) };
  return {
    ...base,
    login: user.login,
    id: user.id,
    node_id: Buffer.from(`04:User${user.id}`).toString('base64'),
    url: `https://api.github.com/users/${encodeURIComponent(user.login)}`,
    html_url: `https://github.com/${encodeURIComponent(user.login)}`,
    type: user.type,
  };
}

/** The secondary rate limit GitHub answers with: 403 and `Retry-After`. */
export function secondaryRateLimit(retryAfterSeconds = 1): NonNullable<Fault['respond']> {
  return {
    status: 403,
    headers: { 'retry-after': String(retryAfterSeconds) },
    body: {
      message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      documentation_url:
        'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
      status: '403',
    },
  };
}

/** The primary rate limit: 403, no requests remaining, reset at `resetEpochSeconds`. */
export function primaryRateLimit(resetEpochSeconds: number): NonNullable<Fault['respond']> {
  return {
    status: 403,
    headers: {
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-used': '5000',
      'x-ratelimit-reset': String(resetEpochSeconds),
    },
    body: {
      message: 'API rate limit exceeded for installation ID 1.',
      documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
      status: '403',
    },
  };
}

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  readonly comments: StoredComment[] = [];
  readonly statuses: StoredStatus[] = [];
  readonly faults: Fault[] = [];
  /** GitHub caps `per_page` at 100; a smaller cap makes pagination cheap to exercise. */
  maxPerPage = 100;
  url = '';
  private readonly tokens = new Map<string, TokenIdentity>();
  private readonly pulls = new Map<number, { author: FakeUser; headSha: string }>();
  private readonly pullFiles = new Map<number, StoredPullFile[]>();
  private readonly reviews = new Map<number, StoredReview[]>();
  private readonly teams = new Map<string, Map<string, 'active' | 'pending'>>();
  /** Logins that may be asked to review (GitHub asks only collaborators); teams must exist in the owner's org. */
  readonly collaborators = new Set<string>();
  private readonly requestedReviewers = new Map<number, { users: FakeUser[]; teams: string[] }>();
  private nextId = 1_900_000_000;
  private clock = Date.parse('2026-04-01T09:00:00Z');
  private readonly server = createServer((req, res) => void this.handle(req, res));

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  addToken(token: string, identity: TokenIdentity): void {
    this.tokens.set(token, identity);
  }

  /** A comment on the pull request (every comment lives on one issue; tests use one pull request). */
  addComment(user: FakeUser, body: string, issue = 7): number {
    const id = this.nextId++;
    const at = this.tick();
    this.comments.push({ id, issue, body, user, createdAt: at, updatedAt: at });
    return id;
  }

  addPull(number: number, author: FakeUser, headSha: string): void {
    this.pulls.set(number, { author, headSha });
  }

  /** The files a pull request changes (its `changed_files` count follows; the list endpoint serves at most 3,000). */
  setPullFiles(pull: number, files: readonly (string | StoredPullFile)[]): void {
    this.pullFiles.set(
      pull,
      files.map((f) => (typeof f === 'string' ? { filename: f, status: 'modified' } : f)),
    );
  }

  addReview(pull: number, user: FakeUser, state: StoredReview['state'], commitId: string): void {
    const list = this.reviews.get(pull) ?? [];
    list.push({ id: this.nextId++, user, state, commitId, submittedAt: this.tick() });
    this.reviews.set(pull, list);
  }

  addTeamMember(team: string, login: string, state: 'active' | 'pending' = 'active'): void {
    const members = this.teams.get(team.toLowerCase()) ?? new Map<string, 'active' | 'pending'>();
    members.set(login.toLowerCase(), state);
    this.teams.set(team.toLowerCase(), members);
  }

  addCollaborator(login: string): void {
    this.collaborators.add(login.toLowerCase());
  }

  /** A review already requested on a pull request: a user, or a team slug of the owner's org. */
  addRequestedReviewer(pull: number, reviewer: { user?: FakeUser; team?: string }): void {
    const list = this.requestedReviewers.get(pull) ?? { users: [], teams: [] };
    if (reviewer.user !== undefined) list.users.push(reviewer.user);
    if (reviewer.team !== undefined) list.teams.push(reviewer.team);
    this.requestedReviewers.set(pull, list);
  }

  /** The pending review requests of a pull request: logins and team slugs. */
  requestedOn(pull: number): { users: string[]; teams: string[] } {
    const list = this.requestedReviewers.get(pull) ?? { users: [], teams: [] };
    return { users: list.users.map((u) => u.login), teams: [...list.teams] };
  }

  fail(fault: Fault): void {
    this.faults.push({ times: 1, ...fault });
  }

  /** Every request that is not a read. */
  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET' && r.method !== 'HEAD');
  }

  private tick(): string {
    this.clock += 60_000;
    return new Date(this.clock).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  private commentJson(c: StoredComment): Json {
    const pull = c.issue;
    return {
      url: `https://api.github.com/repos/${repoFullName}/issues/comments/${c.id}`,
      html_url: `https://github.com/${repoFullName}/pull/${pull}#issuecomment-${c.id}`,
      issue_url: `https://api.github.com/repos/${repoFullName}/issues/${pull}`,
      id: c.id,
      node_id: Buffer.from(`012:IssueComment${c.id}`).toString('base64'),
      user: userJson(c.user),
      created_at: c.createdAt,
      updated_at: c.updatedAt,
      author_association: c.user.type === 'Bot' ? 'NONE' : 'MEMBER',
      body: c.body,
      performed_via_github_app:
        c.user.type === 'Bot' ? { id: 15368, slug: 'github-actions', name: 'GitHub Actions' } : null,
    };
  }

  private pullJson(number: number, pull: { author: FakeUser; headSha: string }): Json {
    const example = pullRequestExample.pull_request;
    return {
      ...example,
      number,
      url: `https://api.github.com/repos/${repoFullName}/pulls/${number}`,
      user: userJson(pull.author),
      head: { ...(example.head as Json), sha: pull.headSha },
      changed_files: this.filesOf(number).length,
    };
  }

  /** A pull request changes one policy file unless a test says otherwise. */
  private filesOf(pull: number): StoredPullFile[] {
    return this.pullFiles.get(pull) ?? [{ filename: 'policies/lead-definitions.yaml', status: 'modified' }];
  }

  private pullFileJson(f: StoredPullFile, index: number): Json {
    const sha = (index + 1).toString(16).padStart(40, '0');
    return {
      sha,
      filename: f.filename,
      status: f.status,
      additions: f.status === 'removed' ? 0 : 1,
      deletions: f.status === 'added' ? 0 : 1,
      changes: f.status === 'added' || f.status === 'removed' ? 1 : 2,
      blob_url: `https://github.com/${repoFullName}/blob/${sha}/${encodeURI(f.filename)}`,
      raw_url: `https://github.com/${repoFullName}/raw/${sha}/${encodeURI(f.filename)}`,
      contents_url: `https://api.github.com/repos/${repoFullName}/contents/${encodeURI(f.filename)}?ref=${sha}`,
      patch: '@@ -1 +1 @@\n-a\n+b',
      ...(f.previous_filename === undefined ? {} : { previous_filename: f.previous_filename }),
    };
  }

  private reviewJson(r: StoredReview, pull: number): Json {
    return {
      id: r.id,
      node_id: Buffer.from(`017:PullRequestReview${r.id}`).toString('base64'),
      user: userJson(r.user),
      body: '',
      state: r.state,
      html_url: `https://github.com/${repoFullName}/pull/${pull}#pullrequestreview-${r.id}`,
      pull_request_url: `https://api.github.com/repos/${repoFullName}/pulls/${pull}`,
      author_association: 'MEMBER',
      submitted_at: r.state === 'PENDING' ? undefined : r.submittedAt,
      commit_id: r.commitId,
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    let body: unknown;
    try {
      body = raw === '' ? undefined : JSON.parse(raw);
    } catch {
      body = raw;
    }
    this.requests.push({ method, path: url.pathname, query: Object.fromEntries(url.searchParams), body });

    const fault = this.faults.find((f) => f.method === method && f.path.test(url.pathname) && (f.times ?? 1) > 0);
    if (fault !== undefined) {
      fault.times = (fault.times ?? 1) - 1;
      fault.effect?.();
      if (fault.respond !== undefined) {
        this.send(res, fault.respond.status, fault.respond.body ?? { message: 'fault' }, fault.respond.headers);
        return;
      }
    }
    const token = /^(?:token|bearer) (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const identity = token === undefined ? undefined : this.tokens.get(token);
    if (identity === undefined) {
      this.send(res, 401, {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
        status: '401',
      });
      return;
    }
    this.route(method, url, body, identity, res);
  }

  private route(method: string, url: URL, body: unknown, identity: TokenIdentity, res: ServerResponse): void {
    const path = url.pathname.replace(new RegExp(`^/(?:repos/${repoFullName}|repositories/${repoId})(?=/)`), '/REPO');
    const actor = identity === 'installation' ? actionsBot : identity;
    const input = (typeof body === 'object' && body !== null ? body : {}) as Json;
    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/user') {
      if (identity === 'installation')
        return this.send(res, 403, {
          message: 'Resource not accessible by integration',
          documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
          status: '403',
        });
      return this.send(res, 200, userJson(identity));
    }
    if ((m = /^\/REPO\/issues\/(\d+)\/comments$/.exec(path)) !== null) {
      const pull = Number(m[1]);
      if (method === 'GET')
        return this.sendPage(
          res,
          url,
          this.comments.filter((c) => c.issue === pull).map((c) => this.commentJson(c)),
        );
      if (method === 'POST') {
        const text = input.body;
        if (typeof text !== 'string' || text === '')
          return this.validationFailed(res, 'IssueComment', 'body', 'missing_field');
        if ([...text].length > 65_536)
          return this.validationFailed(
            res,
            'IssueComment',
            'body',
            'custom',
            'body is too long (maximum is 65536 characters)',
          );
        const id = this.addComment(actor, text, pull);
        const stored = this.comments.find((c) => c.id === id);
        return this.send(res, 201, stored === undefined ? {} : this.commentJson(stored));
      }
    }
    if ((m = /^\/REPO\/issues\/comments\/(\d+)$/.exec(path)) !== null) {
      const index = this.comments.findIndex((c) => c.id === Number(m?.[1]));
      const found = this.comments[index];
      if (found === undefined)
        return this.send(res, 404, {
          message: 'Not Found',
          documentation_url: 'https://docs.github.com/rest/issues/comments',
          status: '404',
        });
      if (method === 'PATCH') {
        const text = input.body;
        if (typeof text !== 'string' || [...text].length > 65_536)
          return this.validationFailed(
            res,
            'IssueComment',
            'body',
            'custom',
            'body is too long (maximum is 65536 characters)',
          );
        found.body = text;
        found.updatedAt = this.tick();
        return this.send(res, 200, this.commentJson(found));
      }
      if (method === 'DELETE') {
        this.comments.splice(index, 1);
        return this.send(res, 204, undefined);
      }
    }
    if ((m = /^\/REPO\/pulls\/(\d+)\/files$/.exec(path)) !== null && method === 'GET') {
      const files = this.filesOf(Number(m[1]));
      if (!this.pulls.has(Number(m[1])))
        return this.send(res, 404, {
          message: 'Not Found',
          documentation_url: 'https://docs.github.com/rest/pulls/pulls#list-pull-requests-files',
          status: '404',
        });
      // GitHub's own cap: later files are not listed on any page.
      return this.sendPage(
        res,
        url,
        files.slice(0, pullFilesCap).map((f, i) => this.pullFileJson(f, i)),
      );
    }
    if ((m = /^\/REPO\/pulls\/(\d+)(\/reviews)?$/.exec(path)) !== null && method === 'GET') {
      const number = Number(m[1]);
      const pull = this.pulls.get(number);
      if (pull === undefined)
        return this.send(res, 404, {
          message: 'Not Found',
          documentation_url: 'https://docs.github.com/rest/pulls/pulls#get-a-pull-request',
          status: '404',
        });
      if (m[2] === undefined) return this.send(res, 200, this.pullJson(number, pull));
      return this.sendPage(
        res,
        url,
        (this.reviews.get(number) ?? []).map((r) => this.reviewJson(r, number)),
      );
    }
    if ((m = /^\/REPO\/pulls\/(\d+)\/requested_reviewers$/.exec(path)) !== null)
      return this.routeRequestedReviewers(method, Number(m[1]), input, res);
    if ((m = /^\/orgs\/([^/]+)\/teams\/([^/]+)\/memberships\/([^/]+)$/.exec(path)) !== null && method === 'GET') {
      const state = this.teams.get(`${m[1]}/${m[2]}`.toLowerCase())?.get(decodeURIComponent(m[3] ?? '').toLowerCase());
      if (state === undefined)
        return this.send(res, 404, {
          message: 'Not Found',
          documentation_url: 'https://docs.github.com/rest/teams/members',
          status: '404',
        });
      return this.send(res, 200, { url: `https://api.github.com/teams/1/memberships/${m[3]}`, role: 'member', state });
    }
    if ((m = /^\/REPO\/statuses\/([0-9a-f]{40})$/.exec(path)) !== null && method === 'POST') {
      const {
        state,
        description = '',
        context = 'default',
        target_url,
      } = input as { state?: string; description?: string; context?: string; target_url?: string };
      if (state === undefined || !['error', 'failure', 'pending', 'success'].includes(state))
        return this.validationFailed(res, 'Status', 'state', 'invalid');
      if ([...description].length > 140)
        return this.validationFailed(
          res,
          'Status',
          'description',
          'custom',
          'description is too long (maximum is 140 characters)',
        );
      const status: StoredStatus = {
        sha: m[1] ?? '',
        state,
        description,
        context,
        ...(target_url === undefined ? {} : { target_url }),
      };
      this.statuses.push(status);
      return this.send(res, 201, { ...status, id: this.nextId++, creator: userJson(actor), created_at: this.tick() });
    }
    this.send(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' });
  }

  /** `GET` and `POST` of `/pulls/{n}/requested_reviewers`, refusing as GitHub does (422 for the whole request). */
  private routeRequestedReviewers(method: string, number: number, input: Json, res: ServerResponse): void {
    const pull = this.pulls.get(number);
    if (pull === undefined)
      return this.send(res, 404, {
        message: 'Not Found',
        documentation_url: 'https://docs.github.com/rest/pulls/review-requests',
        status: '404',
      });
    const list = this.requestedReviewers.get(number) ?? { users: [], teams: [] };
    const owner = repoFullName.split('/')[0] ?? '';
    const teamJson = (slug: string): Json => ({ id: 1, slug, name: slug, privacy: 'closed', permission: 'push' });
    const listJson = (): Json => ({ users: list.users.map(userJson), teams: list.teams.map(teamJson) });
    if (method === 'GET') return this.send(res, 200, listJson());
    if (method !== 'POST')
      return this.send(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
    const users = Array.isArray(input.reviewers) ? input.reviewers.map(String) : [];
    const teams = Array.isArray(input.team_reviewers) ? input.team_reviewers.map(String) : [];
    if (users.some((u) => u.toLowerCase() === pull.author.login.toLowerCase()))
      return this.send(res, 422, {
        message: 'Review cannot be requested from pull request author.',
        documentation_url: 'https://docs.github.com/rest/pulls/review-requests#request-reviewers-for-a-pull-request',
        status: '422',
      });
    const isTeam = (slug: string): boolean => this.teams.has(`${owner}/${slug}`.toLowerCase());
    if (users.some((u) => !this.collaborators.has(u.toLowerCase())) || teams.some((t) => !isTeam(t)))
      return this.send(res, 422, {
        message: `Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ${repoFullName} repository.`,
        documentation_url: 'https://docs.github.com/rest/pulls/review-requests#request-reviewers-for-a-pull-request',
        status: '422',
      });
    for (const login of users)
      if (!list.users.some((u) => u.login.toLowerCase() === login.toLowerCase())) list.users.push(fakeUser(login));
    for (const slug of teams) if (!list.teams.includes(slug)) list.teams.push(slug);
    this.requestedReviewers.set(number, list);
    return this.send(res, 201, {
      ...this.pullJson(number, pull),
      requested_reviewers: listJson().users,
      requested_teams: listJson().teams,
    });
  }

  private validationFailed(res: ServerResponse, resource: string, field: string, code: string, message?: string): void {
    this.send(res, 422, {
      message: 'Validation Failed',
      errors: [{ resource, code, field, ...(message === undefined ? {} : { message }) }],
      documentation_url: 'https://docs.github.com/rest',
      status: '422',
    });
  }

  /** One page of a list, with GitHub's `Link` header (absolute `/repositories/{id}/…` URLs). */
  private sendPage(res: ServerResponse, url: URL, items: Json[]): void {
    const perPage = Math.min(Math.max(Number(url.searchParams.get('per_page') ?? 30) || 30, 1), this.maxPerPage);
    const page = Math.max(Number(url.searchParams.get('page') ?? 1) || 1, 1);
    const last = Math.max(Math.ceil(items.length / perPage), 1);
    const pageUrl = (n: number): string => {
      const next = new URL(
        url.pathname.replace(new RegExp(`^/repos/${repoFullName}`), `/repositories/${repoId}`),
        this.url,
      );
      next.searchParams.set('per_page', String(perPage));
      next.searchParams.set('page', String(n));
      return next.toString();
    };
    const links: string[] = [];
    if (page > 1) links.push(`<${pageUrl(page - 1)}>; rel="prev"`);
    if (page < last) links.push(`<${pageUrl(page + 1)}>; rel="next"`, `<${pageUrl(last)}>; rel="last"`);
    if (page > 1) links.push(`<${pageUrl(1)}>; rel="first"`);
    this.send(
      res,
      200,
      items.slice((page - 1) * perPage, page * perPage),
      links.length === 0 ? {} : { link: links.join(', ') },
    );
  }

  private send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const reset = String(Math.floor(Date.now() / 1000) + 3600);
    res.writeHead(status, {
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      'x-ratelimit-reset': reset,
      'x-ratelimit-used': '1',
      'x-ratelimit-resource': 'core',
      'x-github-api-version-selected': '2022-11-28',
      ...(body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
      ...headers,
    });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  }
}

export async function startFakeGitHub(): Promise<FakeGitHub> {
  return new FakeGitHub().start();
}

/** The `pull_request.opened` webhook example with this pull request's number and head SHA. */
export function pullRequestEvent(number: number, headSha: string): Json {
  return {
    ...pullRequestExample,
    number,
    pull_request: {
      ...pullRequestExample.pull_request,
      number,
      head: { ...(pullRequestExample.pull_request.head as Json), sha: headSha },
    },
  };
}
