// Build step: the CLI as few files as Node can load quickly. esbuild bundles src/cli/bin.ts and the packages it
// uses into dist/cli/bin.js; each command's runner (imported lazily) becomes a chunk under dist/chunks/ that
// loads only when that command runs. ssh2, node-ssh, ink and react stay packages: they carry native or WASM
// parts, and only scan and the terminal UI load them.
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { build } from 'esbuild';

const OUT = 'dist';
const EXTERNAL = ['ssh2', 'node-ssh', 'ink', 'react', 'react/jsx-runtime'];

// yargs finds its translations at ../../../locales from its own file; in the bundle every file sits two levels
// below the package (dist/cli, dist/chunks), so point it at dist/locales and copy them there.
const yargsLocales = {
  name: 'yargs-locales',
  setup(b) {
    b.onLoad({ filter: /yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes("'../../../locales'")) throw new Error('yargs moved its locales: update bundle.mjs');
      return { contents: text.replace("'../../../locales'", "'../../locales'"), loader: 'js' };
    });
  },
};

// yargs lays out --help with string-width (three copies). Each copy builds an Intl.Segmenter and Unicode
// property regexes when it loads (about 60 ms: most of what --help cost) and then splits every word into
// graphemes. Printable ASCII is one column a character: answer that at once, and load the real string-width
// (required, so esbuild evaluates it only on first use) for anything else.
const asciiWidth = {
  name: 'ascii-string-width',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, async (args) => {
      if (args.pluginData === 'real') return undefined;
      const real = await b.resolve(args.path, {
        resolveDir: args.resolveDir,
        kind: args.kind,
        pluginData: 'real',
      });
      return { path: real.path, namespace: 'ascii-string-width' };
    });
    b.onLoad({ filter: /.*/, namespace: 'ascii-string-width' }, (args) => ({
      resolveDir: dirname(args.path),
      contents: `const PRINTABLE_ASCII = /^[\\x20-\\x7e]*$/;
let real;
export default function stringWidth(text, options) {
  if (typeof text === 'string' && PRINTABLE_ASCII.test(text)) return text.length;
  real ??= require(${JSON.stringify(args.path)}).default;
  return real(text, options);
}`,
    }));
  },
};

rmSync(OUT, { recursive: true, force: true });
const result = await build({
  entryPoints: ['src/cli/bin.ts'],
  outdir: OUT,
  outbase: 'src',
  entryNames: '[dir]/[name]',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  sourcemap: 'linked',
  sourcesContent: false,
  metafile: true,
  logLevel: 'warning',
  plugins: [yargsLocales, asciiWidth],
  // CommonJS packages inside the bundle (yaml) require Node's modules: give them a require.
  banner: {
    js: "import { createRequire as __avmaCreateRequire } from 'node:module'; const require = __avmaCreateRequire(import.meta.url);",
  },
});

const outputs = Object.keys(result.metafile.outputs).filter((file) => file.endsWith('.js'));
for (const file of outputs) {
  const depth = relative(OUT, file).split('/').length;
  if (depth !== 2) throw new Error(`${file} is not two levels below the package: ../../ paths would break`);
}
// Files read next to the code at run time: the collector beside whichever chunk holds collector-script.ts.
for (const file of outputs) {
  if (readFileSync(file, 'utf8').includes('collector.ps1'))
    copyFileSync('src/scan/collector.ps1', join(dirname(file), 'collector.ps1'));
}
mkdirSync(join(OUT, 'locales'), { recursive: true });
cpSync('node_modules/yargs/locales', join(OUT, 'locales'), { recursive: true });
console.log(
  `bundled into ${outputs.length} files: ${readdirSync(join(OUT, 'cli')).filter((f) => f.endsWith('.js')).length} entry, ${outputs.length - 1} chunks`,
);
