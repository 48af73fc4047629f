/**
 * Lets the browser tests (plain Node) require the TypeScript engine straight from src/, so
 * their expected figures come from the engine of this checkout (never a stale build): each
 * .ts file is transpiled in memory with TypeScript's own transpileModule.
 */
const fs = require('fs');
const ts = require('typescript');

function register() {
  if (require.extensions['.ts']) return;
  const compile = (module, filename) => {
    const source = fs.readFileSync(filename, 'utf8');
    const { outputText } = ts.transpileModule(source, {
      fileName: filename,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2020,
        esModuleInterop: true,
        resolveJsonModule: true,
        jsx: ts.JsxEmit.ReactJSX,
      },
    });
    module._compile(outputText, filename);
  };
  require.extensions['.ts'] = compile;
  require.extensions['.tsx'] = compile;
}

module.exports = { register };
