// The add-in's browser build, after Microsoft's Office add-in templates: one entry and one HTML
// page per surface (task pane, ribbon function file, offline preview), assets and manifest
// copied, manifest URLs pointed at ADDIN_BASE_URL in production.
//   npm start        development server, https://localhost:3000 (sideloading)
//   npm run build    dist/ for any static HTTPS host
//   npm run preview  the task pane outside Office, http://localhost:3001/preview.html
// `--env outputPath=<dir>` builds somewhere other than dist/ (the build tests do).
const path = require('node:path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { httpsServer } = require('./scripts/dev-certs');
const { addinBaseUrl, rewriteManifestUrls } = require('./scripts/manifest-urls');

const PAGES = {
  taskpane: { entry: './src/taskpane/index.tsx', template: './src/taskpane/taskpane.html' },
  commands: { entry: './src/commands/commands.ts', template: './src/commands/commands.html' },
  preview: { entry: './src/preview/preview.tsx', template: './src/preview/preview.html' },
};

const PREVIEW_PORT = 3001;

module.exports = async (env = {}, argv = {}) => {
  const production = (argv.mode ?? 'production') === 'production';
  // `npm run preview` serves the preview page alone, over plain http: it needs neither Office nor
  // the add-in's certificate.
  const previewOnly = Boolean(env.preview);
  const pages = previewOnly ? ['preview'] : Object.keys(PAGES);
  const baseUrl = production ? addinBaseUrl(process.env.ADDIN_BASE_URL) : undefined;

  return {
    mode: production ? 'production' : 'development',
    target: 'web',
    entry: Object.fromEntries(pages.map((page) => [page, PAGES[page].entry])),
    output: {
      path: path.resolve(__dirname, env.outputPath ?? 'dist'),
      // Office caches add-in files hard; content hashes make every release load fresh code.
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      // Relative URLs: dist/ works from any folder of any host.
      publicPath: '',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          loader: 'ts-loader',
          options: {
            configFile: 'tsconfig.json',
            transpileOnly: true,
            // ES modules let webpack drop the unused parts of Fluent UI; tsc checks types.
            compilerOptions: { module: 'es2020', sourceMap: !production },
          },
        },
      ],
    },
    optimization: {
      // Modules shared by several pages (React and Fluent UI for the pane and the preview, the
      // core for all three) go to chunks of their own, cached across pages and releases; the
      // ribbon's function file loads no React.
      splitChunks: { chunks: 'all' },
    },
    plugins: [
      ...pages.map(
        (page) =>
          new HtmlWebpackPlugin({
            filename: `${page}.html`,
            template: PAGES[page].template,
            chunks: [page],
          }),
      ),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          { from: 'src/help/aiuto.html', to: 'aiuto.html' },
          ...(previewOnly
            ? []
            : [
                {
                  from: 'manifest.xml',
                  to: 'manifest.xml',
                  transform: (content) =>
                    baseUrl === undefined ? content : rewriteManifestUrls(content.toString(), baseUrl),
                },
              ]),
        ],
      }),
    ],
    performance: { hints: false },
    devtool: production ? false : 'eval-cheap-module-source-map',
    devServer: previewOnly
      ? {
          port: PREVIEW_PORT,
          server: 'http',
          static: false,
          open: false,
          onListening: () => {
            console.log(`\nAnteprima / Preview: http://localhost:${PREVIEW_PORT}/preview.html\n`);
          },
        }
      : {
          port: 3000,
          server: env.WEBPACK_SERVE ? await httpsServer() : 'https',
          static: false,
          // Excel loads the pages from its own origin (Excel on the web) or a webview.
          headers: { 'Access-Control-Allow-Origin': '*' },
          onListening: () => {
            console.log('\nRiquadro / Task pane: https://localhost:3000/taskpane.html');
            console.log('Manifest: manifest.xml (https://localhost:3000/manifest.xml)\n');
          },
        },
  };
};
