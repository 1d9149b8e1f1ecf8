/** Tiny flag parser for the command-line tools: `--name value` and bare `--flag`. */
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

/** KNOWLEDGE_PATH-style list: several sources separated by commas. */
export function knowledgeSources(args: ParsedArgs, fallback = process.env.KNOWLEDGE_PATH ?? 'knowledge'): string[] {
  return (stringFlag(args, 'knowledge') ?? fallback)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
