/**
 * Lets a child process started by a test `require()` TypeScript sources
 * (`node -r ./test/helpers/tsRegister.js file.ts`), the way ts-jest does for
 * the tests themselves: transpile only, no type check.
 */
const fs = require('node:fs');
const ts = require('typescript');

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, sourceMap: false },
  });
  module._compile(outputText, filename);
};
