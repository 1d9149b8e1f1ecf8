/**
 * A structured answer (a title, label/value facts, a closing paragraph) in
 * the form each channel reads best: an Adaptive Card with a FactSet where
 * cards are shown, a Markdown list where only Markdown text is, and plain
 * bullet lines on Zalo and SMS. Lines starting with "•" in one text message collapse
 * into a paragraph in Web Chat; these do not.
 */
export interface FactSheet {
  title: string;
  intro?: string;
  facts: ReadonlyArray<readonly [label: string, value: string]>;
  /** Paragraphs after the facts (what to do next, how to correct). */
  outro?: readonly string[];
}

/** Adaptive Card 1.3: what Web Chat, Teams and the Emulator all render. */
export function factCard(sheet: FactSheet): Record<string, unknown> {
  const text = (value: string, extra: Record<string, unknown> = {}) => ({ type: 'TextBlock', text: escapeCardText(value), wrap: true, ...extra });
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.3',
    // Read aloud by screen readers and shown by clients that cannot render the card.
    fallbackText: plainSheet(sheet),
    speak: sheet.title,
    body: [
      text(sheet.title, { weight: 'Bolder', size: 'Medium' }),
      ...(sheet.intro ? [text(sheet.intro, { spacing: 'Small' })] : []),
      ...factElements(sheet.facts),
      ...(sheet.outro ?? []).map((p) => text(p)),
    ],
  };
}

/** Values a FactSet's value column holds without squeezing its labels on a 390 px screen. */
const FACTSET_MAX_VALUE_CHARS = 48;

/**
 * Short values: a FactSet (label column, value column). Long ones (a place to
 * file, a fee with its conditions): one "**Label:** value" block per fact, as
 * a two-column table breaks the labels letter by letter on a phone.
 */
function factElements(facts: FactSheet['facts']): Array<Record<string, unknown>> {
  if (facts.every(([, value]) => value.length <= FACTSET_MAX_VALUE_CHARS)) {
    return [{ type: 'FactSet', facts: facts.map(([title, value]) => ({ title: escapeCardText(title), value: escapeCardText(value) })) }];
  }
  return facts.map(([label, value]) => ({ type: 'TextBlock', text: `**${escapeCardText(label)}:** ${escapeCardText(value)}`, wrap: true, spacing: 'Small' }));
}

/** "- **Label:** value" lines: a real list in Markdown renderers. */
export function markdownSheet(sheet: FactSheet): string {
  const facts = sheet.facts.map(([label, value]) => `- **${label}:** ${value.replace(/\n/g, ' ')}`);
  return [`**${sheet.title}**`, sheet.intro, facts.join('\n'), ...(sheet.outro ?? [])].filter(Boolean).join('\n\n');
}

/**
 * "• Label: value" lines for channels that show text only (Zalo keeps line
 * breaks). Not numbered: numbers there are the replies of the menu below.
 */
export function plainSheet(sheet: FactSheet): string {
  const facts = sheet.facts.map(([label, value]) => `• ${label}: ${value}`);
  return [sheet.title, sheet.intro, facts.join('\n'), ...(sheet.outro ?? [])].filter(Boolean).join('\n\n');
}

/** Adaptive Card TextBlocks read a Markdown subset: keep citizens' own text literal. */
function escapeCardText(s: string): string {
  return s.replace(/([\\*_`[\]])/g, '\\$1').replace(/^(\s*)(\d+)\.(\s)/gm, '$1$2\\.$3').replace(/^(\s*)([-+])(\s)/gm, '$1\\$2$3');
}
