import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';

/*
 * package.json's runtime dependencies are what the service uses: each one is named by some file
 * of src/ (or the root config), and every package src/ imports is declared (dev tools and
 * type-only imports as devDependencies), not reached through another package's dependencies.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
type Manifest = { dependencies: Record<string, string>; devDependencies: Record<string, string> };
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
const declared = Object.keys(manifest.dependencies);
const declaredForDevelopment = Object.keys(manifest.devDependencies); // CLIs of the tool chain, type-only imports
const sources = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts'))
  .map((file) => readFileSync(join(root, 'src', file), 'utf8'))
  .concat(readFileSync(join(root, 'mikro-orm.config.ts'), 'utf8'));
const named = new Set(sources.flatMap((text) => [...text.matchAll(/['"]((?:@[\w.-]+\/)?[\w.-]+)(?:\/[^'"]*)?['"]/g)].map((m) => m[1]!)));
const imported = new Set(sources.flatMap((text) => [...text.matchAll(/from '((?:@[\w.-]+\/)?[\w.-]+)(?:\/[^']*)?'/g)].map((m) => m[1]!)));

t.test('every runtime dependency is used by the service', async (t) => {
  t.same(
    declared.filter((name) => !named.has(name)),
    [],
  );
});

t.test('every package the service imports is a declared dependency', async (t) => {
  const builtin = (name: string) => name.startsWith('node:') || builtinModules.includes(name);
  t.same(
    [...imported].filter((name) => !name.startsWith('.') && !builtin(name) && ![...declared, ...declaredForDevelopment].includes(name)),
    [],
  );
});
