/** Tiny flag parser for the command-line tools: `--name value` and bare `--flag`. */
import { knowledgeSources, parseConfig } from '../config.js';

export interface ParsedArgs {
  flags: Map<string, string | true>;
  positional: string[];
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      flags.set(arg.slice(2), next);
      i++;
    } else flags.set(arg.slice(2), true);
  }
  return { flags, positional };
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

/** `--knowledge A,B`, or KNOWLEDGE_PATH from the validated configuration. */
export function sourcesFrom(args: ParsedArgs): string[] {
  const flag = stringFlag(args, 'knowledge');
  return knowledgeSources(flag ? { KNOWLEDGE_PATH: flag } : parseConfig(process.env));
}
