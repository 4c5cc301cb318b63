import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { forbiddenImports } from '../../eslint-layers.js';

const eslint = new ESLint();

/** The layering messages ESLint gives for `code` placed at `filePath`. */
async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('the DESIGN §3 import layering (eslint-layers.js)', () => {
  it('refuses a value import, a type-only import and a re-export against the layering', async () => {
    expect(
      await layerErrors('src/replay/planted.ts', "import { x } from '../cli/program.js';\nx();\n"),
    ).toHaveLength(1);
    expect(
      await layerErrors(
        'src/store/planted.ts',
        "import type { ReportModel } from '../report/report-model.js';\nexport type T = ReportModel;\n",
      ),
    ).toHaveLength(1);
    expect(
      await layerErrors(
        'src/readers/evtx/binary/planted.ts',
        "export { openStore } from '../../../store/open-database.js';\n",
      ),
    ).toHaveLength(1);
  });

  it('refuses better-sqlite3 outside src/store and accepts it inside', async () => {
    const code = "import Database from 'better-sqlite3';\nexport const d = Database;\n";
    expect(await layerErrors('src/case/planted.ts', code)).toHaveLength(1);
    expect(await layerErrors('src/store/planted.ts', code)).toEqual([]);
  });

  it('accepts imports that follow the layering', async () => {
    expect(
      await layerErrors(
        'src/case/planted.ts',
        "import type { Store } from '../store/open-database.js';\nexport type S = Store;\n",
      ),
    ).toEqual([]);
    expect(
      await layerErrors(
        'src/cli/planted.ts',
        "import { ingestPaths } from '../case/ingest-case.js';\nexport const f = ingestPaths;\n",
      ),
    ).toEqual([]);
  });

  it('covers every folder of src/ and forbids each layer the layers above it', async () => {
    for (const [folder, forbidden] of Object.entries(forbiddenImports)) {
      for (const other of forbidden) {
        const errors = await layerErrors(
          `src/${folder}/planted.ts`,
          `import type { T } from '../${other}/planted.js';\nexport type U = T;\n`,
        );
        expect(errors, `${folder} importing ${other}`).toHaveLength(1);
      }
    }
    expect(forbiddenImports.cli).toEqual([]);
    expect(forbiddenImports.case).toEqual(['cli']);
  });
});
