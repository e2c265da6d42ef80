import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import ts from 'typescript';

/** The README's TypeScript client example: the ts block after its client-example marker. */
export function clientExample(readme: string): string {
  const block = /<!-- client-example:[^>]*-->\s*```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error('README has no client-example block');
  return block;
}

/** The compiler's errors for `code` saved as try-client.ts at `root`, under the project's tsconfig. */
export function typeErrors(root: string, code: string): string[] {
  const file = join(root, 'try-client.ts');
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(root, 'tsconfig.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  );
  if (!parsed) throw new Error('tsconfig.json unreadable');
  const host = ts.createCompilerHost(parsed.options);
  const { getSourceFile, fileExists } = host;
  host.getSourceFile = (name, language, ...rest) =>
    name === file ? ts.createSourceFile(name, code, language) : getSourceFile.call(host, name, language, ...rest);
  host.fileExists = (name) => name === file || fileExists.call(host, name);
  const program = ts.createProgram([file], parsed.options, host);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

/** Runs `code` as `npx node try-client.ts` at `root` would (from stdin, so nothing is written there). */
export function runExample(root: string, code: string, env: NodeJS.ProcessEnv) {
  return spawnSync('bash', ['-c', 'npx node --input-type=module-typescript'], {
    cwd: root,
    env,
    input: code,
    encoding: 'utf8',
    timeout: 30_000,
  });
}
