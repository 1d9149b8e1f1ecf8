/**
 * The copy-ready script an operator reads to a caller: the procedure's
 * documents, where, time, fee and the online and post options, in full
 * sentences without bullets, numbers-as-lists or links to click. The facts
 * are the ones the chat shows (procedureFacts.ts), so phone and chat agree.
 */
import type { Procedure } from '../catalogue/schema.js';
import { acceptsPost } from '../catalogue/schema.js';
import { feeText, perChannel } from '../render/procedureFacts.js';
import type { TextOptions } from '../render/procedureText.js';

/** More documents than this are summarised: a caller cannot follow a longer list by ear. */
const MAX_SPOKEN_DOCUMENTS = 8;

export function spokenScript(p: Procedure, o: TextOptions): string {
  const s = o.messages.script;
  const lines = [s.intro(p.name)];
  for (const group of p.documentGroups) {
    const names = group.documents.slice(0, MAX_SPOKEN_DOCUMENTS).map((d) => spoken(d.copies ? `${d.name} (${d.copies})` : d.name));
    if (names.length === 0) continue;
    lines.push([group.case ? s.documentsCase(spoken(group.case)) : '', s.documents(names)].filter(Boolean).join(' '));
  }
  const place = p.where ?? p.agency;
  if (place) lines.push(s.where(spoken(place)));
  const time = perChannel(p.channels, (c) => c.time);
  if (time) lines.push(s.time(spoken(time)));
  const fee = perChannel(p.channels, (c) => feeText(p, c, o));
  if (fee) lines.push(s.fee(spoken(fee)));
  if (p.online.level !== 'none') lines.push(s.online(p.online.url));
  if (acceptsPost(p)) lines.push(s.post);
  lines.push(s.closing);
  return lines.join('\n');
}

/** One phrase for reading aloud: no trailing stop (the sentence adds its own), no list bullets or Markdown. */
function spoken(text: string): string {
  return text.replace(/[*_`•]/g, '').replace(/\s*\n\s*/g, '; ').replace(/[.;:\s]+$/u, '').trim();
}
