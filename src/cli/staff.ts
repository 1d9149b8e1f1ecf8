/**
 * `npm run staff -- add NAME --role staff|admin`, `staff -- list`, `staff -- disable NAME`,
 * `staff -- reset-password NAME`, each with `[--data DIR]`. A password is read from standard input
 * (typed without echo on a terminal, or piped: `printf '%s\n' "$PW" | npm run staff -- add an`),
 * never from an argument, which other users could read in the process list. Safe with the server
 * running: a new account can sign in at once, a disabled one is out at its next request.
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseConfig } from '../config.js';
import { AccountError, ROLES, StaffAccounts, type Role } from '../staff/accounts.js';
import { parseArgs, stringFlag } from './args.js';

const USAGE = 'Cách dùng: npm run staff -- add TÊN --role staff|admin | list | disable TÊN | reset-password TÊN   [--data DIR]';

async function readPassword(): Promise<string> {
  const tty = process.stdin.isTTY;
  if (tty) process.stderr.write('Mật khẩu (không hiện khi gõ): ');
  // On a terminal nothing is echoed: readline writes to a sink.
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const lines = createInterface({ input: process.stdin, output: tty ? sink : undefined, terminal: !!tty });
  for await (const line of lines) {
    lines.close();
    if (tty) process.stderr.write('\n');
    return line;
  }
  return '';
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const dataDir = stringFlag(args, 'data') ?? parseConfig(process.env).DATA_DIR;
  const accounts = await StaffAccounts.open(dataDir);
  const [command, name] = args.positional;
  try {
    switch (command) {
      case 'add': {
        const role = stringFlag(args, 'role') ?? 'staff';
        if (!name || !ROLES.includes(role as Role)) break;
        const account = await accounts.add(name, role as Role, await readPassword());
        console.log(`Đã tạo tài khoản ${account.username} (${account.role}).`);
        return 0;
      }
      case 'list':
        for (const a of await accounts.list()) console.log([a.username, a.role, a.disabled ? 'đã khóa' : 'đang dùng', a.createdAt].join('\t'));
        return 0;
      case 'disable':
        if (!name) break;
        await accounts.disable(name);
        console.log(`Đã khóa tài khoản ${name}; các phiên đang mở kết thúc ở yêu cầu kế tiếp.`);
        return 0;
      case 'reset-password':
        if (!name) break;
        await accounts.resetPassword(name, await readPassword());
        console.log(`Đã đặt mật khẩu mới cho ${name}; tài khoản được mở lại, các phiên cũ kết thúc.`);
        return 0;
    }
  } catch (error) {
    if (error instanceof AccountError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await accounts.close();
  }
  console.error(USAGE);
  return 2;
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
