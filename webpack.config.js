// Bundles the headless core for the browser (dist/traguardo-core.js). The add-in's task pane,
// commands and preview entries join here with the Excel add-in work.
const path = require('node:path');

module.exports = (env, argv) => ({
  mode: argv.mode ?? 'production',
  target: 'web',
  entry: { 'traguardo-core': './src/index.ts' },
  output: {
    path: path.resolve(__dirname, 'dist'),
    filename: '[name].js',
    library: { name: 'Traguardo', type: 'umd' },
    globalObject: 'globalThis',
    clean: true,
  },
  resolve: { extensions: ['.ts', '.tsx', '.js'] },
  module: {
    rules: [{ test: /\.tsx?$/, loader: 'ts-loader', options: { configFile: 'tsconfig.build.json', transpileOnly: true } }],
  },
  performance: { hints: false },
  devtool: 'source-map',
});
