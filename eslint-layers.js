// @ts-check
/**
 * The import layering of DESIGN §3, as ESLint configuration: model ← readers,
 * catalog ← store ← replay, diagnose, report ← case ← cli. Each folder of src/ lists the
 * folders it must not import from (type-only imports and re-exports included: ESLint's
 * no-restricted-imports checks every import and export declaration). src/errors.ts is shared
 * by every layer. test/layers.test.ts proves each rule bites.
 */

/** Folder of src/ → folders of src/ it must not import. */
export const forbiddenImports = {
  model: [
    'catalog',
    'i18n',
    'readers',
    'collect',
    'store',
    'replay',
    'diagnose',
    'report',
    'case',
    'cli',
  ],
  catalog: ['i18n', 'readers', 'collect', 'store', 'replay', 'diagnose', 'report', 'case', 'cli'],
  i18n: ['readers', 'collect', 'store', 'replay', 'diagnose', 'report', 'case', 'cli'],
  readers: ['i18n', 'collect', 'store', 'replay', 'diagnose', 'report', 'case', 'cli'],
  collect: ['readers', 'store', 'replay', 'diagnose', 'report', 'case', 'cli'],
  store: ['i18n', 'collect', 'replay', 'diagnose', 'report', 'case', 'cli'],
  replay: ['readers', 'i18n', 'collect', 'diagnose', 'report', 'case', 'cli'],
  diagnose: ['readers', 'i18n', 'collect', 'report', 'case', 'cli'],
  report: ['readers', 'collect', 'case', 'cli'],
  case: ['cli'],
  cli: [],
};

const sqlite = { name: 'better-sqlite3', message: 'Only src/store may import better-sqlite3.' };

/** One flat-config entry per folder. */
export function layerRules() {
  return Object.entries(forbiddenImports).map(([folder, forbidden]) => ({
    files: [`src/${folder}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: folder === 'store' ? [] : [sqlite],
          patterns: forbidden.length
            ? [
                {
                  regex: `^(\\.\\./)+(${forbidden.join('|')})(/|$)`,
                  message: `src/${folder} must not depend on ${forbidden.join(', ')} (DESIGN §3 layering).`,
                },
              ]
            : [],
        },
      ],
    },
  }));
}
