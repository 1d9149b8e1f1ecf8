/**
 * `npm run smtp:catch [-- --port 2525]`: a local SMTP server that prints every
 * message it receives, for trying feedback delivery without a mail provider.
 * Run the bot with SMTP_URL=smtp://127.0.0.1:2525 and CONTROL_OFFICE_EMAIL=kiemsoat@localhost.
 */
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { parseArgs, stringFlag } from '../src/cli/args.js';

const port = Number(stringFlag(parseArgs(process.argv.slice(2)), 'port') ?? 2525);
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, done) {
    simpleParser(stream)
      .then((mail) => {
        const to = session.envelope.rcptTo.map((r) => r.address).join(', ');
        console.log(`\n=== ${new Date().toISOString()} → ${to}\nSubject: ${mail.subject ?? ''}\n\n${mail.text ?? ''}`);
        done();
      })
      .catch((error: Error) => done(error));
  },
});
server.listen(port, '127.0.0.1', () => console.log(`SMTP catcher on smtp://127.0.0.1:${port} — Ctrl+C to stop`));
