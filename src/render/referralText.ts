/**
 * The text of a referral: procedures the bundled knowledge does not cover,
 * named from the national catalogue with who handles them and the portal
 * page that has the full guidance. No botbuilder here.
 */
import type { Procedure } from '../catalogue/schema.js';
import type { Messages } from '../messages.js';

/** "Sở Tư pháp (cấp tỉnh)": the agency and the level it works at, as far as the record says. */
function handledBy(p: Procedure): string | undefined {
  const levels = p.levels.filter((l) => l !== 'Cơ quan khác').map((l) => l.toLowerCase()).join(', ');
  if (p.agency) return levels ? `${p.agency} (${levels})` : p.agency;
  return levels ? `cơ quan ${levels}` : undefined;
}

export function referralText(procedures: readonly Procedure[], messages: Messages): string {
  const m = messages.elsewhere;
  const items = procedures.map((p) => m.item(p.name, p.id, handledBy(p), p.sourceUrl ?? p.online.url));
  return [m.intro(procedures.length === 1), ...items, m.outro].join('\n\n');
}
