import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'

// core/ is the pure heart: no I/O, no process, no clock. Enforced here so a reviewer never has to.
const impureModules = ['node:*', 'fs', 'child_process', 'os', 'path', 'http', 'net', 'dgram', '@actions/*']

export default tseslint.config(
  { ignores: ['dist/', 'lib/', '.bench/', '.lint-action/', 'node_modules/', 'coverage/', 'test/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: ['./tsconfig.test.json'], tsconfigRootDir: import.meta.dirname }
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/explicit-function-return-type': ['error', { allowExpressions: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
    }
  },
  {
    // core.info writes its text raw, where the runner executes `::command::` lines: the Action
    // logs through src/action/log.ts, which escapes.
    files: ['src/action/**/*.ts', 'src/post.ts', 'src/index.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'core', property: 'info', message: 'log with logInfo (src/action/log.ts), which escapes' }
      ]
    }
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: impureModules, message: 'core/ is pure: do I/O in edge/, action/ or cli/.' },
            {
              group: ['**/edge/*', '**/action/*', '**/cli/*', '**/agent/*'],
              message: 'core/ imports only core/.'
            }
          ]
        }
      ],
      'no-restricted-globals': ['error', 'process', 'Date', 'setTimeout', 'fetch']
    }
  },
  {
    files: ['src/edge/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/action/*', '**/cli/*'], message: 'edge/ may import core/ only.' }] }
      ]
    }
  },
  {
    files: ['**/*.js', '**/*.mjs', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/explicit-function-return-type': 'off' }
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  { files: ['**/*.js', '**/*.mjs'], languageOptions: { globals: globals.node } }
)
