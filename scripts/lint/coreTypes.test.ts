// engine/core/tsconfig.json type-checks engine/core as code that runs anywhere: Node's globals and modules fail,
// the web-standard globals every runtime has (engine/core/universal.d.ts) pass.
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const configPath = path.join(root, 'engine/core/tsconfig.json');

/** The type errors of `code` checked as engine/core/probe.ts under engine/core's own configuration. */
function coreErrors(code: string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error(`cannot read ${configPath}`);
  const probe = path.join(root, 'engine/core/probe.ts');
  const host = ts.createCompilerHost(parsed.options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (file) => (path.resolve(file) === probe ? code : readFile(file));
  host.fileExists = (file) => path.resolve(file) === probe || fileExists(file);
  host.getSourceFile = (file, language, ...rest) =>
    path.resolve(file) === probe ? ts.createSourceFile(file, code, language) : getSourceFile(file, language, ...rest);
  const universal = path.join(root, 'engine/core/universal.d.ts');
  const program = ts.createProgram([probe, universal], parsed.options, host);
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(probe))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('engine/core type-checked without Node', () => {
  it("refuses Node's globals and modules", () => {
    const errors = coreErrors(
      "import { readFileSync } from 'node:fs';\nexport const here = [process.cwd(), Buffer.from('x'), readFileSync];\n",
    );
    expect(errors.join('\n')).toMatch(/Cannot find module 'node:fs'/);
    expect(errors.join('\n')).toMatch(/Cannot find name 'process'/);
    expect(errors.join('\n')).toMatch(/Cannot find name 'Buffer'/);
  });

  it('refuses the DOM', () => {
    expect(coreErrors('export const title = document.title;\n').join('\n')).toMatch(/Cannot find name 'document'/);
  });

  it('accepts the web-standard globals every runtime has', () => {
    const code =
      "export const bytes = new TextEncoder().encode('x');\nexport const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);\nexport const now = performance.now();\n";
    expect(coreErrors(code)).toEqual([]);
  });
});
