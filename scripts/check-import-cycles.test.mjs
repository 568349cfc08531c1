import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeCycle, findFolderCycles, folderOf } from './check-import-cycles.mjs';

let root;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

/** A throwaway source tree: { 'app.ts': "import … from './x.js';", … }. */
function tree(files) {
  root = mkdtempSync(join(tmpdir(), 'import-cycles-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('import cycles between folders', () => {
  it('names the nodes: root files, first-level folders, one per module area, the package entry', () => {
    expect(['app.ts', 'index.ts', join('http', 'api.ts'), join('modules', 'auth', 'auth.routes.ts')].map(folderOf)).toEqual([
      'src',
      'index',
      'http',
      'modules/auth',
    ]);
  });

  it('finds the cycle of app.ts and a route file, type-only imports included, and prints each step', () => {
    const cycles = findFolderCycles(
      tree({
        'app.ts': "import { registerAuthRoutes } from './modules/auth/auth.routes.js';\n",
        'modules/auth/auth.routes.ts': "import type { AppDependencies } from '../../app.js';\n",
      }),
    );
    expect(cycles.map((cycle) => cycle.folders)).toEqual([['modules/auth', 'src', 'modules/auth']]);
    expect(describeCycle(cycles[0])).toBe(
      [
        '  modules/auth → src → modules/auth',
        `    ${join('modules', 'auth', 'auth.routes.ts')} imports app.ts`,
        `    app.ts imports ${join('modules', 'auth', 'auth.routes.ts')}`,
      ].join('\n'),
    );
  });

  it('finds a cycle through three folders and a multi-line import, and ignores tests and imports within a folder', () => {
    const cycles = findFolderCycles(
      tree({
        'http/authenticate.ts': "import {\n  actorForToken,\n} from '../modules/auth/auth.service.js';\n",
        'modules/auth/auth.service.ts': "import { recordAudit } from '../audit/audit.service.js';\nimport './password.js';\n",
        'modules/auth/password.ts': '',
        'modules/audit/audit.service.ts': "export { authorize } from '../../http/authenticate.js';\n",
        'modules/units/units.test.ts': "import '../../http/authenticate.js';\n",
        'http/authenticate.test.ts': "import '../modules/units/units.test.js';\n",
      }),
    );
    expect(cycles.map((cycle) => cycle.folders)).toEqual([['http', 'modules/auth', 'modules/audit', 'http']]);
  });

  it('passes a tree whose folders point one way', () => {
    expect(
      findFolderCycles(
        tree({
          'app.ts':
            "import { registerAuthRoutes } from './modules/auth/auth.routes.js';\nimport type { Api } from './http/api.js';\n",
          'modules/auth/auth.routes.ts': "import type { Api } from '../../http/api.js';\n",
          'http/api.ts': "import type { Database } from '../db/database.js';\n",
          'db/database.ts': "import { x } from 'drizzle-orm';\n",
        }),
      ),
    ).toEqual([]);
  });

  it('finds none in server/src', () => {
    expect(findFolderCycles(join(import.meta.dirname, '..', 'server', 'src')).map(describeCycle)).toEqual([]);
  });
});
