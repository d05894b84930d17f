// Shared by package.test.js and browser.test.js: `npm pack` the repo into `dir` and install the
// tarball into `dir` as a scratch project with no network (the package has no dependencies).

import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);

/** Resolves to { tarball, files } (the paths inside the package) once dir/node_modules/webtorch exists. */
export async function packAndInstall(dir) {
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', dir], { cwd: ROOT });
  const [info] = JSON.parse(stdout);
  const tarball = path.join(dir, info.filename);
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
  await run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], { cwd: dir });
  return { tarball, files: info.files.map((f) => f.path).sort() };
}
