import { OrchestratorError } from '../core/errors.js';
import type { PreparedChange } from './prepare-change.js';

/** What one change does to one workspace path (a real path, workspace-relative). */
interface Claim {
  path: string;
  role: 'edit' | 'move-from' | 'move-to' | 'create' | 'delete' | 'folder';
  /** The path as the change names it. */
  file: string;
}

/**
 * Refuses changes that touch one file twice — through two names (a link and its file), or two
 * changes of one name — and new files where another change makes a folder. The one pair allowed
 * is an edit and a move of the same file: the edits apply first.
 * @throws PLAN_INVALID naming both paths.
 */
export function checkClaims(changes: readonly PreparedChange[]): void {
  const byPath = new Map<string, Claim[]>();
  for (const claim of changes.flatMap(toClaims)) {
    const claims = byPath.get(claim.path) ?? [];
    claims.push(claim);
    byPath.set(claim.path, claims);
    const files = claims.filter(({ role }) => role !== 'folder');
    const folder = claims.find(({ role }) => role === 'folder');
    const [first, second] = files;
    if (first !== undefined && folder !== undefined) {
      throw refuse(
        `${first.file} is a new file where ${folder.file} needs a folder (${claim.path})`,
        [first.file, folder.file],
      );
    }
    if (first === undefined || second === undefined) continue;
    const roles = new Set(files.map(({ role }) => role));
    if (files.length === 2 && roles.has('edit') && roles.has('move-from')) continue;
    throw refuse(
      first.file === second.file
        ? `${first.file} is both ${ROLE_NAMES[first.role]} and ${ROLE_NAMES[second.role]}`
        : `${first.file} and ${second.file} are the same file (${claim.path}), changed twice`,
      [first.file, second.file],
    );
  }
}

const ROLE_NAMES: Record<Claim['role'], string> = {
  edit: 'edited',
  'move-from': 'moved',
  'move-to': 'the target of a move',
  create: 'created',
  delete: 'deleted',
  folder: 'a new folder',
};

function toClaims(change: PreparedChange): Claim[] {
  switch (change.op) {
    case 'edit':
    case 'delete':
      return [{ path: change.target.relative, role: change.op, file: change.target.file }];
    case 'move':
      return [
        { path: change.target.relative, role: 'move-from', file: change.target.file },
        ...toNewClaims(change.destination, 'move-to'),
      ];
    case 'create':
      return toNewClaims(change.destination, 'create');
  }
}

function toNewClaims(
  destination: { relative: string; file: string; newFolders: string[] },
  role: 'move-to' | 'create',
): Claim[] {
  return [
    ...destination.newFolders.map((path) => ({
      path,
      role: 'folder' as const,
      file: destination.file,
    })),
    { path: destination.relative, role, file: destination.file },
  ];
}

function refuse(what: string, files: string[]): OrchestratorError {
  return new OrchestratorError(
    'PLAN_INVALID',
    `${what}: a plan changes each file once. Merge the changes into one, or make a new plan.`,
    { data: { files } },
  );
}
