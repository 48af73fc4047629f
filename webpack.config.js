/**
 * Webpack build of the add-in (after Microsoft's shared-runtime custom-functions template).
 *
 *   taskpane  src/taskpane/index.tsx      -> taskpane.js, on taskpane.html (the shared runtime page)
 *   functions src/functions/functions.ts  -> functions.js (also on taskpane.html: one runtime runs both)
 *                                            + functions.json (metadata from the JSDoc)
 *   workbench src/workbench/page/index.tsx -> workbench.js, workbench.html, only with `--env workbench`
 *                                            (`npm run workbench`), into .workbench-build/ instead of dist/:
 *                                            the workbench bundles HyperFormula (GPL-3.0, used here as a
 *                                            local development and test tool) and is never deployed with
 *                                            the add-in, and a workbench build never overwrites dist/.
 *
 * Office.js comes from Microsoft's CDN (a <script> in taskpane.html), never from the bundle.
 * Development certificates are only asked for when serving, so `npm run build` needs none.
 * The production build rewrites every https://localhost:3000/ in manifest.xml to LM_PUBLIC_URL.
 *
 * scripts/manifest-check.js reads `FILENAMES` and this config to confirm that every URL of the
 * manifest points at a file the build emits.
 *
 * The production taskpane.html carries CONTENT_SECURITY_POLICY as a <meta> tag, first in <head>
 * (a meta policy covers only what follows it). Development builds (the dev server, with its hot
 * reload socket) and the workbench page carry none (docs/engine-core.md, "Content-Security-Policy").
 */
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const { finishFunctionsMetadata, helpPageHtml } = require('./scripts/functionsMetadata');

const DEV_URL = 'https://localhost:3000/';
const DEFAULT_PUBLIC_URL = 'https://lm-workbench.example.com/';

/**
 * The files that hold @customfunction JSDoc: each is bundled into the functions entry and read by
 * the metadata plugin (which appends its CustomFunctions.associate calls to each of them).
 */
const FUNCTION_FILES = [
  './src/functions/functions.ts',
  './src/functions/income.ts',
  './src/functions/housing.ts',
  './src/functions/residual.ts',
  './src/functions/workouts.ts',
  './src/functions/disposition.ts',
  './src/functions/npv.ts',
  './src/functions/timeline.ts',
  './src/functions/caseOptions.ts',
  './src/functions/portfolio.ts',
];

/** Microsoft's Office.js CDN: the only origin besides the add-in's own that the task pane may load from. */
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com';

/**
 * The production task pane's Content-Security-Policy. Scripts only from the add-in's origin and
 * the Office.js CDN, never eval ('unsafe-eval' absent; production bundles use no eval devtool).
 * style-src needs 'unsafe-inline': Fluent UI v9 styles through Griffel, which inserts <style>
 * elements at run time (microsoft/fluentui-system-icons#484; a nonce needs a per-response
 * header, which a static add-in host cannot give), and Office.js's Excel host script applies
 * inline styles (OfficeDev/office-js#1687). Inline styles cannot run script. No connection,
 * frame or form leaves these two origins: borrower data has nowhere to go.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'self' ${OFFICE_JS_CDN}`,
  "style-src 'self' 'unsafe-inline'",
  `img-src 'self' data: ${OFFICE_JS_CDN}`,
  "font-src 'self'",
  `connect-src 'self' ${OFFICE_JS_CDN}`,
  `frame-src 'self' ${OFFICE_JS_CDN}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/** The names of the files the build emits (the manifest check reads these). */
const FILENAMES = {
  bundle: '[name].js',
  taskpaneHtml: 'taskpane.html',
  workbenchHtml: 'workbench.html',
  functionsMetadata: 'functions.json',
  /** docs/functions.md as HTML: the functions' helpUrl points here (scripts/functionsMetadata.js). */
  functionsHelp: 'help/functions.html',
};

/**
 * Adds to the generated functions.json what the build owes it (allowErrorForDataTypeAny; help
 * URLs on the public URL in production): scripts/functionsMetadata.js says why.
 */
class FinishFunctionsMetadataPlugin {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('FinishFunctionsMetadataPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'FinishFunctionsMetadataPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const asset = compilation.getAsset(FILENAMES.functionsMetadata);
        if (!asset) return;
        const finished = finishFunctionsMetadata(asset.source.source().toString(), DEV_URL, this.baseUrl);
        compilation.updateAsset(FILENAMES.functionsMetadata, new sources.RawSource(finished));
      });
    });
  }
}

/** The production base URL: LM_PUBLIC_URL, with exactly one trailing slash. */
function publicUrl(env = process.env) {
  const url = (env.LM_PUBLIC_URL || DEFAULT_PUBLIC_URL).trim();
  if (!/^https:\/\/[^\s/]+/.test(url)) {
    throw new Error(`LM_PUBLIC_URL must be an https:// URL (Office loads add-ins only over https), not "${url}"`);
  }
  return url.replace(/\/*$/, '/');
}

/** Rewrites every occurrence of the development URL in the manifest (no occurrence is left behind). */
function rewriteManifest(content, baseUrl) {
  return content.toString().split(DEV_URL).join(baseUrl).split(DEV_URL.slice(0, -1)).join(baseUrl.slice(0, -1));
}

/** Where a workbench build goes (`webpack --env workbench`); scripts/workbench.js serves it. */
const WORKBENCH_OUTPUT = path.resolve(__dirname, '.workbench-build');

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== 'production';
  const serving = Boolean(env.WEBPACK_SERVE);
  const workbench = Boolean(env.workbench);
  const baseUrl = dev ? DEV_URL : publicUrl();

  return {
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      functions: FUNCTION_FILES,
      ...(workbench ? { workbench: './src/workbench/page/index.tsx' } : {}),
    },
    output: {
      path: workbench ? WORKBENCH_OUTPUT : path.resolve(__dirname, 'dist'),
      filename: FILENAMES.bundle,
      // dist/engine and dist/cli are emitted by tsc after webpack (`npm run build`): keep them.
      clean: workbench ? true : { keep: /^(engine|cli)\// },
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    // Office.js is loaded from the CDN by taskpane.html; nothing may bundle it.
    externals: { 'office-js': 'Office', '@microsoft/office-js': 'Office' },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Type errors are caught by `tsc --noEmit` in `npm run lint`; the bundle only transpiles.
          use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext', sourceMap: dev } } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: FILENAMES.functionsMetadata, input: FUNCTION_FILES }),
      new FinishFunctionsMetadataPlugin(baseUrl),
      new HtmlWebpackPlugin({
        filename: FILENAMES.taskpaneHtml,
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane', 'functions'],
        // Read by the template: the policy in production, nothing in development.
        contentSecurityPolicy: dev ? '' : CONTENT_SECURITY_POLICY,
      }),
      ...(workbench
        ? [
            new HtmlWebpackPlugin({
              filename: FILENAMES.workbenchHtml,
              title: 'LM Workbench (local)',
              chunks: ['workbench'],
            }),
          ]
        : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          {
            from: 'docs/functions.md',
            to: FILENAMES.functionsHelp,
            transform: (content) => helpPageHtml(content.toString(), 'LM Workbench: the LM custom functions'),
          },
          {
            from: 'manifest*.xml',
            to: '[name][ext]',
            transform: (content) => (dev ? content : rewriteManifest(content, baseUrl)),
          },
        ],
      }),
    ],
    devServer: {
      port: 3000,
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: { directory: path.resolve(__dirname, 'dist') },
      server: serving
        ? { type: 'https', options: await require('office-addin-dev-certs').getHttpsServerOptions() }
        : 'https',
    },
  };
};

module.exports.FILENAMES = FILENAMES;
module.exports.CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY;
module.exports.OFFICE_JS_CDN = OFFICE_JS_CDN;
module.exports.FUNCTION_FILES = FUNCTION_FILES;
module.exports.WORKBENCH_OUTPUT = WORKBENCH_OUTPUT;
module.exports.DEV_URL = DEV_URL;
module.exports.DEFAULT_PUBLIC_URL = DEFAULT_PUBLIC_URL;
module.exports.publicUrl = publicUrl;
module.exports.rewriteManifest = rewriteManifest;
