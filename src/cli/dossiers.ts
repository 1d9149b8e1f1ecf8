/**
 * `npm run dossiers -- import FILE.json [--data DIR]`: loads dossier records
 * (a JSON array in the one-stop-shop format) into the embedded store.
 * `npm run dossiers -- list [--data DIR]`: the codes in the store.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { parseConfig } from '../config.js';
import { EmbeddedDossierSource } from '../dossiers/embeddedSource.js';
import { parseArgs, stringFlag } from './args.js';

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const [command, file] = args.positional;
  const dataDir = stringFlag(args, 'data') ?? parseConfig(process.env).DATA_DIR;
  const source = await EmbeddedDossierSource.open(dataDir);
  if (command === 'import' && file) {
    let records: unknown;
    try {
      records = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      console.error(`Không đọc được ${file}: ${(error as Error).message}`);
      return 1;
    }
    try {
      console.log(`Đã nhập ${await source.import(records)} hồ sơ vào ${dataDir}`);
      return 0;
    } catch (error) {
      const issues = error instanceof z.ZodError ? error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n') : (error as Error).message;
      console.error(`Dữ liệu hồ sơ không hợp lệ, không nhập gì:\n${issues}`);
      return 1;
    }
  }
  if (command === 'list') {
    source.codes().forEach((c) => console.log(c));
    return 0;
  }
  console.error('Cách dùng: npm run dossiers -- import FILE.json [--data DIR] | list [--data DIR]');
  return 2;
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
