// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/*
 * The dependency rule of docs/architecture.md (domain ← application ← adapters ← infrastructure) as
 * lint errors. `no-restricted-imports` sees only the import string, so the patterns match
 * the folder names a relative path walks into; ESLint replaces (does not merge) a rule's
 * options per matching block, which is why every block repeats the "no test/" pattern.
 */
const NO_TEST_CODE = { regex: '(^|/)test/', message: 'src never imports test code.' };
const ONLY_NODE_BUILTINS = {
  regex: '^(?!node:|\\.{1,2}/)',
  message: 'This layer imports only its inner layers and node: built-ins, never a package.',
};
const outward = (folders, layer) => ({
  regex: `(^|/)(${folders.join('|')})/`,
  message: `${layer} must not depend on outer layers (${folders.join(', ')}).`,
});
/** Driven adapters plug into ports: they import the ports, the domain and libraries, not use cases or other adapters. */
const onlyPortsAndDomain = (otherAdapters) => ({
  regex: `(^|/)(application/(?!ports/)|adapters/|${otherAdapters.join('/|')}/)`,
  message: 'A driven adapter (persistence, security) imports only ports, the domain and libraries.',
});
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  {
    ignores: ['node_modules/', 'data/', 'coverage/', '.tap/', 'clients/typescript/marquee-api.ts', 'test/e2e/generated/', 'bench/results/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2024, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: restrict(NO_TEST_CODE, ONLY_NODE_BUILTINS, outward(['application', 'adapters', 'infrastructure'], 'The domain')),
  },
  {
    files: ['src/application/**/*.ts'],
    rules: restrict(NO_TEST_CODE, ONLY_NODE_BUILTINS, outward(['adapters', 'infrastructure'], 'The application layer')),
  },
  {
    files: ['src/adapters/**/*.ts'],
    rules: restrict(NO_TEST_CODE, outward(['infrastructure'], 'Adapters')),
  },
  {
    files: ['src/adapters/persistence/**/*.ts'],
    rules: restrict(NO_TEST_CODE, outward(['infrastructure'], 'Adapters'), onlyPortsAndDomain(['http', 'imports', 'security'])),
  },
  {
    files: ['src/adapters/security/**/*.ts'],
    rules: restrict(NO_TEST_CODE, outward(['infrastructure'], 'Adapters'), onlyPortsAndDomain(['http', 'imports', 'persistence'])),
  },
  {
    files: ['src/infrastructure/**/*.ts'],
    rules: restrict(NO_TEST_CODE),
  },
);
